import type { Flow, FlowContext, ShopperContext } from '../../core/flow';
import type { IntentName } from '../../core/intents';
import type { ExpectedAnswer } from '../../understanding/expected-answers';
import type { Reply } from '../../core/reply';
import { listen } from '../../core/replies';
import type { ActiveFlow } from '../../core/session-state';
import { intentOf, slotCount, slotOf } from '../../core/turn';
import type { MessageKey } from '../../speech/i18n';
import { join, type Speech } from '../../speech/speech';
import { assistance } from '../assistance';
import {
  type AlternativeOffer,
  CHECKOUT_FLOW,
  type CheckoutStep,
  type Confirmation,
  confirmStep,
  readAlternative,
  readConfirmation,
  readSizeQuestion,
  stepOf,
} from './checkout-state';
import { preparesCart } from './checkout-mode';
import { askForPin, checkPin, pinBlock, pinRequired } from './pin-step';
import { placeOrder } from './place-order';
import { sizeRequestOf } from './size-change';
import { answerSize, resize } from './size-step';
import { spokenPin } from './spoken-pin';
import { notPlaced, startCheckout, yesOrNo } from './start-checkout';

const HELP: Readonly<Record<CheckoutStep, MessageKey>> = {
  size: 'checkout.help.size',
  confirm: 'checkout.help.confirm',
  pin: 'checkout.help.pin',
  alternative: 'checkout.help.alternative',
};

const REPROMPT: Readonly<Record<CheckoutStep, MessageKey>> = {
  size: 'checkout.askSizeReprompt',
  confirm: 'checkout.confirmReprompt',
  pin: 'checkout.askPinReprompt',
  alternative: 'checkout.alternativeReprompt',
};

/** Answers to the PIN question that carried no digits but were meant as one: the question is asked again. */
const PIN_LIKE: ReadonlySet<IntentName> = new Set(['PinIntent', 'QuantityIntent', 'YesIntent', 'FallbackIntent']);

/** The same confirmation again, after a size the item does not come in. */
function confirmAsIs(context: FlowContext, state: Confirmation, why: Speech): Reply {
  const { voice, turn } = context;
  const cart = preparesCart(context);
  return listen(turn, join(why, voice.say(cart ? 'checkout.confirmCartAsIs' : 'checkout.confirmAsIs')), voice.say(cart ? 'checkout.confirmCartReprompt' : 'checkout.confirmReprompt'), {
    active: confirmStep(state),
    suggestions: yesOrNo(context),
  });
}

/** "Make it three." */
function requantify(context: ShopperContext, state: Confirmation): Promise<Reply> | undefined {
  // Above the voice limit is still a quantity: checkout says the limit and lowers it.
  const quantity = slotCount(slotOf(context.turn, 'quantity'), Number.MAX_SAFE_INTEGER);
  if (quantity === undefined) return undefined;
  return startCheckout(context, { ...state.basket, quantity });
}

async function answerConfirmation(context: ShopperContext, state: Confirmation): Promise<Reply | undefined> {
  switch (intentOf(context.turn)) {
    case 'YesIntent': {
      if (!(await pinRequired(context))) return placeOrder(context, state);
      return (await pinBlock(context, state.basket)) ?? askForPin(context, state);
    }
    case 'NoIntent':
      return notPlaced(context);
    case 'QuantityIntent':
      return requantify(context, state);
    case 'ChangeSizeIntent': {
      const request = sizeRequestOf(context.turn);
      return request ? resize(context, state.basket, request, (why) => confirmAsIs(context, state, why)) : undefined;
    }
    default:
      return undefined;
  }
}

async function answerPin(context: ShopperContext, state: Confirmation): Promise<Reply | undefined> {
  const intent = intentOf(context.turn);
  if (intent === 'NoIntent') return notPlaced(context);
  // Without digits, only an answer that sounds like one gets the PIN question again; anything else is a new request.
  if (spokenPin(context.turn) === undefined && (intent === undefined || !PIN_LIKE.has(intent))) return undefined;
  const answer = await checkPin(context, state);
  return answer.kind === 'accepted' ? placeOrder(context, state) : answer.reply;
}

function answerAlternative(context: ShopperContext, offer: AlternativeOffer): Promise<Reply> | Reply | undefined {
  switch (intentOf(context.turn)) {
    case 'YesIntent':
      return startCheckout(context, offer.basket);
    case 'NoIntent':
      return notPlaced(context);
    default:
      return undefined;
  }
}

/** The steps of checkout; it starts from other flows (see startCheckout), never on an intent of its own. */
export const checkoutFlow: Flow = {
  name: CHECKOUT_FLOW,
  needsShopper: true,
  startsOn: [],

  async start(context) {
    return assistance.help(context);
  },

  async continue(context, active) {
    const step = stepOf(active);
    if (!step) return undefined;
    const { shopper } = context;
    if (!shopper) return assistance.linkAccount(context);
    const shopperContext: ShopperContext = { ...context, shopper };
    if (step === 'alternative') {
      const offer = readAlternative(active);
      return offer ? answerAlternative(shopperContext, offer) : undefined;
    }
    if (step === 'size') {
      const basket = readSizeQuestion(active);
      return basket ? answerSize(shopperContext, basket) : undefined;
    }
    const state = readConfirmation(active);
    if (!state) return undefined;
    return step === 'pin' ? answerPin(shopperContext, state) : answerConfirmation(shopperContext, state);
  },

  answers: {
    size: ['size'],
    confirm: ['confirm', 'quantity', 'size'],
    pin: ['pin'],
    alternative: ['confirm'],
  } satisfies Record<CheckoutStep, readonly ExpectedAnswer[]>,

  help(context, active) {
    const step = stepOf(active) ?? 'confirm';
    const [help, reprompt] = step === 'confirm' && preparesCart(context) ? (['checkout.help.confirmCart', 'checkout.confirmCartReprompt'] as const) : [HELP[step], REPROMPT[step]];
    return listen(context.turn, context.voice.say(help), context.voice.say(reprompt), { active });
  },

  handoffFacts(active: ActiveFlow) {
    const basket = (readConfirmation(active) ?? readAlternative(active))?.basket ?? readSizeQuestion(active);
    if (!basket) return { topic: 'checkout' };
    const replacing = readAlternative(active)?.replacing;
    const size = basket.variant?.size ? `, size ${basket.variant.size}` : '';
    const instead = replacing ? `, instead of product ${replacing} (out of stock)` : '';
    return { topic: basket.topic, tried: [`Checkout (${active.step}) for ${basket.quantity} × product ${basket.productId}${size}${instead}.`] };
  },
};
