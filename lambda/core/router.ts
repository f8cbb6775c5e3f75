import { StoreUnavailableError } from '../commerce/commerce-errors';
import { performance } from 'node:perf_hooks';
import type { Commerce, HandoffReason, TurnEvent, TurnEvents, TurnOutcome } from '../commerce/ports';
import type { MessageKey } from '../speech/i18n';
import { plainText } from '../speech/speech';
import { type Voice, voiceFor } from '../speech/voice';
import { commerceInLocale } from '../commerce/spoken-names';
import { runAsShopper } from '../commerce/shopper-credential';
import { calendarDayIn, isoDay } from '../understanding/calendar';
import type { Household } from '../household/household';
import { ORDER_DETAIL_FLOWS, orderDetailsWithheld } from '../household/withheld-reply';
import { commerceWithin } from './bounded-commerce';
import type { Assistance, Flow, FlowContext, LinkedShopper, StoreProfile } from './flow';
import type { IntentName } from './intents';
import { loggableSlots } from './loggable-slots';
import { type TextReader, withOwnReading } from './own-reading';
import { guardedIntent } from './purchase-guard';
import type { Reply } from './reply';
import { withinReplyLimits } from './reply-limits';
import { shopperHash } from './shopper-hash';
import { conversationIdOf, type Turn } from './turn';
import { TurnBudget, TurnOverrunError, waitAtMost } from './turn-budget';
import { commerceRememberedForTurn } from './turn-reads';
import { createTurnWrites, type TurnWrites } from './turn-writes';

export interface RouterDependencies {
  readonly flows: readonly Flow[];
  readonly assistance: Assistance;
  readonly commerce: Commerce;
  readonly store: StoreProfile;
  /** Access token → shopper id; undefined for a missing, invalid or expired token. */
  readonly verifyAccessToken: (token: string | undefined) => Promise<{ shopperId: string } | undefined>;
  readonly clock?: () => Date;
  /** Told about failures the shopper heard an apology for. Must not throw. */
  readonly onError?: (error: unknown, turn: Turn) => void;
  /** How long a turn may wait on ports before what is still unanswered fails; DEFAULT_TURN_BUDGET_MS when unset. */
  readonly turnBudgetMs?: number;
  /** A store call unanswered this long makes the platform say it is checking, where it can; DEFAULT_PROGRESS_AFTER_MS when unset. */
  readonly progressAfterMs?: number;
  /** Told when "let me check on that" could not be said. Must not throw. */
  readonly onProgressFailed?: (error: unknown, turn: Turn) => void;
  /** Where each turn's outcome is recorded, off the reply's path; nothing is recorded when unset. */
  readonly turnEvents?: TurnEventRecording;
  /** Tracks what each turn writes about itself once its reply is ready (turn-writes.ts); one of the router's own when unset. */
  readonly turnWrites?: TurnWrites;
  /** Reads words the platform heard but could not place (own-reading.ts); such turns fall back when unset. */
  readonly readText?: TextReader;
  /** Who may hear order details on a device a household shares (household/); anyone who is linked when unset. */
  readonly household?: Household;
}

export interface TurnEventRecording {
  readonly sink: TurnEvents;
  /** The key shopper ids are hashed with (see shopper-hash.ts). */
  readonly shopperHashSecret: string;
  /** Keep what the shopper said, where the platform gives the text; only ever through `redact`. */
  readonly storeUtterances?: boolean;
  /** Takes personal data out of an utterance; without it no utterance is kept, whatever storeUtterances says. */
  readonly redact?: (text: string) => string;
}

/** A turn event that could not be written; the turn itself was answered. */
export class TurnEventNotRecordedError extends Error {
  override readonly name = 'TurnEventNotRecordedError';

  constructor(readonly reason: 'failed' | 'timeout', cause?: unknown) {
    super(reason === 'timeout' ? 'The turn event sink did not answer in time' : 'The turn event sink failed', { cause });
  }
}

/** How the router came to its reply, beyond what the reply says itself. */
export interface TurnTrace {
  /** The reply is the apology after a failure. */
  failed: boolean;
  /** The reply is the fallback for something not understood. */
  fellBack: boolean;
  /** The flow that started on this turn's intent, when one did. */
  started?: string;
}

/**
 * What a turn came to, first match wins: the apology after a failure is 'error'; a goal achieved
 * (`reply.achieved`) is 'resolved'; a handoff (`reply.handedOff`) is 'handed-off'; the fallback is
 * 'fell-back'; otherwise 'asked' when the microphone stays open, else 'answered'.
 */
export function turnOutcome(reply: Reply, trace: Pick<TurnTrace, 'failed' | 'fellBack'>): TurnOutcome {
  if (trace.failed) return 'error';
  if (reply.achieved) return 'resolved';
  if (reply.handedOff) return 'handed-off';
  if (trace.fellBack) return 'fell-back';
  return reply.next === 'listen' ? 'asked' : 'answered';
}

/**
 * The flow and step a turn event names: the step the reply leaves in progress; else, for a flow
 * that started and finished on this very turn, that flow (no step); else the step that was in
 * progress before the turn, the one this turn closed (answered, stopped, cancelled, handed off).
 */
export function flowAndStepOf(turn: Turn, reply: Reply, trace: Pick<TurnTrace, 'started'>): Pick<TurnEvent, 'flow' | 'step'> {
  const after = reply.state.active;
  if (after) return { flow: after.flow, step: after.step };
  if (trace.started) return { flow: trace.started };
  const before = turn.state.active;
  return before ? { flow: before.flow, step: before.step } : {};
}

/** Whether what the shopper said on this turn may be a secret: the answer to a PIN step, or a PIN wherever heard. */
function mayBeSecret(turn: Turn): boolean {
  return Boolean(turn.state.active?.secret) || (turn.event.kind === 'intent' && turn.event.intent === 'PinIntent');
}

export const DEFAULT_TURN_BUDGET_MS = 5_000;
export const DEFAULT_PROGRESS_AFTER_MS = 400;
/**
 * A turn's own writes (its conversation-log line and turn event) never hold the reply on a server;
 * a Lambda function, frozen once it returns, lets them finish first for this long at most.
 */
export const LOG_WAIT_MS = 300;
/** A reply that is ready waits this long at most for a "let me check" still on its way, so that it is heard first. */
export const PROGRESS_WAIT_MS = 300;
/** Work outside the ports (checking the access token) may run this far past the deadline before the turn answers anyway. */
const OVERRUN_GRACE_MS = 250;

/** What the shopper hears while a slow store is being waited on; one of them, so it does not sound canned. */
const PROGRESS_LINES = ['progress.checkOnThat', 'progress.oneMoment', 'progress.justASecond'] as const satisfies readonly MessageKey[];

function progressLine(turn: Turn): MessageKey {
  let sum = 0;
  for (const char of turn.requestId) sum += char.charCodeAt(0);
  return PROGRESS_LINES[sum % PROGRESS_LINES.length]!;
}

export type Router = (turn: Turn) => Promise<Reply>;

/** What a shopper says that hands them to a person whatever is in progress, and why. */
const ESCALATIONS: Partial<Record<IntentName, HandoffReason>> = {
  TalkToAgentIntent: 'shopper-asked',
  DisputeIntent: 'dispute',
  PolicyExceptionIntent: 'policy-exception',
  FrustrationIntent: 'shopper-upset',
};

/** The turn as the flows should see it once the guards have read it (see purchase-guard.ts). */
function withGuards(turn: Turn): Turn {
  const { event } = turn;
  if (event.kind !== 'intent') return turn;
  const intent = guardedIntent(turn, event.intent);
  return intent === event.intent ? turn : { ...turn, event: { ...event, intent } };
}

/**
 * Picks who answers a turn: global intents first (stop, cancel, help, a person), then the flow in
 * progress, then the flows that start on this intent, then the fallback.
 */
export function createRouter(dependencies: RouterDependencies): Router {
  const { flows, assistance, commerce, store, verifyAccessToken } = dependencies;
  const clock = dependencies.clock ?? (() => new Date());
  const flowsByName = new Map(flows.map((flow) => [flow.name, flow]));
  const flowsByIntent = new Map<IntentName, Flow>();
  for (const flow of flows) {
    for (const intent of flow.startsOn) {
      if (flowsByIntent.has(intent)) throw new Error(`Two flows start on ${intent}`);
      flowsByIntent.set(intent, flow);
    }
  }

  const budgetMs = dependencies.turnBudgetMs ?? DEFAULT_TURN_BUDGET_MS;
  const progressAfterMs = dependencies.progressAfterMs ?? DEFAULT_PROGRESS_AFTER_MS;

  const turnWrites = dependencies.turnWrites ?? createTurnWrites();

  /** The shopper the token names: the id is known at once, the store's record is read only if a flow asks (once a turn: `ports` remember it). */
  async function shopperFor(turn: Turn, ports: Commerce): Promise<LinkedShopper | undefined> {
    const identified = turn.identifiedShopper?.shopperId;
    if (identified) return { id: identified, profile: () => ports.shoppers.findById(identified) };
    if (!turn.accessToken) return undefined;
    const verified = await verifyAccessToken(turn.accessToken);
    if (!verified) return undefined;
    const id = verified.shopperId;
    return { id, profile: () => ports.shoppers.findById(id) };
  }

  /**
   * `withheld`: the speaker may not hear the linked account's orders (an unrecognised voice on a
   * shared device): flows that read them are declined, and the welcome uses no name.
   */
  async function dispatch(context: FlowContext, trace: TurnTrace, withheld: boolean): Promise<Reply> {
    const { turn } = context;
    const event = turn.event;
    if (event.kind === 'launch') return assistance.launch(withheld ? { ...context, shopper: undefined } : context);
    if (event.kind === 'session-ended') return assistance.sessionEnded(context);

    const active = turn.state.active;
    const activeFlow = active ? flowsByName.get(active.flow as Flow['name']) : undefined;
    const escalation = ESCALATIONS[event.intent];
    if (escalation) return assistance.talkToPerson(context, escalation, active && activeFlow?.handoffFacts?.(active));
    switch (event.intent) {
      case 'StopIntent':
        return assistance.stop(context);
      case 'CancelIntent':
        return assistance.cancel(context);
      case 'HelpIntent':
        return active && activeFlow?.help ? activeFlow.help(context, active) : assistance.help(context);
      default:
        break;
    }

    if (active && activeFlow?.continue) {
      if (withheld && ORDER_DETAIL_FLOWS.has(activeFlow.name)) return orderDetailsWithheld(context);
      const continued = await activeFlow.continue(context, active);
      if (continued) return continued;
    }

    const starting = flowsByIntent.get(event.intent);
    if (starting) {
      trace.started = starting.name;
      if (!starting.needsShopper) return starting.start(context);
      const { shopper } = context;
      if (!shopper) return assistance.linkAccount(context);
      return withheld && ORDER_DETAIL_FLOWS.has(starting.name) ? orderDetailsWithheld(context) : starting.start({ ...context, shopper });
    }

    if (event.intent === 'RepeatIntent') return assistance.repeat(context);
    trace.fellBack = true;
    const open = active && activeFlow?.help ? { again: activeFlow.help(context, active), facts: activeFlow.handoffFacts?.(active) } : undefined;
    return assistance.notUnderstood(context, open);
  }

  /**
   * Every answered turn goes into the conversation log, so a handoff can carry the conversation so
   * far. The reply is ready by now and does not wait for the line: the write runs beside it, and a
   * log that cannot be written is reported, never allowed to take the shopper's answer away.
   */
  function record(turn: Turn, reply: Reply, at: Date): void {
    const { event } = turn;
    if (event.kind === 'session-ended') return;
    const line = { at, heard: event.kind === 'launch' ? 'launch' : event.intent, slots: loggableSlots(turn), said: plainText(reply.speech) };
    turnWrites.start(() => commerce.conversations.append(conversationIdOf(turn), line), {
      failed: (error) => dependencies.onError?.(error, turn),
      notConfirmed: () => dependencies.onError?.(new StoreUnavailableError('conversations.append', 'timeout'), turn),
    });
  }

  function turnEventOf(turn: Turn, reply: Reply, trace: TurnTrace, at: Date, latencyMs: number, shopper: LinkedShopper | undefined): TurnEvent {
    const recording = dependencies.turnEvents!;
    const { event } = turn;
    const achieved = reply.achieved;
    const redact = recording.redact;
    const utterance =
      recording.storeUtterances && redact && turn.utterance && !mayBeSecret(turn) ? redact(turn.utterance).trim() : undefined;
    return {
      at,
      conversationId: conversationIdOf(turn),
      platform: turn.platform,
      locale: turn.locale,
      intent: event.kind === 'intent' ? event.intent : event.kind,
      ...flowAndStepOf(turn, reply, trace),
      outcome: turnOutcome(reply, trace),
      ...(achieved ? { goal: achieved.goal } : {}),
      ...(achieved?.goal === 'order-placed' ? { orderValue: achieved.orderValue } : {}),
      latencyMs: Math.max(0, Math.round(latencyMs)),
      ...(shopper ? { shopperHash: shopperHash(recording.shopperHashSecret, shopper.id) } : {}),
      ...(utterance ? { utterance } : {}),
    };
  }

  /**
   * Records the turn's event once its reply is ready. Never on the reply's path: the write runs
   * beside the reply, and a sink that fails, or never answers (or this code failing), loses the
   * event, never the turn; either way onError hears of it.
   */
  function recordEvent(turn: Turn, reply: Reply, trace: TurnTrace, at: Date, latencyMs: number, shopper: LinkedShopper | undefined): void {
    const recording = dependencies.turnEvents;
    if (!recording) return;
    turnWrites.start(() => recording.sink.record(turnEventOf(turn, reply, trace, at, latencyMs, shopper)), {
      failed: (error) => dependencies.onError?.(new TurnEventNotRecordedError('failed', error), turn),
      notConfirmed: () => dependencies.onError?.(new TurnEventNotRecordedError('timeout'), turn),
    });
  }

  /** Says "let me check on that" once, where the platform can, the first time a store call is slow. */
  function progressFor(turn: Turn, voice: Voice): { readonly start: () => void; readonly said: () => Promise<void> } | undefined {
    const speaker = turn.progress;
    if (!speaker) return undefined;
    let saying: Promise<void> | undefined;
    return {
      start() {
        saying ??= Promise.resolve()
          .then(() => speaker.say(voice.say(progressLine(turn))))
          .catch((error: unknown) => dependencies.onProgressFailed?.(error, turn));
      },
      said: () => saying ?? Promise.resolve(),
    };
  }

  /** The turn as Shopvoice reads it where the platform heard words it could not place. */
  function ownReadingOf(heard: Turn): Turn {
    const { readText } = dependencies;
    if (!readText) return heard;
    const active = heard.state.active;
    const expecting = (active && flowsByName.get(active.flow as Flow['name'])?.answers?.[active.step]) ?? [];
    return withOwnReading(heard, readText, { expecting, today: isoDay(calendarDayIn(clock(), store.timeZone)) });
  }

  return async function route(heard: Turn): Promise<Reply> {
    const arrived = performance.now();
    const turn = withGuards(ownReadingOf(heard));
    const trace: TurnTrace = { failed: false, fellBack: false };
    const voice = voiceFor(turn.locale, store.timeZone);
    const progress = progressFor(turn, voice);
    // The deadline counts from here: every port call of this turn runs under what is left of it.
    const budget = new TurnBudget({ budgetMs, slowStoreCallMs: progressAfterMs, onSlowStoreCall: progress?.start });
    // A read asked for twice in this turn goes to the store once (turn-reads.ts).
    const ports = commerceRememberedForTurn(commerceWithin(commerceInLocale(commerce, turn.locale, store.catalogLocale ?? 'en-US'), budget));
    const base = { turn, voice, commerce: ports, store, now: clock() };
    let context: FlowContext = { ...base, shopper: undefined };
    let reply: Reply;
    try {
      // Stores whose API acts as the shopper (Shopify's Customer Account API) call it with the shopper's own token.
      const answering = runAsShopper(turn.accessToken, async () => {
        context = { ...base, shopper: await shopperFor(turn, ports) };
        const withheld = context.shopper !== undefined && ((await dependencies.household?.withholdsOrderDetails(turn, base.now)) ?? false);
        return dispatch(context, trace, withheld);
      });
      reply = await budget.bound(answering, OVERRUN_GRACE_MS, () => new TurnOverrunError());
    } catch (error) {
      dependencies.onError?.(error, turn);
      trace.failed = true;
      reply = assistance.apologize(context, error);
    }
    // Nothing leaves the core that a platform would refuse: speech too long to say, state too big to carry.
    reply = withinReplyLimits(reply, {
      turn,
      voice,
      apologize: (error) => {
        dependencies.onError?.(error, turn);
        trace.failed = true;
        return assistance.apologize(context, error);
      },
    });
    const latencyMs = performance.now() - arrived;
    record(turn, reply, base.now);
    recordEvent(turn, reply, { ...trace }, base.now, latencyMs, context.shopper);
    if (progress) await waitAtMost(progress.said(), PROGRESS_WAIT_MS);
    return reply;
  };
}
