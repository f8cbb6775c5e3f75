import type { CurrencyCode, Money, TurnEvent } from '../../lambda/commerce/ports';
import { FLOWS } from '../../lambda/flows/all-flows';

/**
 * The containment report, computed from turn events alone (no I/O): what became of each
 * conversation, then the same per flow.
 *
 * Definitions (the README's "Containment report" section says the same):
 * - A **conversation** is every event sharing a `conversationId`, in time order. Only events inside
 *   the report's window are seen, so a conversation crossing its edge is judged on its part inside.
 * - **Escalated**: at least one turn filed a handoff ('handed-off'), whatever else happened.
 *   **Contained**: not escalated, and at least one turn completed a goal ('resolved').
 *   **Abandoned**: neither.
 * - **Flow of a turn**: the flow it ended in; but a turn that ended in checkout (which only ever
 *   continues discovery or reorder) belongs to the flow its intent starts, when it starts one: "reorder
 *   my usual coffee" starts the reorder flow, which hands over to checkout's confirmation at once.
 * - **Flow of a conversation**: the flow of its first goal, else the flow of its first turn that has
 *   one (checkout not counted), else the first flow any of its turns ended in, else 'assistance'. The
 *   flow of a goal is the flow of its resolving turn or, when that turn ended outside any flow (the
 *   flow finished) or in checkout, of the latest turn before it that has one; failing that, the
 *   goal's own flow (order status, returns, discovery; checkout for an order).
 * - **Fallback** is counted per conversation: a conversation fell back when at least one of its
 *   turns was 'fell-back'. `fallbackTurns` also gives the number of such turns.
 * - **Turns** of a conversation: its events other than 'session-ended' (the platform closing the
 *   session is not something the shopper said).
 * - **Time to resolution**: from a contained conversation's first event to its first resolved one.
 * - **Medians** are the middle value, or the mean of the two middle values; **p50/p95** of latency
 *   are nearest-rank percentiles. Both are null when there is nothing to take them of.
 * - **Voice-attributed conversion**: of the conversations whose flow is discovery or reorder, those
 *   in which an order was placed (a resolved turn with goal 'order-placed'); their order value is the
 *   sum of those orders' totals, per currency.
 * - **Top fallback utterances**: the text of 'fell-back' turns that carry one, lower-cased with
 *   spaces collapsed, most frequent first.
 * - **Slowest intents**: latency per intent heard over every turn, slowest p95 first.
 */

export type ConversationOutcome = 'contained' | 'escalated' | 'abandoned';

/** The flows a voice order can come from, for conversion. */
export const CONVERSION_FLOWS = ['discovery', 'reorder'] as const;

/** Flows that only ever continue another; a goal reached in one belongs to the flow it continued. */
const CONTINUATION_FLOWS: ReadonlySet<string> = new Set(['checkout']);

/** Where a goal belongs when no turn of its conversation named a flow. */
const HOME_FLOW_OF_GOAL: Readonly<Record<NonNullable<TurnEvent['goal']>, string>> = {
  'order-status-given': 'order-status',
  'return-created': 'returns',
  'product-chosen': 'discovery',
  'order-placed': 'checkout',
  'cart-prepared': 'checkout',
};

export const DEFAULT_FLOW = 'assistance';

export interface ConversationSummary {
  readonly conversationId: string;
  readonly platform: TurnEvent['platform'];
  readonly flow: string;
  readonly outcome: ConversationOutcome;
  readonly turns: number;
  readonly fallbackTurns: number;
  readonly goal?: TurnEvent['goal'];
  /** From the first event to the first resolved one, for contained conversations. */
  readonly timeToResolutionMs?: number;
  /** Orders placed in this conversation. */
  readonly ordersPlaced: readonly Money[];
  readonly startedAt: Date;
}

export interface FlowStats {
  /** The flow's name, or 'all' for the totals. */
  readonly flow: string;
  readonly conversations: number;
  readonly contained: number;
  readonly escalated: number;
  readonly abandoned: number;
  readonly containmentRate: number | null;
  readonly escalationRate: number | null;
  readonly abandonmentRate: number | null;
  /** Conversations with at least one fell-back turn. */
  readonly fallbackConversations: number;
  readonly fallbackRate: number | null;
  /** Fell-back turns, all of them. */
  readonly fallbackTurns: number;
  readonly turns: number;
  readonly medianTurns: number | null;
  readonly medianTimeToResolutionMs: number | null;
}

export interface ConversionStats {
  /** 'discovery', 'reorder', or 'all' for both. */
  readonly flow: string;
  readonly conversations: number;
  readonly converted: number;
  readonly rate: number | null;
  readonly orders: number;
  /** Sum of the placed orders' totals, one entry per currency, in currency order. */
  readonly orderValue: readonly Money[];
}

export interface FallbackUtterance {
  readonly utterance: string;
  readonly count: number;
}

export interface IntentLatency {
  readonly intent: string;
  readonly turns: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
}

export interface ContainmentReport {
  readonly events: number;
  readonly totals: FlowStats;
  /** One row per flow that has a conversation, most conversations first. */
  readonly flows: readonly FlowStats[];
  /** Discovery, reorder, and both together. */
  readonly conversion: readonly ConversionStats[];
  readonly topFallbackUtterances: readonly FallbackUtterance[];
  readonly slowestIntents: readonly IntentLatency[];
}

export interface ReportOptions {
  /** How many fallback utterances to list; 10 by default. */
  readonly topUtterances?: number;
  /** How many intents to list; 10 by default. */
  readonly slowestIntents?: number;
}

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** The middle value, or the mean of the two middle values; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The nearest-rank percentile (0 < p ≤ 100): the smallest value with at least p% of values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** The flow each intent starts (the router's own table), for turns that a flow began and checkout ended. */
const FLOW_STARTED_BY: ReadonlyMap<string, string> = new Map(FLOWS.flatMap((flow) => flow.startsOn.map((intent) => [intent, flow.name] as const)));

/** The flow a turn counts for, or undefined when it ended outside any flow or in checkout of its own accord. */
function flowOfTurn(event: TurnEvent): string | undefined {
  if (!event.flow) return undefined;
  if (!CONTINUATION_FLOWS.has(event.flow)) return event.flow;
  const started = FLOW_STARTED_BY.get(event.intent);
  return started && !CONTINUATION_FLOWS.has(started) ? started : undefined;
}

function flowOfGoal(events: readonly TurnEvent[], resolvingIndex: number): string {
  for (let index = resolvingIndex; index >= 0; index -= 1) {
    const flow = flowOfTurn(events[index]!);
    if (flow) return flow;
  }
  const resolving = events[resolvingIndex]!;
  return resolving.flow ?? (resolving.goal ? HOME_FLOW_OF_GOAL[resolving.goal] : DEFAULT_FLOW);
}

function flowWithoutGoal(events: readonly TurnEvent[]): string {
  for (const event of events) {
    const flow = flowOfTurn(event);
    if (flow) return flow;
  }
  return events.find((event) => event.flow)?.flow ?? DEFAULT_FLOW;
}

/** What became of one conversation; `events` are its events in time order. */
export function summarizeConversation(events: readonly TurnEvent[]): ConversationSummary {
  const first = events[0];
  if (!first) throw new Error('a conversation has at least one event');
  const resolvingIndex = events.findIndex((event) => event.outcome === 'resolved');
  const resolving = resolvingIndex >= 0 ? events[resolvingIndex] : undefined;
  const escalated = events.some((event) => event.outcome === 'handed-off');
  const outcome: ConversationOutcome = escalated ? 'escalated' : resolving ? 'contained' : 'abandoned';
  const flow = resolving ? flowOfGoal(events, resolvingIndex) : flowWithoutGoal(events);
  const ordersPlaced = events
    .filter((event) => event.outcome === 'resolved' && event.goal === 'order-placed' && event.orderValue)
    .map((event) => event.orderValue!);
  return {
    conversationId: first.conversationId,
    platform: first.platform,
    flow,
    outcome,
    turns: events.filter((event) => event.intent !== 'session-ended').length,
    fallbackTurns: events.filter((event) => event.outcome === 'fell-back').length,
    ...(resolving ? { goal: resolving.goal } : {}),
    ...(outcome === 'contained' && resolving ? { timeToResolutionMs: resolving.at.getTime() - first.at.getTime() } : {}),
    ordersPlaced,
    startedAt: first.at,
  };
}

/** Groups events by conversation, each in time order (ties keep the order they were given in). */
export function conversationsOf(events: readonly TurnEvent[]): ConversationSummary[] {
  const byId = new Map<string, TurnEvent[]>();
  for (const event of events) {
    const list = byId.get(event.conversationId);
    if (list) list.push(event);
    else byId.set(event.conversationId, [event]);
  }
  return [...byId.values()].map((list) => summarizeConversation([...list].sort((a, b) => a.at.getTime() - b.at.getTime())));
}

function statsOf(flow: string, conversations: readonly ConversationSummary[]): FlowStats {
  const count = (outcome: ConversationOutcome) => conversations.filter((conversation) => conversation.outcome === outcome).length;
  const contained = count('contained');
  const escalated = count('escalated');
  const abandoned = count('abandoned');
  const fallbackConversations = conversations.filter((conversation) => conversation.fallbackTurns > 0).length;
  const resolutionTimes = conversations.flatMap((conversation) =>
    conversation.timeToResolutionMs === undefined ? [] : [conversation.timeToResolutionMs],
  );
  return {
    flow,
    conversations: conversations.length,
    contained,
    escalated,
    abandoned,
    containmentRate: rate(contained, conversations.length),
    escalationRate: rate(escalated, conversations.length),
    abandonmentRate: rate(abandoned, conversations.length),
    fallbackConversations,
    fallbackRate: rate(fallbackConversations, conversations.length),
    fallbackTurns: conversations.reduce((sum, conversation) => sum + conversation.fallbackTurns, 0),
    turns: conversations.reduce((sum, conversation) => sum + conversation.turns, 0),
    medianTurns: median(conversations.map((conversation) => conversation.turns)),
    medianTimeToResolutionMs: median(resolutionTimes),
  };
}

/** Sums amounts per currency, currencies in alphabetical order. */
export function sumByCurrency(amounts: readonly Money[]): Money[] {
  const sums = new Map<CurrencyCode, number>();
  for (const amount of amounts) sums.set(amount.currency, (sums.get(amount.currency) ?? 0) + amount.minor);
  return [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => ({ currency, minor }));
}

function conversionOf(flow: string, conversations: readonly ConversationSummary[]): ConversionStats {
  const converted = conversations.filter((conversation) => conversation.ordersPlaced.length > 0);
  const orders = converted.flatMap((conversation) => conversation.ordersPlaced);
  return {
    flow,
    conversations: conversations.length,
    converted: converted.length,
    rate: rate(converted.length, conversations.length),
    orders: orders.length,
    orderValue: sumByCurrency(orders),
  };
}

const normalizeUtterance = (utterance: string) => utterance.trim().toLowerCase().replace(/\s+/g, ' ');

function topFallbackUtterances(events: readonly TurnEvent[], limit: number): FallbackUtterance[] {
  const counts = new Map<string, number>();
  for (const event of events) {
    if (event.outcome !== 'fell-back' || !event.utterance) continue;
    const utterance = normalizeUtterance(event.utterance);
    if (utterance) counts.set(utterance, (counts.get(utterance) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([utterance, count]) => ({ utterance, count }))
    .sort((a, b) => b.count - a.count || a.utterance.localeCompare(b.utterance))
    .slice(0, limit);
}

function slowestIntents(events: readonly TurnEvent[], limit: number): IntentLatency[] {
  const latencies = new Map<string, number[]>();
  for (const event of events) {
    const list = latencies.get(event.intent);
    if (list) list.push(event.latencyMs);
    else latencies.set(event.intent, [event.latencyMs]);
  }
  return [...latencies.entries()]
    .map(([intent, values]) => ({ intent, turns: values.length, p50Ms: percentile(values, 50)!, p95Ms: percentile(values, 95)! }))
    .sort((a, b) => b.p95Ms - a.p95Ms || b.p50Ms - a.p50Ms || a.intent.localeCompare(b.intent))
    .slice(0, limit);
}

/** The whole report from the events of a window. */
export function computeContainmentReport(events: readonly TurnEvent[], options: ReportOptions = {}): ContainmentReport {
  const conversations = conversationsOf(events);
  const byFlow = new Map<string, ConversationSummary[]>();
  for (const conversation of conversations) {
    const list = byFlow.get(conversation.flow);
    if (list) list.push(conversation);
    else byFlow.set(conversation.flow, [conversation]);
  }
  const flows = [...byFlow.entries()]
    .map(([flow, list]) => statsOf(flow, list))
    .sort((a, b) => b.conversations - a.conversations || a.flow.localeCompare(b.flow));
  const conversion = CONVERSION_FLOWS.map((flow) => conversionOf(flow, byFlow.get(flow) ?? []));
  const conversionConversations = CONVERSION_FLOWS.flatMap((flow) => byFlow.get(flow) ?? []);
  return {
    events: events.length,
    totals: statsOf('all', conversations),
    flows,
    conversion: [...conversion, conversionOf('all', conversionConversations)],
    topFallbackUtterances: topFallbackUtterances(events, options.topUtterances ?? 10),
    slowestIntents: slowestIntents(events, options.slowestIntents ?? 10),
  };
}
