import type { LabelSent, RefundMethod, ReturnReason } from '../../commerce/ports';
import type { ReturnCondition, ReturnVerdict } from '../../commerce/return-policy';
import type { FlowContext } from '../../core/flow';
import { date, join, type Speech } from '../../speech/speech';
import type { Voice } from '../../speech/voice';
import type { Candidate } from './find-item';

type Refusal = Extract<ReturnVerdict, { eligible: false }>;

/** "the Trailblazer running shoes from your order on Tuesday" */
export function lineFromOrder(context: FlowContext, candidate: Candidate): Speech {
  return context.voice.say('returns.lineFromOrder', {
    item: context.voice.name(candidate.line),
    day: context.voice.day(candidate.order.placedAt, context.now),
  });
}

/** One sentence: why this line cannot be returned, with the day where a day explains it. */
export function refusalSentence(context: FlowContext, candidate: Candidate, refusal: Refusal, windowDays: number): Speech {
  const { voice } = context;
  const item = voice.name(candidate.line);
  switch (refusal.why) {
    case 'window-closed':
      return voice.say('returns.refused.windowClosed', {
        item,
        // Always the calendar date: "delivered on Tuesday" would not show how long ago it was.
        day: voice.say('day.onDate', { date: [date(refusal.deliveredOn)] }),
        count: refusal.windowDays,
      });
    case 'not-delivered':
      return voice.say('returns.refused.notDelivered', { item, count: windowDays });
    case 'cancelled':
      return voice.say('returns.refused.cancelled', { item });
    case 'final-sale':
      return voice.say('returns.refused.finalSale', { item });
    case 'gift-card':
      return voice.say('returns.refused.giftCard', { item });
    case 'personal-item':
      return voice.say('returns.refused.personalItem', { item });
    case 'already-returned':
      return voice.say('returns.refused.alreadyReturned', { item });
  }
}

const REASON_KEYS = {
  'size-too-small': 'returns.reason.sizeTooSmall',
  'size-too-large': 'returns.reason.sizeTooLarge',
  size: 'returns.reason.size',
  color: 'returns.reason.color',
  damaged: 'returns.reason.damaged',
  'not-as-described': 'returns.reason.notAsDescribed',
  style: 'returns.reason.style',
  unwanted: 'returns.reason.unwanted',
  'wrong-item': 'returns.reason.wrongItem',
  other: 'returns.reason.other',
} as const satisfies Record<ReturnReason, string>;

const CONDITION_KEYS = {
  unused: 'returns.condition.unused',
  unworn: 'returns.condition.unworn',
  'tags-attached': 'returns.condition.tagsAttached',
  'original-packaging': 'returns.condition.originalPackaging',
  'all-parts': 'returns.condition.allParts',
} as const satisfies Record<ReturnCondition, string>;

export function reasonPhrase(voice: Voice, reason: ReturnReason): Speech {
  return voice.say(REASON_KEYS[reason]);
}


/** "to your Visa ending in 4 2 4 2", "as store credit". */
export function refundDestination(voice: Voice, method: RefundMethod): Speech {
  if (method.kind === 'store-credit') return voice.say('returns.refundTo.storeCredit');
  if (!method.card) return voice.say('returns.refundTo.originalPayment');
  return voice.say('returns.refundTo.card', { brand: method.card.brand, last4: voice.digits(method.card.last4) });
}

const LABEL_KEYS = {
  email: 'returns.labelByEmail',
  'email-and-card': 'returns.labelByEmailAndCard',
  'store-email': 'returns.labelFromStore',
} as const satisfies Record<LabelSent, string>;

/**
 * Where the label is, then how to send the item: "The prepaid return label is in your email. Please
 * send it within 14 days, unworn, with the tags on, and in its original packaging." The conditions
 * are said here, where the shopper acts on them, rather than before the return is agreed.
 */
export function labelSentence(voice: Voice, delivery: LabelSent, shipWithinDays: number, conditions: readonly ReturnCondition[]): Speech {
  const label = voice.say(LABEL_KEYS[delivery]);
  const sendWithin =
    conditions.length === 0
      ? voice.say('returns.sendWithin', { count: shipWithinDays })
      : voice.say('returns.sendWithinAs', { count: shipWithinDays, conditions: voice.list(conditions.map((condition) => voice.say(CONDITION_KEYS[condition]))) });
  return join(label, sendWithin);
}

/** "the Trailblazer running shoes", "2 of the merino hiking socks". */
export function unitsPhrase(voice: Voice, candidate: Candidate, quantity: number): Speech {
  return candidate.line.quantity === 1
    ? voice.say('returns.units.only', { item: voice.name(candidate.line) })
    : voice.say('returns.units.some', { item: voice.name(candidate.line), count: quantity });
}
