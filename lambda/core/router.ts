import type { Commerce, HandoffReason, Shopper } from '../commerce/ports';
import { plainText } from '../speech/speech';
import { voiceFor } from '../speech/voice';
import type { Assistance, Flow, FlowContext, StoreProfile } from './flow';
import type { IntentName } from './intents';
import { loggableSlots } from './loggable-slots';
import type { Reply } from './reply';
import { conversationIdOf, type Turn } from './turn';

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

  async function shopperFor(turn: Turn): Promise<Shopper | undefined> {
    if (!turn.accessToken) return undefined;
    const verified = await verifyAccessToken(turn.accessToken);
    return verified ? commerce.shoppers.findById(verified.shopperId) : undefined;
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

  /** Every answered turn goes into the conversation log, so a handoff can carry the conversation so far. */
  async function record(turn: Turn, reply: Reply, at: Date): Promise<void> {
    if (turn.event.kind === 'session-ended') return;
    try {
      await commerce.conversations.append(conversationIdOf(turn), {
        at,
        heard: turn.event.kind === 'launch' ? 'launch' : turn.event.intent,
        slots: loggableSlots(turn),
        said: plainText(reply.speech),
      });
    } catch (error) {
      // The shopper already has their answer; a log that cannot be written must not take it away.
      dependencies.onError?.(error, turn);
    }
  }

  return async function route(turn: Turn): Promise<Reply> {
    const voice = voiceFor(turn.locale, store.timeZone);
    const base = { turn, voice, commerce, store, now: clock() };
    let context: FlowContext = { ...base, shopper: undefined };
    let reply: Reply;
    try {
      context = { ...base, shopper: await shopperFor(turn) };
      reply = await dispatch(context);
    } catch (error) {
      dependencies.onError?.(error, turn);
      reply = assistance.apologize(context, error);
    }
    await record(turn, reply, base.now);
    return reply;
  };
}
