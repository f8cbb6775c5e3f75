import type { IntentName } from '../../lambda/core/intents';
import { FLOWS } from '../../lambda/flows/all-flows';

/**
 * Which flow answered a reply, read from outside (the request and the state before and after), so
 * listen times can be grouped by flow in the tests and the bench alike.
 */

/**
 * Answered by the assistance flow whatever is in progress: the router's global intents ("repeat"
 * is not one here: it says the flow's last reply again).
 */
const ASSISTANCE_INTENTS: ReadonlySet<string> = new Set<IntentName>([
  'StopIntent',
  'CancelIntent',
  'TalkToAgentIntent',
  'DisputeIntent',
  'PolicyExceptionIntent',
  'FrustrationIntent',
]);

const STARTING_FLOW: ReadonlyMap<string, string> = new Map(FLOWS.flatMap((flow) => flow.startsOn.map((intent) => [intent, flow.name] as const)));

/** The flow step in progress in a session state (unsealed), if any. */
export function activeFlowIn(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const active = (state as { active?: { flow?: unknown } }).active;
  return typeof active?.flow === 'string' ? active.flow : undefined;
}

export interface ReplyTurn {
  /** The intent said, or "launch" (any other request kind is treated alike). */
  readonly request: string;
  /** The flow in progress before the turn and after the reply. */
  readonly before?: string;
  readonly after?: string;
}

/**
 * The flow a reply belongs to: assistance for launch and the global intents; else the flow the
 * intent starts (even when it hands over, as a return the policy refuses offers a person); else the
 * flow the reply leaves in progress (a product chosen for checkout); else the one that was in
 * progress (a final "yes"); else assistance (help, fallback).
 */
export function flowOfReply(turn: ReplyTurn): string {
  if (turn.request === 'launch' || ASSISTANCE_INTENTS.has(turn.request)) return 'assistance';
  return STARTING_FLOW.get(turn.request) ?? turn.after ?? turn.before ?? 'assistance';
}
