import { StoreUnavailableError } from '../commerce/commerce-errors';
import type { Commerce, HandoffReason, Shopper } from '../commerce/ports';
import type { MessageKey } from '../speech/i18n';
import { plainText } from '../speech/speech';
import { type Voice, voiceFor } from '../speech/voice';
import { commerceWithin } from './bounded-commerce';
import type { Assistance, Flow, FlowContext, StoreProfile } from './flow';
import type { IntentName } from './intents';
import { loggableSlots } from './loggable-slots';
import type { Reply } from './reply';
import { conversationIdOf, type Turn } from './turn';
import { TurnBudget, TurnOverrunError, waitAtMost } from './turn-budget';

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
}

export const DEFAULT_TURN_BUDGET_MS = 5_000;
export const DEFAULT_PROGRESS_AFTER_MS = 400;
/** The conversation log is written once the reply is built; a slow state store may hold the reply this long at most. */
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

  async function shopperFor(turn: Turn, ports: Commerce): Promise<Shopper | undefined> {
    if (!turn.accessToken) return undefined;
    const verified = await verifyAccessToken(turn.accessToken);
    return verified ? ports.shoppers.findById(verified.shopperId) : undefined;
  }

  async function dispatch(context: FlowContext): Promise<Reply> {
    const { turn } = context;
    const event = turn.event;
    if (event.kind === 'launch') return assistance.launch(context);
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
      const continued = await activeFlow.continue(context, active);
      if (continued) return continued;
    }

    const starting = flowsByIntent.get(event.intent);
    if (starting) {
      if (!starting.needsShopper) return starting.start(context);
      const { shopper } = context;
      return shopper ? starting.start({ ...context, shopper }) : assistance.linkAccount(context);
    }

    if (event.intent === 'RepeatIntent') return assistance.repeat(context);
    return assistance.notUnderstood(context);
  }

  /**
   * Every answered turn goes into the conversation log, so a handoff can carry the conversation so
   * far. The reply is ready by now: a state store that is slow to take the line may hold it only
   * briefly, and the write goes on without the shopper waiting for it.
   */
  async function record(turn: Turn, reply: Reply, at: Date): Promise<void> {
    const { event } = turn;
    if (event.kind === 'session-ended') return;
    const line = { at, heard: event.kind === 'launch' ? 'launch' : event.intent, slots: loggableSlots(turn), said: plainText(reply.speech) };
    let written = false;
    const appending = Promise.resolve()
      .then(() => commerce.conversations.append(conversationIdOf(turn), line))
      .then(
        () => {
          written = true;
        },
        (error: unknown) => {
          written = true;
          // The shopper already has their answer; a log that cannot be written must not take it away.
          dependencies.onError?.(error, turn);
        },
      );
    await waitAtMost(appending, LOG_WAIT_MS);
    if (!written) dependencies.onError?.(new StoreUnavailableError('conversations.append', 'timeout'), turn);
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

  return async function route(turn: Turn): Promise<Reply> {
    const voice = voiceFor(turn.locale, store.timeZone);
    const progress = progressFor(turn, voice);
    // The deadline counts from here: every port call of this turn runs under what is left of it.
    const budget = new TurnBudget({ budgetMs, slowStoreCallMs: progressAfterMs, onSlowStoreCall: progress?.start });
    const ports = commerceWithin(commerce, budget);
    const base = { turn, voice, commerce: ports, store, now: clock() };
    let context: FlowContext = { ...base, shopper: undefined };
    let reply: Reply;
    try {
      const answering = (async () => {
        context = { ...base, shopper: await shopperFor(turn, ports) };
        return dispatch(context);
      })();
      reply = await budget.bound(answering, OVERRUN_GRACE_MS, () => new TurnOverrunError());
    } catch (error) {
      dependencies.onError?.(error, turn);
      reply = assistance.apologize(context, error);
    }
    await Promise.all([record(turn, reply, base.now), progress ? waitAtMost(progress.said(), PROGRESS_WAIT_MS) : undefined]);
    return reply;
  };
}
