import type { Flow, FlowContext, ShopperContext } from '../../core/flow';
import type { Reply } from '../../core/reply';
import { listen } from '../../core/replies';
import { intentOf, slotOf } from '../../core/turn';
import { type Speech, text } from '../../speech/speech';
import { assistance, offerPerson } from '../assistance';
import type { Basket } from '../checkout/checkout-state';
import { packSizeOf } from '../checkout/pack-sizes';
import { notPlaced, startCheckout, yesOrNo } from '../checkout/start-checkout';
import { pastPurchases } from './purchase-history';
import { pickOption } from './pick-option';
import { CHOOSE_STEP, chooseStep, readOptions, REORDER_FLOW, type ReorderOption } from './reorder-state';
import { categoryMayStandIn } from '../order-status/match-item';
import { type ReorderRequest, resolveReorder } from './resolve';
import type { Usual } from './usual';

const TOPIC = 'reorder';

function requestOf(context: FlowContext): ReorderRequest {
  const item = slotOf(context.turn, 'item');
  return {
    ...(item && item.spoken.trim() !== '' ? { item } : {}),
    lastOrder: slotOf(context.turn, 'lastOrder') !== undefined,
  };
}

function optionOf(usual: Usual): ReorderOption {
  const { line } = usual.last;
  return {
    productId: usual.productId,
    name: line.spokenName,
    category: line.category,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    ...(line.variant ? { variant: line.variant } : {}),
    ...(packSizeOf(line) ? { packs: true } : {}),
  };
}

/** The same product, as many as last time: checkout says whether the price changed since. */
function basketOf(option: ReorderOption): Basket {
  return {
    productId: option.productId,
    quantity: option.quantity,
    lastTime: { quantity: option.quantity, unitPrice: option.unitPrice },
    topic: TOPIC,
    ...(option.variant ? { variant: option.variant } : {}),
    ...(option.packs ? { packCategory: option.category } : {}),
  };
}

function optionList(context: FlowContext, options: readonly ReorderOption[]): Speech {
  return context.voice.list(options.map((option) => [text(option.name)]), 'or');
}

/** Ask which of (at most three) products the shopper means; one option is a yes-or-no question. */
function askWhich(context: FlowContext, options: readonly ReorderOption[], question: Speech): Reply {
  const { voice, turn } = context;
  return listen(turn, question, voice.say('reorder.chooseReprompt', { count: options.length, options: optionList(context, options) }), {
    active: chooseStep(options),
    suggestions: options.length === 1 ? yesOrNo(context) : options.map((option) => option.name),
  });
}

async function reorder(context: ShopperContext): Promise<Reply> {
  const { voice, now } = context;
  const request = requestOf(context);
  const purchases = await pastPurchases(context);
  const byWords = resolveReorder(purchases, { ...request, byCategory: false }, now);
  // Only when no purchase has the shopper's words does the catalog decide whether the category may stand in.
  const resolution =
    byWords.kind === 'instead' && (await categoryMayStandIn(context.commerce.catalog, byWords.item))
      ? resolveReorder(purchases, { ...request, byCategory: true }, now)
      : byWords;
  switch (resolution.kind) {
    case 'found':
      return startCheckout(context, basketOf(optionOf(resolution.usual)));
    case 'choose': {
      const options = resolution.options.map(optionOf);
      const key = resolution.why === 'tie' ? 'reorder.chooseUsual' : 'reorder.chooseFromLastOrder';
      return askWhich(context, options, voice.say(key, { options: optionList(context, options) }));
    }
    case 'instead': {
      const options = resolution.options.map(optionOf);
      const instead = voice.say('reorder.instead', { item: resolution.item.spoken, count: options.length, options: optionList(context, options) });
      return askWhich(context, options, instead);
    }
    case 'no-history':
      return offerPerson(context, voice.say('reorder.noHistory'), { reason: 'flow-dead-end', topic: TOPIC, tried: ['No past orders to reorder from.'] });
  }
}

/** "The second one", "the dog food", or yes to the only option offered. */
function answerChoice(context: ShopperContext, options: readonly ReorderOption[]): Promise<Reply> | Reply | undefined {
  const { turn } = context;
  switch (intentOf(turn)) {
    case 'SelectItemIntent': {
      const picked = pickOption(options, slotOf(turn, 'ordinal'), slotOf(turn, 'item'));
      return picked ? startCheckout(context, basketOf(picked)) : undefined;
    }
    case 'YesIntent': {
      const [only] = options;
      return only && options.length === 1 ? startCheckout(context, basketOf(only)) : undefined;
    }
    case 'NoIntent':
      return notPlaced(context);
    default:
      return undefined;
  }
}

/**
 * Reorders: "reorder my usual coffee", "reorder my last order", "buy more of the dog food". The
 * product comes from the shopper's purchase history (see usual.ts for what "usual" means); a tie
 * or an item never bought is settled with at most three options. Checkout does the rest.
 */
export const reorderFlow: Flow = {
  name: REORDER_FLOW,
  needsShopper: true,
  startsOn: ['ReorderIntent'],

  start: reorder,

  async continue(context, active) {
    const options = readOptions(active);
    if (!options) return undefined;
    const { shopper } = context;
    if (!shopper) return assistance.linkAccount(context);
    return answerChoice({ ...context, shopper }, options);
  },

  answers: { [CHOOSE_STEP]: ['item', 'confirm'] },

  help(context, active) {
    const options = readOptions(active) ?? [];
    const { voice, turn } = context;
    return listen(turn, voice.say('reorder.help'), voice.say('reorder.chooseReprompt', { count: options.length, options: optionList(context, options) }), {
      active,
    });
  },

  handoffFacts(active) {
    const options = readOptions(active) ?? [];
    return { topic: TOPIC, tried: [`Offered to reorder: ${options.map((option) => option.name).join(' / ')}.`] };
  },
};
