import type { LabelDelivery, RefundMethod, ReturnReason } from '../../commerce/ports';
import type { ReturnCondition, ReturnVerdict } from '../../commerce/return-policy';
import type { FlowContext } from '../../core/flow';
import { date, type Speech } from '../../speech/speech';
import type { Voice } from '../../speech/voice';
import type { Candidate } from './find-item';

type Refusal = Extract<ReturnVerdict, { eligible: false }>;

/** "the Trailblazer running shoes from your order on Tuesday" */
export function lineFromOrder(context: FlowContext, candidate: Candidate): Speech {
  return context.voice.say('returns.lineFromOrder', {
    item: candidate.line.spokenName,
    day: context.voice.day(candidate.order.placedAt, context.now),
  });
}

/** One sentence: why this line cannot be returned, with the day where a day explains it. */
export function refusalSentence(context: FlowContext, candidate: Candidate, refusal: Refusal, windowDays: number): Speech {
  const { voice } = context;
  const item = candidate.line.spokenName;
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
      return voice.say('returns.refused.cancelled', { item, order: voice.digits(candidate.order.number) });
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

/** "Please send it back unworn, with the tags on, and in its original packaging." */
export function conditionsSentence(voice: Voice, conditions: readonly ReturnCondition[]): Speech {
  if (conditions.length === 0) return [];
  return voice.say('returns.conditions', { conditions: voice.list(conditions.map((condition) => voice.say(CONDITION_KEYS[condition]))) });
}

/** "to your Visa ending in 4 2 4 2", "as store credit". */
export function refundDestination(voice: Voice, method: RefundMethod): Speech {
  if (method.kind === 'store-credit') return voice.say('returns.refundTo.storeCredit');
  if (!method.card) return voice.say('returns.refundTo.originalPayment');
  return voice.say('returns.refundTo.card', { brand: method.card.brand, last4: voice.digits(method.card.last4) });
}

export function labelSentence(voice: Voice, delivery: LabelDelivery, shipWithinDays: number): Speech {
  const key = delivery === 'email-and-card' ? 'returns.labelByEmailAndCard' : 'returns.labelByEmail';
  return voice.say(key, { count: shipWithinDays });
}

/** "the Trailblazer running shoes", "2 of the merino hiking socks". */
export function unitsPhrase(voice: Voice, candidate: Candidate, quantity: number): Speech {
  return candidate.line.quantity === 1
    ? voice.say('returns.units.only', { item: candidate.line.spokenName })
    : voice.say('returns.units.some', { item: candidate.line.spokenName, count: quantity });
}
