import type { Order, OrderLine } from '../../commerce/ports';
import type { ShopperContext } from '../../core/flow';
import type { SlotValue } from '../../core/turn';
import type { Speech } from '../../speech/speech';
import type { Voice } from '../../speech/voice';
import { categoryMayStandIn, lineMatches } from '../order-status/match-item';
import { ordinalPosition } from '../ordinal-position';
import type { LineRef } from './state';
import { type DayRange, withinRange } from './when';

/** One order line a shopper might mean. */
export interface Candidate {
  readonly order: Order;
  readonly line: OrderLine;
}

/** What the shopper said about the item, all of it optional. */
export interface ItemQuery {
  readonly item?: SlotValue;
  readonly orderNumber?: string;
  readonly when?: DayRange;
}

export type ItemSearch =
  /** Newest first; more than one means the shopper chooses. */
  | { readonly kind: 'found'; readonly candidates: readonly Candidate[] }
  /** Nothing matched; `instead` is what was delivered lately. */
  | { readonly kind: 'none'; readonly instead: readonly Candidate[] }
  | { readonly kind: 'order-not-found'; readonly instead: readonly Candidate[] }
  /** Nothing was said to go on, and there is too much to list. */
  | { readonly kind: 'ask' };

/** Never offer more than this many to choose from. */
export const MAX_OFFERED = 3;
/** How far back a return looks; no policy window is longer. */
const HISTORY_DAYS = 365;
const HISTORY_LIMIT = 100;
/** "Something I got recently", when nothing else is said. */
const RECENT_DAYS = 30;
/** People misremember when something came by a day or two. */
const DAY_SLACK = 2;

/** When the line was delivered, if it has been. */
export function deliveredAt(order: Order, line: OrderLine): Date | undefined {
  const shipment = order.shipments.find((candidate) => candidate.lineIds.includes(line.id) && candidate.status === 'Delivered');
  return shipment?.deliveredAt;
}

function linesOf(orders: readonly Order[]): Candidate[] {
  return orders.flatMap((order) => order.lines.map((line) => ({ order, line })));
}

/** "Got it last week": the delivery day of what came, the order day of what has not come yet. */
function happenedWithin(voice: Voice, candidate: Candidate, when: DayRange): boolean {
  const day = voice.calendarDay(deliveredAt(candidate.order, candidate.line) ?? candidate.order.placedAt);
  return withinRange(day, when, DAY_SLACK);
}

/**
 * The lines the shopper's words name. The words themselves first ("earbuds" is the earbuds, not
 * every audio item); the slot's category ("audio") only when no line has those words.
 */
function matching(candidates: readonly Candidate[], item: SlotValue, byCategory = true): Candidate[] {
  const byWords = candidates.filter((candidate) => lineMatches(candidate.line, { spoken: item.spoken }));
  if (byWords.length > 0 || !byCategory) return byWords;
  return candidates.filter((candidate) => lineMatches(candidate.line, item));
}

/** Delivered lines first (they are what gets returned), newest first within each group. */
function deliveredFirst(candidates: readonly Candidate[]): Candidate[] {
  const delivered = candidates.filter((candidate) => deliveredAt(candidate.order, candidate.line));
  return [...delivered, ...candidates.filter((candidate) => !delivered.includes(candidate))];
}

function recentlyDelivered(context: ShopperContext, candidates: readonly Candidate[]): Candidate[] {
  const since = context.now.getTime() - RECENT_DAYS * 86_400_000;
  return candidates.filter((candidate) => (deliveredAt(candidate.order, candidate.line)?.getTime() ?? 0) >= since);
}

/** Finds the lines the shopper may mean among their own orders. */
export async function searchItems(context: ShopperContext, query: ItemQuery): Promise<ItemSearch> {
  const { commerce, shopper, now, voice } = context;
  const history = () =>
    commerce.orders.listForShopper(shopper.id, { placedSince: new Date(now.getTime() - HISTORY_DAYS * 86_400_000), limit: HISTORY_LIMIT });
  const instead = async () => recentlyDelivered(context, linesOf(await history())).slice(0, MAX_OFFERED);
  let orders: readonly Order[];
  if (query.orderNumber) {
    const order = await commerce.orders.findForShopper(shopper.id, query.orderNumber);
    if (!order) return { kind: 'order-not-found', instead: await instead() };
    orders = [order];
  } else {
    orders = await history();
  }
  let candidates = linesOf(orders);
  const { item, when } = query;
  if (item) {
    const byWords = matching(candidates, item, false);
    candidates = byWords.length > 0 || !(await categoryMayStandIn(commerce.catalog, item)) ? byWords : matching(candidates, item);
  }
  if (when) candidates = candidates.filter((candidate) => happenedWithin(voice, candidate, when));
  if (!item && !when && !query.orderNumber) {
    const recent = recentlyDelivered(context, candidates);
    if (recent.length === 0) return { kind: 'none', instead: [] };
    return recent.length <= MAX_OFFERED ? { kind: 'found', candidates: recent } : { kind: 'ask' };
  }
  if (candidates.length > 0) return { kind: 'found', candidates: deliveredFirst(candidates) };
  return { kind: 'none', instead: query.orderNumber ? await instead() : recentlyDelivered(context, linesOf(orders)).slice(0, MAX_OFFERED) };
}

export function refOf(candidate: Candidate): LineRef {
  return { order: candidate.order.number, line: candidate.line.id };
}

/** Reads a line back from the store: fresh data each turn, and only ever from the shopper's own orders. */
export async function loadCandidate(context: ShopperContext, ref: LineRef): Promise<Candidate | undefined> {
  const order = await context.commerce.orders.findForShopper(context.shopper.id, ref.order);
  const line = order?.lines.find((candidate) => candidate.id === ref.line);
  return order && line ? { order, line } : undefined;
}

/**
 * Which of the offered lines an answer picks: by position ("the second one") or by what it is
 * ("the boots"). Undefined when the answer fits none, or more than one.
 */
export function pickCandidate(offered: readonly Candidate[], ordinal: SlotValue | undefined, item: SlotValue | undefined): number | undefined {
  if (ordinal) return ordinalPosition(ordinal, offered.length);
  if (!item) return undefined;
  const named = matching(offered, item);
  return named.length === 1 && named[0] ? offered.indexOf(named[0]) : undefined;
}

/**
 * How to name each offered line so they sound different: by name; with the color when names are
 * the same; with the order's day when even that is the same.
 */
export function candidateLabels(voice: Voice, candidates: readonly Candidate[], now: Date): Speech[] {
  const names = candidates.map((candidate) => candidate.line.spokenName);
  const repeated = (labels: readonly string[], index: number) => labels.filter((label) => label === labels[index]).length > 1;
  const colored = names.map((name, index) => {
    const color = candidates[index]?.line.variant?.color;
    return repeated(names, index) && color ? `${color} ${name}` : name;
  });
  return candidates.map((candidate, index) => {
    const label = colored[index];
    // A bare name is said as a name (in its own language); a colored label is a phrase of the shopper's.
    const item = label === undefined || label === names[index] ? voice.name(candidate.line) : label;
    return repeated(colored, index)
      ? voice.say('returns.lineFromOrder', { item, day: voice.day(candidate.order.placedAt, now) })
      : voice.say('returns.candidate', { item });
  });
}
