import type { StoreCommerce } from '../../lambda/commerce/ports';
import type { SpokenTurn } from './requests';

/**
 * The turns whose store round trips are counted (issue 23's table): the round-trip bench times
 * them behind a slow store, and test/performance checks each stays within its budget. A turn reads
 * what it needs in one round trip and writes in one more; a read that can only be asked once an
 * earlier answer is in (the order whose returns are counted, the product a purchase names) costs
 * a round trip of its own, and the turns that need one say why.
 */

/** What the shopper says: opening the skill, or an intent; some need a fact of the demo store first (an order number). */
export type ScriptedSaying = 'launch' | SpokenTurn | ((store: StoreCommerce) => Promise<SpokenTurn>);

export interface ScriptedTurn {
  readonly label: string;
  readonly say: ScriptedSaying;
  /** The turn changes something at the store (creates a return, places an order). */
  readonly writes: boolean;
  /** Why a read here waits for the answer of another read of the same turn, when one must. */
  readonly dependentRead?: string;
  /** The flow step ("flow/step") the turn leaves in progress, "none" for none: the turn counted is the turn meant. */
  readonly after: string;
}

export interface ScriptedConversation {
  /** The demo shopper (lambda/commerce/sqlite/demo-shoppers.ts) whose story the turns need. */
  readonly shopperId: string;
  readonly turns: readonly ScriptedTurn[];
}

const RUNNING_SHOES = { spoken: 'running shoes', id: 'shoes' } as const;

async function newestOrderOf(store: StoreCommerce, shopperId: string): Promise<string> {
  const [newest] = await store.orders.listForShopper(shopperId, { limit: 1 });
  if (!newest) throw new Error(`round trips: ${shopperId} has no orders in the demo store`);
  return newest.number;
}

export const ROUND_TRIP_SCRIPT: readonly ScriptedConversation[] = [
  { shopperId: 'shopper-ava', turns: [{ label: 'launch (linked)', say: 'launch', writes: false, after: 'none' }] },
  {
    shopperId: 'shopper-ava',
    turns: [
      {
        label: 'where is my order',
        say: { intent: 'OrderStatusIntent', utterance: 'where is my order' },
        writes: false,
        after: 'order-status/offered-more',
      },
    ],
  },
  {
    shopperId: 'shopper-ava',
    turns: [
      {
        label: 'order by number',
        say: async (store) => ({ intent: 'OrderStatusIntent', slots: { orderNumber: await newestOrderOf(store, 'shopper-ava') } }),
        writes: false,
        after: 'none',
      },
    ],
  },
  {
    shopperId: 'shopper-ava',
    turns: [
      {
        label: 'order by item',
        say: { intent: 'OrderStatusIntent', slots: { item: RUNNING_SHOES }, utterance: 'where are my running shoes' },
        writes: false,
        after: 'none',
      },
    ],
  },
  {
    shopperId: 'shopper-ava',
    turns: [
      {
        label: 'return: item',
        say: { intent: 'ReturnItemIntent', slots: { item: RUNNING_SHOES }, utterance: 'I want to send back my running shoes' },
        writes: false,
        dependentRead: 'the returns already made are counted per order, and which order holds the item is in the order history',
        after: 'returns/confirm-item',
      },
      { label: 'return: confirm item', say: { intent: 'YesIntent', utterance: 'yes' }, writes: false, after: 'returns/ask-reason' },
      {
        label: 'return: reason',
        say: { intent: 'ReturnReasonIntent', slots: { reason: { spoken: "they don't fit", id: 'size' } }, utterance: "they don't fit" },
        writes: false,
        after: 'returns/confirm-return',
      },
      { label: 'return: yes (create)', say: { intent: 'YesIntent', utterance: 'yes' }, writes: true, after: 'none' },
    ],
  },
  {
    shopperId: 'shopper-ava',
    turns: [
      {
        label: 'reorder "usual coffee"',
        say: { intent: 'ReorderIntent', slots: { item: 'coffee' }, utterance: 'reorder my usual coffee' },
        writes: false,
        dependentRead: "which product is the usual one is in the order history, and its price and stock today are in the catalog",
        after: 'checkout/confirm',
      },
    ],
  },
  {
    shopperId: 'shopper-ava',
    turns: [
      {
        label: 'product search',
        say: {
          intent: 'FindProductIntent',
          slots: { query: 'waterproof jacket for hiking under 150 dollars' },
          utterance: 'I need a waterproof jacket for hiking under $150',
        },
        writes: false,
        after: 'discovery/results',
      },
      {
        label: 'buy → asks the size',
        say: { intent: 'BuyIntent', slots: { ordinal: { spoken: 'first', id: 'first' } }, utterance: 'order the first one' },
        writes: false,
        after: 'checkout/size',
      },
      {
        label: 'the size answer',
        say: { intent: 'ChangeSizeIntent', slots: { size: { spoken: 'medium', id: 'medium' } }, utterance: 'medium' },
        writes: false,
        after: 'checkout/confirm',
      },
    ],
  },
];

/** The round trips in sequence a turn may need: one to read, one more to write, one more for a read that waits on another. */
export function roundTripBudget(turn: ScriptedTurn): number {
  return 1 + (turn.writes ? 1 : 0) + (turn.dependentRead ? 1 : 0);
}

/** A request's time on the wire, in milliseconds from any common origin; no end means it was still open. */
export interface RequestSpan {
  readonly start: number;
  readonly end: number | undefined;
}

/**
 * How many requests followed one another: the longest chain of requests each of which began only
 * after the one before it had been answered. Requests that overlap were in flight together and
 * count once; a turn's wait on the store is this many round trips.
 */
export function inSequence(spans: readonly RequestSpan[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const chain: number[] = [];
  for (const [index, span] of sorted.entries()) {
    let longest = 0;
    for (let before = 0; before < index; before += 1) {
      const earlier = sorted[before]!;
      if (earlier.end !== undefined && earlier.end <= span.start) longest = Math.max(longest, chain[before]!);
    }
    chain.push(longest + 1);
  }
  return Math.max(0, ...chain);
}
