import { freshSessionState } from '../../core/session-state';
import { type PersonOffer, personOfferStep } from '../../flows/assistance';
import { join, type Speech } from '../../speech/speech';
import type { Voice } from '../../speech/voice';
import type { CallerQuestion, PhoneCall } from './call-state';
import { SECOND_FACTOR_TRIES, type SecondFactorPorts, secondFactorMatches, shopperByOrder } from './caller-check';
import { digitsSaid } from './caller-digits';

/**
 * The caller check in front of the router, as a conversation of its own. It starts when the router
 * answers that the shopper must say who they are: a caller whose number names a shopper is asked
 * for a second factor; one whose number names nobody, for a recent order number and then the ZIP
 * code it went to. Once it passes, what the caller asked for is answered; three failures get a
 * person offered instead, through the assistance flow's own offer. The flows never see any of it.
 */

/** What the caller said (recognised speech) or keyed (digits closed with #). */
export type CallerInput = { readonly kind: 'speech'; readonly text: string } | { readonly kind: 'keys'; readonly digits: string };

export interface GateStep {
  readonly call: PhoneCall;
  readonly say: Speech;
  /** The check passed: answer what the caller asked for first, after `intro`. */
  readonly replay?: { readonly heard: string; readonly intro: Speech };
}

const closed = { awaiting: undefined, orderNumber: undefined, pending: undefined } as const;

/** The check's questions, by what is awaited: asked again when the caller answers with no number, or switches language. */
export const CHECK_QUESTIONS: Readonly<Record<CallerQuestion, 'phone.askSecondFactor' | 'phone.askOrderNumber' | 'phone.askPostalCode'>> = {
  'second-factor': 'phone.askSecondFactor',
  'order-number': 'phone.askOrderNumber',
  'postal-code': 'phone.askPostalCode',
};

/** The caller hears the offer of a person; their yes or no goes to the assistance flow like any other. */
function personOffered(call: PhoneCall, speech: Speech, offer: PersonOffer): GateStep {
  const session = { ...freshSessionState(), active: personOfferStep(offer), lastSpeech: [...speech] };
  return { call: { ...call, ...closed, session }, say: speech };
}

function refused(call: PhoneCall, voice: Voice, note: string): GateStep {
  return personOffered({ ...call, caller: { kind: 'refused' } }, voice.say('phone.callerNotConfirmed'), { reason: 'repeated-failure', tried: [note] });
}

/**
 * The router asked who the shopper is (`why` says so): the check's first question, or a person
 * when there is nothing left to check. What was asked (`heard`) waits for the check.
 */
export function askWhoIsCalling(call: PhoneCall, why: Speech, heard: string, voice: Voice, ports: SecondFactorPorts): GateStep {
  switch (call.caller.kind) {
    case 'claimed':
      return { call: { ...call, awaiting: 'second-factor', pending: heard }, say: join(why, voice.say('phone.askSecondFactor')) };
    case 'unknown':
      if (ports.shoppers.findByOrderAndPostalCode) {
        return { call: { ...call, awaiting: 'order-number', pending: heard }, say: join(why, voice.say('phone.askOrderNumber')) };
      }
      return personOffered(call, join(why, voice.say('phone.unknownCaller')), {
        reason: 'flow-dead-end',
        tried: ["The caller's number matches no shopper, so their account was not opened."],
      });
    case 'refused':
    case 'verified':
      return personOffered(call, voice.say('phone.callerNotConfirmed'), { reason: 'repeated-failure' });
  }
}

function verified(call: PhoneCall, shopperId: string, voice: Voice): GateStep {
  const passed: PhoneCall = { ...call, ...closed, caller: { kind: 'verified', shopperId } };
  const confirmed = voice.say('phone.callerConfirmed');
  if (call.pending) return { call: passed, say: [], replay: { heard: call.pending, intro: confirmed } };
  return { call: passed, say: join(confirmed, voice.say('assistance.anythingElseReprompt')) };
}

/** The digits in an answer: keyed as they are, said as a number among other words. */
function digitsOf(input: CallerInput, locale: string): string | undefined {
  return input.kind === 'keys' ? input.digits : digitsSaid(input.text, locale);
}

/** The caller's answer to the check's open question (`call.awaiting` is set). */
export async function answerCheck(call: PhoneCall, input: CallerInput, voice: Voice, ports: SecondFactorPorts, now: Date): Promise<GateStep> {
  const { caller, awaiting } = call;
  const digits = digitsOf(input, call.locale);
  // Words with no number in them ("where is my order") are no try at the answer: no failure is counted, the question is asked again.
  if (digits === undefined && awaiting && (caller.kind === 'claimed' || caller.kind === 'unknown')) {
    return { call, say: join(voice.say('phone.checkComesFirst'), voice.say(CHECK_QUESTIONS[awaiting])) };
  }
  if (caller.kind === 'claimed') {
    if (digits !== undefined && (await secondFactorMatches(ports, caller.shopperId, digits, now))) return verified(call, caller.shopperId, voice);
    const failures = caller.failures + 1;
    if (failures >= SECOND_FACTOR_TRIES) {
      return refused(call, voice, `The caller's second factor did not match ${SECOND_FACTOR_TRIES} times, so their account was not opened.`);
    }
    return { call: { ...call, caller: { ...caller, failures } }, say: join(voice.say('phone.secondFactorWrong'), voice.say('phone.askSecondFactor')) };
  }
  if (caller.kind === 'unknown' && call.awaiting === 'order-number' && digits !== undefined) {
    // Whether the order exists is not said: the ZIP code is asked for either way.
    return { call: { ...call, awaiting: 'postal-code', orderNumber: digits }, say: voice.say('phone.askPostalCode') };
  }
  if (caller.kind === 'unknown') {
    const shopperId = call.awaiting === 'postal-code' && call.orderNumber && digits ? await shopperByOrder(ports, call.orderNumber, digits, now) : undefined;
    if (shopperId) return verified(call, shopperId, voice);
    const failures = caller.failures + 1;
    if (failures >= SECOND_FACTOR_TRIES) {
      return refused(call, voice, `The caller's order number and ZIP code did not match ${SECOND_FACTOR_TRIES} times, so no account was opened.`);
    }
    return { call: { ...call, caller: { ...caller, failures }, awaiting: 'order-number', orderNumber: undefined }, say: voice.say('phone.orderNotMatched') };
  }
  return { call: { ...call, ...closed }, say: [], replay: { heard: input.kind === 'speech' ? input.text : input.digits, intro: [] } };
}
