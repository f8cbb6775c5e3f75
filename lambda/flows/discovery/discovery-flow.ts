import type { Product } from '../../commerce/ports';
import type { ProductPage, ProductQuery } from '../../commerce/product-query';
import type { Flow, FlowContext } from '../../core/flow';
import type { Reply } from '../../core/reply';
import { end, listen } from '../../core/replies';
import type { ActiveFlow } from '../../core/session-state';
import { heardInFull, intentOf, slotOf } from '../../core/turn';
import { join, type Speech } from '../../speech/speech';
import { offerPerson } from '../assistance';
import { ordinalPosition } from '../ordinal-position';
import { startCheckout } from '../checkout/start-checkout';
import { catalogWords } from './catalog-words';
import { cardLines, describeInDetail, describeInList, describeList } from './describe-products';
import { DISCOVERY_STEPS, type DiscoveryData, DiscoveryDataSchema, keepableQuery } from './discovery-state';
import { describeRelaxation } from './describe-relaxation';
import { grammarFor } from './grammar';
import { productOptionsDisplay } from './product-tiles';
import { cheaperThan, refineQuery } from './refine-query';
import { relaxations } from './relax-query';
import { requestFromSlots } from './request-from-slots';
import { understandQuery } from './understand-query';
import { vocabularyIndex } from './vocabulary-index';

/**
 * Products read in one answer, each with its name and price. Three with prices take 13 to 16
 * seconds to say in English and more in German (tools/listen-time), past the 15-second limit; two
 * take 11 to 14, and "more" reads the next two.
 */
const PAGE_SIZE = 2;
/**
 * Products a screen shows: the page just said and the result after it. The eye takes in three at
 * once; the ear's budget is what keeps the spoken page at two.
 */
const ON_SCREEN = 3;

/** How many results a page fetches: those said, and on a device that draws them, the one shown after them. */
function pageLimit(context: FlowContext): number {
  return context.turn.device.drawsDisplay ? ON_SCREEN : PAGE_SIZE;
}

/** The step in progress, with only what the next turn can read back (discovery-state.ts). */
function active(step: string, data: DiscoveryData): ActiveFlow {
  const onScreen = data.onScreen ? { onScreen: data.onScreen.slice(0, ON_SCREEN) } : {};
  return { flow: 'discovery', step, data: { ...data, query: keepableQuery(data.query), shown: data.shown.slice(0, PAGE_SIZE), ...onScreen } };
}

/** What the shopper said: the slot, else the raw text where the platform gives it, else a product request's parts. */
function spokenRequest(context: FlowContext, slot: 'query' | 'refinement'): string {
  const fromSlot = slotOf(context.turn, slot)?.spoken ?? '';
  if (fromSlot.trim().length > 0) return fromSlot;
  const utterance = context.turn.utterance ?? '';
  return utterance.trim().length > 0 || slot !== 'query' ? utterance : requestFromSlots(context.turn, grammarFor(context.voice.locale));
}

async function understand(context: FlowContext, text: string): Promise<ProductQuery> {
  const vocabulary = await context.commerce.catalog.vocabulary(context.voice.locale);
  return understandQuery(text, vocabularyIndex(vocabulary, context.voice.locale));
}

async function productsById(context: FlowContext, ids: readonly string[]): Promise<Product[]> {
  const found = await Promise.all(ids.map((id) => context.commerce.catalog.findById(id)));
  return found.filter((product): product is Product => product !== undefined);
}

function readData(activeFlow: ActiveFlow): DiscoveryData | undefined {
  const parsed = DiscoveryDataSchema.safeParse(activeFlow.data);
  return parsed.success ? parsed.data : undefined;
}

/** Read one page of results and say what the shopper can do next. */
function readResults(context: FlowContext, query: ProductQuery, page: ProductPage, offset: number, intro: Speech): Reply {
  const { voice, turn } = context;
  // Two said at most, whatever page the store sent; a device that draws them also shows the next one.
  const shown = page.products.slice(0, PAGE_SIZE);
  const onScreen = turn.device.drawsDisplay ? page.products.slice(0, ON_SCREEN) : shown;
  const list = describeList(voice, shown);
  const more = offset + shown.length < page.total;
  const next = more ? voice.say('discovery.moreOffer') : voice.say('discovery.chooseOffer');
  // Everything on the screen can be chosen, by touch or by "the third one"; "more" goes on after what was said.
  const data: DiscoveryData = {
    query,
    offset,
    total: page.total,
    shown: shown.map((product) => product.id),
    ...(turn.device.drawsDisplay ? { onScreen: onScreen.map((product) => product.id) } : {}),
  };
  return listen(turn, join(intro, list, next), more ? voice.say('discovery.moreReprompt') : voice.say('discovery.chooseReprompt'), {
    active: active(DISCOVERY_STEPS.results, data),
    card: turn.device.screen ? { title: voice.line('discovery.cardTitle'), text: cardLines(voice, shown, offset + 1) } : undefined,
    suggestions: [voice.line('suggestions.next'), voice.line('suggestions.tellMeAboutTheFirst'), voice.line('suggestions.cheaper')],
    display: turn.device.screen ? productOptionsDisplay(voice, onScreen) : undefined,
  });
}

/** "I found 12 matches.": the count, then the list itself shows how many are read. Past what the store counted: "more than 100". */
function countIntro(context: FlowContext, page: ProductPage): Speech {
  return context.voice.say(page.moreThanTotal ? 'discovery.foundMoreThan' : 'discovery.found', { count: page.total });
}

/** Nothing matched: find the constraint whose loss gives results and offer exactly that. */
async function offerRelaxed(context: FlowContext, query: ProductQuery): Promise<Reply> {
  const { voice, turn, commerce } = context;
  for (const { query: looser, relaxed } of relaxations(query)) {
    const page = await commerce.catalog.search(looser, { offset: 0, limit: 1 });
    const [first] = page.products;
    if (page.total === 0 || !first) continue;
    const speech = describeRelaxation(voice, await catalogWords(context), query, relaxed, page, first);
    const data: DiscoveryData = { query: looser, offset: 0, total: page.total, shown: [] };
    return listen(turn, speech, voice.say('discovery.relaxReprompt'), {
      active: active(DISCOVERY_STEPS.relaxOffer, data),
      suggestions: [voice.line('suggestions.yes'), voice.line('suggestions.no')],
    });
  }
  return offerPerson(context, join(voice.say('discovery.nothingAtAll'), voice.say('assistance.offerPersonReprompt')), {
    reason: 'flow-dead-end',
    topic: 'product search',
  });
}

async function search(context: FlowContext, query: ProductQuery, offset = 0): Promise<Reply> {
  const page = await context.commerce.catalog.search(query, { offset, limit: pageLimit(context) });
  if (page.products.length === 0) return offset === 0 ? offerRelaxed(context, query) : end(context.turn, context.voice.say('discovery.noMore'));
  const intro = offset === 0 ? countIntro(context, page) : context.voice.say('discovery.nextPage');
  return readResults(context, query, page, offset, intro);
}

function askForQuery(context: FlowContext): Reply {
  const { voice, turn } = context;
  return listen(turn, voice.say('discovery.askWhat'), voice.say('discovery.askWhatReprompt'), {
    active: { flow: 'discovery', step: DISCOVERY_STEPS.askQuery, data: {} },
  });
}

/**
 * Where the results go on after the list just read: the next page, unless the shopper spoke over
 * the list before its end; then from the first product they did not hear in full, so none is skipped.
 */
async function nextOffset(context: FlowContext, data: DiscoveryData): Promise<number> {
  if (context.turn.heardOfLastReply === undefined) return data.offset + PAGE_SIZE;
  const offered = await productsById(context, data.shown);
  const unheard = offered.findIndex((product) => !heardInFull(context.turn, describeInList(context.voice, product)));
  return data.offset + (unheard === -1 ? PAGE_SIZE : unheard);
}

/** "The second one", "it": which of the offered products the shopper means; on a screen, of those it shows. */
function chosenProductId(context: FlowContext, data: DiscoveryData): string | undefined {
  const ordinal = slotOf(context.turn, 'ordinal');
  if (!ordinal) return data.focus ?? (data.shown.length === 1 ? data.shown[0] : undefined);
  const choices = data.onScreen ?? data.shown;
  const focus = data.focus === undefined ? -1 : choices.indexOf(data.focus);
  const index = ordinalPosition(ordinal, choices.length, focus >= 0 ? focus : undefined) ?? Number.parseInt(ordinal.id ?? ordinal.spoken, 10) - 1;
  return Number.isInteger(index) ? choices[index] : undefined;
}

async function tellAbout(context: FlowContext, data: DiscoveryData): Promise<Reply> {
  const { voice, turn, now } = context;
  const id = chosenProductId(context, data);
  const [product] = id ? await productsById(context, [id]) : [];
  if (!product) {
    return listen(turn, voice.say('discovery.whichOne'), voice.say('discovery.whichOne'), { active: active(DISCOVERY_STEPS.results, data) });
  }
  const speech = join(describeInDetail(voice, await catalogWords(context), product, now), voice.say('discovery.detailOffer'));
  const detail = listen(turn, speech, voice.say('discovery.detailReprompt', { name: voice.name(product) }), {
    active: active(DISCOVERY_STEPS.detail, { ...data, focus: product.id }),
    card: turn.device.screen ? { title: product.name, text: product.description } : undefined,
  });
  // Asking about one product is the search's goal reached: the shopper found something they want to know more of.
  return { ...detail, achieved: PRODUCT_CHOSEN };
}

const PRODUCT_CHOSEN = { goal: 'product-chosen' } as const;

async function cheaper(context: FlowContext, data: DiscoveryData): Promise<Reply> {
  const offered = await productsById(context, data.shown);
  const cheapest = Math.min(...offered.map((product) => product.price.minor));
  if (!Number.isFinite(cheapest)) return search(context, { ...data.query, cheapestFirst: true });
  const query = cheaperThan(data.query, cheapest);
  const page = await context.commerce.catalog.search(query, { offset: 0, limit: pageLimit(context) });
  if (page.total === 0) {
    const { voice, turn } = context;
    return listen(turn, voice.say('discovery.alreadyCheapest'), voice.say('discovery.chooseReprompt'), {
      active: active(DISCOVERY_STEPS.results, data),
    });
  }
  return readResults(context, query, page, 0, countIntro(context, page));
}

/** "Order it": the product the shopper chose goes to checkout. */
async function discoveryCheckout(context: FlowContext, data: DiscoveryData): Promise<Reply> {
  const id = chosenProductId(context, data);
  if (!id) {
    return listen(context.turn, context.voice.say('discovery.whichOne'), context.voice.say('discovery.whichOne'), {
      active: active(DISCOVERY_STEPS.results, data),
    });
  }
  const checkout = await startCheckout(context, { productId: id, quantity: 1, topic: 'product search' });
  return checkout.achieved ? checkout : { ...checkout, achieved: PRODUCT_CHOSEN };
}

export const discoveryFlow: Flow = {
  name: 'discovery',
  needsShopper: false,
  startsOn: ['FindProductIntent'],

  async start(context) {
    const text = spokenRequest(context, 'query');
    if (text.trim().length === 0) return askForQuery(context);
    return search(context, await understand(context, text));
  },

  async continue(context, activeFlow) {
    const intent = intentOf(context.turn);
    if (activeFlow.step === DISCOVERY_STEPS.askQuery) {
      return intent === 'FindProductIntent' || intent === 'RefineSearchIntent'
        ? search(context, await understand(context, spokenRequest(context, intent === 'FindProductIntent' ? 'query' : 'refinement')))
        : undefined;
    }
    const data = readData(activeFlow);
    if (!data) return undefined;
    // Only the results step's reply was a list.
    const next = async () => (activeFlow.step === DISCOVERY_STEPS.results ? nextOffset(context, data) : data.offset + PAGE_SIZE);
    switch (intent) {
      case 'YesIntent': {
        if (activeFlow.step === DISCOVERY_STEPS.relaxOffer) return search(context, data.query);
        if (activeFlow.step === DISCOVERY_STEPS.detail) return discoveryCheckout(context, data);
        const offset = await next();
        return offset < data.total ? search(context, data.query, offset) : tellAbout(context, data);
      }
      case 'NextIntent':
        return search(context, data.query, await next());
      case 'NoIntent':
        return end(context.turn, context.voice.say('discovery.declined'));
      case 'ProductDetailIntent':
      case 'SelectItemIntent':
        return tellAbout(context, data);
      case 'CheaperIntent':
        return cheaper(context, data);
      case 'RefineSearchIntent':
        return search(context, refineQuery(data.query, await understand(context, spokenRequest(context, 'refinement'))));
      case 'BuyIntent':
        return discoveryCheckout(context, data);
      default:
        return undefined;
    }
  },

  answers: {
    [DISCOVERY_STEPS.askQuery]: [],
    [DISCOVERY_STEPS.results]: ['results'],
    [DISCOVERY_STEPS.relaxOffer]: ['confirm'],
    [DISCOVERY_STEPS.detail]: ['results', 'confirm'],
  },

  help(context, activeFlow) {
    const { voice, turn } = context;
    return listen(turn, voice.say('discovery.help'), voice.say('discovery.moreReprompt'), { active: activeFlow });
  },
};
