import { addDays } from '../../commerce/day-keys';
import type { HandoffReason, RefundMethod, ReturnRefusal, ReturnRequest, Shopper } from '../../commerce/ports';
import { conditionsFor, type ReturnPolicy, windowDaysFor, type ReturnVerdict } from '../../commerce/return-policy';
import type { FlowContext, HandoffFacts, ShopperContext } from '../../core/flow';
import type { Reply } from '../../core/reply';
import { end, listen } from '../../core/replies';
import { conversationIdOf } from '../../core/turn';
import { echoesItem } from '../../speech/item-echo';
import { join, plainText, type Speech } from '../../speech/speech';
import { offerPerson } from '../assistance';
import { escalate } from '../handoff';
import { assess, loadAssessed } from './assess';
import { type Candidate, candidateLabels, deliveredAt, type ItemQuery, type ItemSearch, loadCandidate, MAX_OFFERED, refOf, searchItems } from './find-item';
import { needsAPerson } from './reasons';
import {
  labelSentence,
  lineFromOrder,
  reasonPhrase,
  refundDestination,
  refusalSentence,
  unitsPhrase,
} from './return-speech';
import { activeStep, type Chosen, noting, type ReturnState, type ReturnStep } from './state';

/** A step answered wrongly this many times hands the shopper to a person. */
const FAILURES_BEFORE_HANDOFF = 2;

/** What a person taking over needs from a return in progress. */
export function factsOf(state: ReturnState): HandoffFacts {
  const { chosen } = state;
  return {
    topic: 'return',
    tried: state.tried,
    ...(chosen
      ? {
          orderNumber: chosen.order,
          item: { lineId: chosen.line, name: chosen.name, sku: chosen.sku, quantity: state.quantity ?? chosen.bought },
        }
      : {}),
  };
}

export function chosenOf(candidate: Candidate): Chosen {
  return { ...refOf(candidate), name: candidate.line.name, sku: candidate.line.sku, bought: candidate.line.quantity };
}

function yesNo(context: FlowContext): string[] {
  return [context.voice.line('suggestions.yes'), context.voice.line('suggestions.no')];
}

/** Ask one step's question and wait for its answer. */
function ask(context: FlowContext, step: ReturnStep, state: ReturnState, speech: Speech, reprompt: Speech, suggestions?: readonly string[]): Reply {
  return listen(context.turn, speech, reprompt, { active: activeStep(step, state), ...(suggestions ? { suggestions } : {}) });
}

export function handOver(context: FlowContext, reason: HandoffReason, state: ReturnState, intro: Speech): Promise<Reply> {
  return escalate(context, reason, factsOf(state), intro);
}

export function askItem(context: FlowContext, state: ReturnState, intro: Speech = []): Reply {
  const { voice } = context;
  return ask(context, 'ask-item', { ...state, candidates: [], chosen: undefined, failures: 0 }, join(intro, voice.say('returns.askItem')), voice.say('returns.askItemReprompt'));
}

export async function offered(context: ShopperContext, state: ReturnState): Promise<Candidate[]> {
  const loaded = await Promise.all(state.candidates.map((ref) => loadCandidate(context, ref)));
  return loaded.filter((candidate): candidate is Candidate => candidate !== undefined);
}

function chooseQuestion(context: FlowContext, candidates: readonly Candidate[], total: number): { speech: Speech; reprompt: Speech } {
  const { voice, now } = context;
  const options = voice.list(candidateLabels(voice, candidates, now), 'or');
  const speech =
    total > candidates.length
      ? voice.say('returns.chooseLatest', { count: total, options })
      : voice.say('returns.chooseOne', { options });
  return { speech, reprompt: voice.say('returns.chooseReprompt', { options }) };
}

function offerChoice(context: FlowContext, state: ReturnState, candidates: readonly Candidate[]): Reply {
  const shown = candidates.slice(0, MAX_OFFERED);
  const next = noting(
    { ...state, candidates: shown.map(refOf), chosen: undefined, failures: 0 },
    `Offered: ${shown.map((candidate) => `${candidate.line.name} (order ${candidate.order.number})`).join(' / ')}.`,
  );
  const { speech, reprompt } = chooseQuestion(context, shown, candidates.length);
  const chips = candidateLabels(context.voice, shown, context.now).map(plainText);
  return ask(context, 'choose-item', next, speech, reprompt, chips);
}

/** Nothing matched: say what there is instead, and offer a person (or one of those). */
function notFound(context: FlowContext, state: ReturnState, search: Extract<ItemSearch, { instead: unknown }>, query: ItemQuery): Reply {
  const { voice, now } = context;
  const missing =
    search.kind === 'order-not-found' && query.orderNumber
      ? voice.say('returns.orderNotFound', { number: voice.digits(query.orderNumber) })
      : query.item
        ? echoesItem(voice, query.item.spoken)
          ? voice.say('returns.itemNotFound', { item: query.item.spoken })
          : voice.say('returns.itemNotFoundThat')
        : voice.say('returns.nothingFound');
  const instead =
    search.instead.length > 0
      ? voice.say('returns.insteadFound', { options: voice.list(candidateLabels(voice, search.instead, now), 'or') })
      : [];
  const next = noting(
    { ...state, candidates: search.instead.map(refOf), chosen: undefined },
    `Nothing matched${query.item ? ` "${query.item.spoken}"` : ''}${query.orderNumber ? ` in order ${query.orderNumber}` : ''}.`,
  );
  const question = search.instead.length > 0 ? voice.say('returns.notFoundQuestion') : voice.say('returns.offerPerson');
  return ask(context, 'not-found', next, join(missing, instead, question), voice.say('returns.notFoundReprompt'), yesNo(context));
}

/**
 * Looks for what the shopper described. One line is confirmed in a few words (or, when it cannot
 * be returned, explained at once); several are offered; none gets what was found instead. A search
 * that answers a step and finds nothing is a failed answer to that step.
 */
export async function findAndOffer(context: ShopperContext, state: ReturnState, query: ItemQuery, answering?: ReturnStep): Promise<Reply> {
  const search = await searchItems(context, query);
  switch (search.kind) {
    case 'ask':
      return askItem(context, state);
    case 'none':
    case 'order-not-found': {
      const failures = answering ? state.failures + 1 : 0;
      if (failures >= FAILURES_BEFORE_HANDOFF) {
        return handOver(context, 'item-not-found', noting(state, 'Nothing matched again.'), context.voice.say('returns.troubleIntro'));
      }
      return notFound(context, { ...state, failures }, search, query);
    }
    case 'found': {
      const [only, ...others] = search.candidates;
      if (!only) return askItem(context, state);
      if (others.length > 0) return offerChoice(context, state, search.candidates);
      return offerOne(context, state, only);
    }
  }
}

function refuse(context: ShopperContext, state: ReturnState, candidate: Candidate, verdict: Extract<ReturnVerdict, { eligible: false }>, windowDays: number): Reply {
  const explained = noting({ ...state, chosen: chosenOf(candidate) }, `Not returnable: ${verdict.why}${'lastDay' in verdict ? ` (last day was ${verdict.lastDay})` : ''}.`);
  const speech = join(refusalSentence(context, candidate, verdict, windowDays), context.voice.say('returns.offerPerson'));
  return offerPerson(context, speech, { reason: 'return-not-eligible', ...factsOf(explained) });
}

/** "Is that the Trailblazer running shoes from your order on Tuesday?" */
function confirmItem(context: FlowContext, state: ReturnState, candidate: Candidate): Reply {
  const { voice } = context;
  const question = voice.say('returns.confirmItem', { line: lineFromOrder(context, candidate) });
  return ask(context, 'confirm-item', state, question, voice.say('returns.confirmItemReprompt'), yesNo(context));
}

async function offerOne(context: ShopperContext, state: ReturnState, candidate: Candidate): Promise<Reply> {
  const next = noting({ ...state, chosen: chosenOf(candidate), candidates: [], failures: 0 }, `Matched ${candidate.line.name} in order ${candidate.order.number}.`);
  const { policy, verdict } = await assess(context, candidate);
  // Naming the item in the explanation is confirmation enough: there is nothing to create.
  if (!verdict.eligible) return refuse(context, next, candidate, verdict, windowDaysFor(policy, candidate.line.category));
  return confirmItem(context, next, candidate);
}

/**
 * The item is settled: check the policy, then fill in what is missing, one question at a time,
 * then confirm. `repeating` asks the same question again, so its failures still count.
 */
export async function proceed(context: ShopperContext, state: ReturnState, repeating = false): Promise<Reply> {
  const { voice } = context;
  // Once the reason is known, the summary may name the card the refund goes back to: the shopper's
  // record is read with the line, in the same round trip.
  const [assessed, profile] = await Promise.all([
    state.chosen ? loadAssessed(context, state.chosen) : undefined,
    state.reason ? context.shopper.profile() : undefined,
  ]);
  if (!assessed) return askItem(context, state);
  const { candidate, policy, verdict } = assessed;
  if (!verdict.eligible) return refuse(context, state, candidate, verdict, windowDaysFor(policy, candidate.line.category));
  const settled = repeating ? state : { ...state, failures: 0 };
  if (!state.reason) {
    return ask(context, 'ask-reason', settled, voice.say('returns.askReason'), voice.say('returns.askReasonReprompt'));
  }
  if (needsAPerson(state.reason)) {
    return handOver(context, 'damaged-item', noting(state, `Reason: ${state.reason}.`), voice.say('returns.damagedIntro', { item: voice.name(candidate.line) }));
  }
  const quantity = state.quantity ?? (verdict.returnable === 1 ? 1 : undefined);
  if (quantity === undefined || quantity > verdict.returnable) {
    const question =
      quantity === undefined
        ? voice.say('returns.askQuantity', { count: candidate.line.quantity, item: voice.name(candidate.line) })
        : voice.say('returns.tooMany', { count: verdict.returnable });
    return ask(context, 'ask-quantity', { ...settled, quantity: undefined }, question, voice.say('returns.askQuantityReprompt', { count: verdict.returnable }));
  }
  const refund = { minor: candidate.line.unitPrice.minor * quantity, currency: candidate.line.unitPrice.currency };
  // One question with everything the yes agrees to: what goes back, why, and what comes back where.
  const speech = voice.say('returns.confirmReturn', {
    units: unitsPhrase(voice, candidate, quantity),
    reason: reasonPhrase(voice, state.reason),
    refund: voice.money(refund),
    destination: refundDestination(voice, refundMethodFor({ shopper: profile }, policy.refund)),
  });
  return ask(context, 'confirm-return', { ...settled, quantity }, speech, voice.say('returns.confirmReprompt'), yesNo(context));
}

/** Where a refund goes: store credit, or back to the card the shopper's record names (when it names one). */
export function refundMethodFor(owner: { readonly shopper: Pick<Shopper, 'defaultPayment'> | undefined }, refund: 'original-payment' | 'store-credit'): RefundMethod {
  if (refund === 'store-credit') return { kind: 'store-credit' };
  const card = owner.shopper?.defaultPayment;
  return card ? { kind: 'original-payment', card } : { kind: 'original-payment' };
}

type Refusal = Extract<ReturnVerdict, { eligible: false }>;

/** The store's reason for refusing a line, in the words the shopper hears for it. */
function refusalFromStore(context: FlowContext, candidate: Candidate, policy: ReturnPolicy, why: Refusal['why']): Refusal {
  if (why !== 'window-closed') return { eligible: false, why };
  const delivered = deliveredAt(candidate.order, candidate.line);
  if (!delivered) return { eligible: false, why: 'not-delivered' };
  const deliveredOn = context.voice.calendarDay(delivered);
  const windowDays = windowDaysFor(policy, candidate.line.category);
  return { eligible: false, why, deliveredOn, windowDays, lastDay: addDays(deliveredOn, windowDays) };
}

/** Nothing was created: say why, in the same words as when the item was first looked at. */
function refused(context: ShopperContext, state: ReturnState, candidate: Candidate, policy: ReturnPolicy, why: ReturnRefusal): Promise<Reply> | Reply {
  if (why === 'not-found') return askItem(context, state);
  // Fewer units are left than the shopper asked for: ask for the number again, as things are now.
  if (why === 'too-many') return proceed(context, noting({ ...state, quantity: undefined }, 'The store has fewer units left to return.'));
  return refuse(context, state, candidate, refusalFromStore(context, candidate, policy, why), windowDaysFor(policy, candidate.line.category));
}

/**
 * The shopper said yes: create the return (once, whatever repeats), and say its number, refund and
 * next step. Nothing the conversation carries is taken on trust: the line is read again from the
 * shopper's own orders, and the policy, the reason and the number are checked again right before
 * the return is made (and the store checks the policy once more as it makes it). Units already in
 * a return are the store's to weigh, with the request's key: a retried "yes" gets its own return back.
 */
export async function createReturn(context: ShopperContext, state: ReturnState): Promise<Reply> {
  const { voice, turn, commerce, shopper } = context;
  // Everything the return is checked against, and the card it refunds to, in one round trip; then the write.
  const [assessed, profile] = await Promise.all([state.chosen ? loadAssessed(context, state.chosen) : undefined, shopper.profile()]);
  if (!assessed || !state.reason || !state.quantity) return proceed(context, state);
  const { candidate, policy, verdict } = assessed;
  if (!verdict.eligible && verdict.why !== 'already-returned') {
    return refuse(context, state, candidate, verdict, windowDaysFor(policy, candidate.line.category));
  }
  // A reason that needs a person, or more than were bought: the questions that settle them.
  if (needsAPerson(state.reason) || state.quantity > candidate.line.quantity) return proceed(context, state);
  const request: ReturnRequest = {
    shopperId: shopper.id,
    orderNumber: candidate.order.number,
    lineId: candidate.line.id,
    quantity: state.quantity,
    reason: state.reason,
    ...(state.note ? { note: state.note } : {}),
    refundMethod: refundMethodFor({ shopper: profile }, policy.refund),
    labelDelivery: turn.platform === 'alexa' || turn.device.screen ? 'email-and-card' : 'email',
    // The same conversation and line always give the same key: a repeated or retried "yes" finds the first return.
    idempotencyKey: `${conversationIdOf(turn)}:return:${candidate.line.id}`,
  };
  const outcome = await commerce.returns.create(request);
  if (outcome.kind === 'refused') return refused(context, state, candidate, policy, outcome.why);
  const { record } = outcome;
  // A return the store has yet to approve is said as requested: its label follows the approval.
  const speech = record.pendingApproval
    ? voice.say('returns.requested', { number: voice.reference(record.number) })
    : join(
        voice.say('returns.created', { number: voice.reference(record.number) }),
        labelSentence(voice, record.labelDelivery, policy.shipWithinDays, conditionsFor(policy, candidate.line.category)),
      );
  // The refund was said when the shopper agreed to the return; the card keeps it with the rest.
  const refund = voice.say('returns.refundWhenReceived', { refund: voice.money(record.refund), destination: refundDestination(voice, record.refundMethod) });
  return {
    ...end(turn, speech, { card: { title: voice.line('returns.cardTitle'), text: plainText(join(speech, refund)) } }),
    achieved: { goal: 'return-created' },
  };
}

/** Asks the step's question again after an answer that did not fit; the second miss hands over to a person. */
export async function failed(context: ShopperContext, step: ReturnStep, state: ReturnState): Promise<Reply> {
  const { voice } = context;
  const failures = state.failures + 1;
  const noted = noting({ ...state, failures }, `Answer not understood at ${step}.`);
  if (failures >= FAILURES_BEFORE_HANDOFF) return handOver(context, 'repeated-failure', noted, voice.say('returns.troubleIntro'));
  const again = await question(context, step, noted);
  return again.next === 'listen' ? { ...again, speech: join(voice.say('returns.didNotGetThat'), again.speech) } : again;
}

/** The question of the step in progress, with the state as it is: for a repeat after a miss. */
async function question(context: ShopperContext, step: ReturnStep, state: ReturnState): Promise<Reply> {
  const { voice } = context;
  switch (step) {
    case 'ask-item':
      return ask(context, step, state, voice.say('returns.askItem'), voice.say('returns.askItemReprompt'));
    case 'choose-item':
    case 'not-found': {
      const candidates = await offered(context, state);
      if (candidates.length === 0) return askItem(context, state);
      const { speech, reprompt } = chooseQuestion(context, candidates, candidates.length);
      return ask(context, step, state, step === 'choose-item' ? speech : voice.say('returns.notFoundReprompt'), reprompt);
    }
    case 'confirm-item': {
      const candidate = state.chosen ? await loadCandidate(context, state.chosen) : undefined;
      return candidate ? confirmItem(context, state, candidate) : askItem(context, state);
    }
    case 'ask-reason':
    case 'ask-quantity':
    case 'confirm-return':
      return proceed(context, state, true);
  }
}
