import type { Flow, FlowContext, ShopperContext } from '../../core/flow';
import type { IntentName } from '../../core/intents';
import type { ExpectedAnswer } from '../../understanding/expected-answers';
import type { Reply } from '../../core/reply';
import { end, listen } from '../../core/replies';
import { intentOf, slotCount, slotDigits, slotOf } from '../../core/turn';
import type { MessageKey } from '../../speech/i18n';
import { assistance } from '../assistance';
import { loadAssessed } from './assess';
import { type Candidate, type ItemQuery, pickCandidate } from './find-item';
import { reasonFrom } from './reasons';
import { askItem, chosenOf, createReturn, factsOf, failed, findAndOffer, handOver, offered, proceed } from './steps';
import { emptyState, FLOW_NAME, noting, readState, type ReturnState, type ReturnStep, stepOf } from './state';
import { interpretWhen } from './when';

/**
 * What can answer a return's question. Anything else (another request, "repeat that") is left to
 * the router: the shopper changed their mind, or wants something the router answers itself.
 */
const ANSWERS: ReadonlySet<IntentName> = new Set([
  'ReturnItemIntent',
  'SelectItemIntent',
  'ReturnReasonIntent',
  'QuantityIntent',
  'YesIntent',
  'NoIntent',
  'FallbackIntent',
]);

const HELP: Readonly<Record<ReturnStep, MessageKey>> = {
  'ask-item': 'returns.help.askItem',
  'choose-item': 'returns.help.chooseItem',
  'not-found': 'returns.help.notFound',
  'confirm-item': 'returns.help.confirmItem',
  'ask-reason': 'returns.help.askReason',
  'ask-quantity': 'returns.help.askQuantity',
  'confirm-return': 'returns.help.confirmReturn',
};

/** More units than any order line holds. */
const MAX_RETURN_QUANTITY = 999;

/** What this turn says about the item: words, an order number, a time. */
function queryOf(context: FlowContext): ItemQuery {
  const { turn, voice, now } = context;
  const item = slotOf(turn, 'item');
  const orderNumber = slotDigits(slotOf(turn, 'orderNumber'));
  const date = slotOf(turn, 'date');
  const when = date ? interpretWhen(date, voice.calendarDay(now), voice.locale) : undefined;
  return {
    ...(item && item.spoken.trim() !== '' ? { item } : {}),
    ...(orderNumber ? { orderNumber } : {}),
    ...(when ? { when } : {}),
  };
}

/** Folds in whatever else the sentence carried: a reason ("they don't fit") and a quantity. */
function withDetails(context: FlowContext, state: ReturnState): ReturnState {
  const given = reasonFrom(slotOf(context.turn, 'reason'));
  const quantity = slotCount(slotOf(context.turn, 'quantity'), MAX_RETURN_QUANTITY);
  return {
    ...state,
    ...(given ? { reason: given.reason, note: given.note } : {}),
    ...(quantity ? { quantity } : {}),
  };
}

function describeRequest(context: FlowContext): string {
  const slots = context.turn.event.kind === 'intent' ? context.turn.event.slots : {};
  const said = Object.entries(slots).map(([name, value]) => `${name} "${value.spoken}"`);
  return `Shopper asked to return something${said.length > 0 ? `: ${said.join(', ')}` : ''}.`;
}

function hasItemDetails(query: ItemQuery): boolean {
  return query.item !== undefined || query.orderNumber !== undefined || query.when !== undefined;
}

/** A new description of the item mid-way starts the search again, keeping the reason and quantity. */
function searchAgain(context: ShopperContext, state: ReturnState, query: ItemQuery, answering: ReturnStep): Promise<Reply> {
  const fresh: ReturnState = { ...state, candidates: [], chosen: undefined };
  return findAndOffer(context, noting(fresh, describeRequest(context)), query, answering);
}

async function choose(context: ShopperContext, step: ReturnStep, state: ReturnState): Promise<Reply> {
  const candidates = await offered(context, state);
  const picked = pickCandidate(candidates, slotOf(context.turn, 'ordinal'), slotOf(context.turn, 'item'));
  const candidate: Candidate | undefined = picked === undefined ? undefined : candidates[picked];
  if (!candidate) return failed(context, step, state);
  return proceed(context, noting({ ...state, chosen: chosenOf(candidate), candidates: [] }, `Shopper chose ${candidate.line.name} (order ${candidate.order.number}).`));
}

async function answerStep(context: ShopperContext, step: ReturnStep, state: ReturnState): Promise<Reply> {
  const { turn, voice } = context;
  const intent = intentOf(turn);
  const query = queryOf(context);
  switch (step) {
    case 'ask-item':
      if ((intent === 'SelectItemIntent' || intent === 'ReturnItemIntent') && hasItemDetails(query)) {
        return searchAgain(context, withDetails(context, state), query, step);
      }
      return failed(context, step, state);
    case 'choose-item':
    case 'not-found':
      if (intent === 'SelectItemIntent') return choose(context, step, state);
      if (intent === 'NoIntent' && step === 'choose-item') return askItem(context, noting(state, 'Shopper said it was none of those.'), voice.say('returns.neither'));
      if (intent === 'NoIntent') return end(turn, voice.say('assistance.declinedPerson'));
      if (intent === 'YesIntent' && step === 'not-found') return handOver(context, 'item-not-found', state, []);
      return failed(context, step, state);
    case 'confirm-item':
      if (intent === 'YesIntent') return proceed(context, noting(withDetails(context, state), 'Shopper confirmed the item.'));
      if (intent === 'NoIntent') return askItem(context, noting(state, 'Shopper said that was not the item.'), voice.say('returns.notThatOne'));
      // "They're too small" to "is it the boots?": a yes, with the reason volunteered; it is never asked for again.
      if (intent === 'ReturnReasonIntent' && slotOf(turn, 'reason')) return proceed(context, noting(withDetails(context, state), 'Shopper confirmed the item.'));
      if (intent === 'SelectItemIntent' && hasItemDetails(query)) return searchAgain(context, state, query, step);
      return failed(context, step, state);
    case 'ask-reason':
      if (intent === 'ReturnReasonIntent' && slotOf(turn, 'reason')) return proceed(context, withDetails(context, state));
      return failed(context, step, state);
    case 'ask-quantity':
      return answerQuantity(context, step, state);
    case 'confirm-return':
      if (intent === 'YesIntent') return createReturn(context, noting(state, 'Shopper confirmed the return.'));
      if (intent === 'NoIntent') {
        return listen(turn, voice.say('returns.notCreated'), voice.say('assistance.anythingElseReprompt'));
      }
      // Changing their mind about the reason or the number re-reads the summary.
      if (intent === 'ReturnReasonIntent' && slotOf(turn, 'reason')) return proceed(context, withDetails(context, state));
      if (intent === 'QuantityIntent') return answerQuantity(context, step, state);
      if (intent === 'SelectItemIntent' && hasItemDetails(query)) return searchAgain(context, state, query, step);
      return failed(context, step, state);
  }
}

/** "Two", or "all of them" (the intent without a number). */
async function answerQuantity(context: ShopperContext, step: ReturnStep, state: ReturnState): Promise<Reply> {
  if (intentOf(context.turn) !== 'QuantityIntent') return failed(context, step, state);
  const slot = slotOf(context.turn, 'quantity');
  let quantity = slotCount(slot, MAX_RETURN_QUANTITY);
  if (slot === undefined) {
    const assessed = state.chosen ? await loadAssessed(context, state.chosen) : undefined;
    quantity = assessed?.verdict.eligible ? assessed.verdict.returnable : undefined;
  }
  if (quantity === undefined) return failed(context, step, state);
  return proceed(context, { ...state, quantity });
}

export const returnsFlow: Flow = {
  name: FLOW_NAME,
  needsShopper: true,
  startsOn: ['ReturnItemIntent'],

  async start(context) {
    const state = noting(withDetails(context, emptyState()), describeRequest(context));
    return findAndOffer(context, state, queryOf(context));
  },

  async continue(context, active) {
    const step = stepOf(active);
    const intent = intentOf(context.turn);
    if (!step || !intent || !ANSWERS.has(intent)) return undefined;
    const { shopper } = context;
    if (!shopper) return assistance.linkAccount(context);
    const shopperContext = { ...context, shopper };
    const state = readState(active);
    // Saying the whole request again ("return the boots from last week") is an answer to any step.
    if (intent === 'ReturnItemIntent') {
      const query = queryOf(context);
      if (hasItemDetails(query)) return searchAgain(shopperContext, withDetails(context, state), query, step);
      const detailed = withDetails(context, state);
      return detailed.chosen ? proceed(shopperContext, detailed) : askItem(shopperContext, detailed);
    }
    return answerStep(shopperContext, step, state);
  },

  answers: {
    'ask-item': ['item'],
    'choose-item': ['item'],
    'not-found': ['item', 'confirm'],
    'confirm-item': ['confirm', 'reason'],
    'ask-reason': ['reason'],
    'ask-quantity': ['quantity'],
    'confirm-return': ['confirm', 'reason', 'quantity'],
  } satisfies Record<ReturnStep, readonly ExpectedAnswer[]>,

  help(context, active) {
    const step = stepOf(active) ?? 'ask-item';
    const { voice, turn } = context;
    return listen(turn, voice.say(HELP[step]), voice.say('returns.helpReprompt'), { active });
  },

  handoffFacts(active) {
    return factsOf(readState(active));
  },
};
