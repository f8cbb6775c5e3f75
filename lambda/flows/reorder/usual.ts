import type { OrderLine } from '../../commerce/ports';

/** One line of one past order. */
export interface PastPurchase {
  readonly orderNumber: string;
  readonly orderedAt: Date;
  readonly line: OrderLine;
}

/** A product the shopper has bought before, and how much it is their usual. */
export interface Usual {
  readonly productId: string;
  readonly score: number;
  /** Orders it was in. */
  readonly orders: number;
  /** Its latest purchase: the quantity and price of "last time". */
  readonly last: PastPurchase;
}

/**
 * THE "USUAL" RULE. Each order a product was in counts once (two bags in one order are one
 * purchase), and counts less the older it is: its weight halves every HALF_LIFE_DAYS days. The
 * product with the highest total is the usual one: coffee bought every month beats a tea bought
 * once last week, and of two products bought as often, the one bought more lately wins.
 */
export const HALF_LIFE_DAYS = 90;

/**
 * A runner-up scoring at least this share of the best one is a tie: the shopper is asked which they
 * mean rather than guessed for.
 */
export const TIE_SHARE = 0.8;

/** At most this many are offered when the shopper has to choose. */
export const MAX_OPTIONS = 3;

const DAY_MS = 86_400_000;

function weight(orderedAt: Date, now: Date): number {
  const ageDays = Math.max(0, (now.getTime() - orderedAt.getTime()) / DAY_MS);
  return 0.5 ** (ageDays / HALF_LIFE_DAYS);
}

/** The products bought, most usual first; equal scores go to the most recent purchase. */
export function rankUsual(purchases: readonly PastPurchase[], now: Date): Usual[] {
  const byProduct = new Map<string, { orders: Map<string, Date>; last: PastPurchase }>();
  for (const purchase of purchases) {
    const entry = byProduct.get(purchase.line.productId);
    if (!entry) {
      byProduct.set(purchase.line.productId, { orders: new Map([[purchase.orderNumber, purchase.orderedAt]]), last: purchase });
      continue;
    }
    entry.orders.set(purchase.orderNumber, purchase.orderedAt);
    if (purchase.orderedAt > entry.last.orderedAt) entry.last = purchase;
  }
  return [...byProduct.entries()]
    .map(([productId, { orders, last }]) => ({
      productId,
      orders: orders.size,
      last,
      score: [...orders.values()].reduce((sum, orderedAt) => sum + weight(orderedAt, now), 0),
    }))
    .sort((a, b) => b.score - a.score || b.last.orderedAt.getTime() - a.last.orderedAt.getTime());
}

export type UsualPick =
  | { readonly kind: 'one'; readonly usual: Usual }
  /** Close enough to the best that the shopper chooses; best first, at most three. */
  | { readonly kind: 'tie'; readonly options: readonly Usual[] }
  | { readonly kind: 'none' };

/** The usual one, or the close contenders when there is no clear winner. */
export function pickUsual(ranked: readonly Usual[]): UsualPick {
  const [best] = ranked;
  if (!best) return { kind: 'none' };
  const contenders = ranked.filter((usual) => usual.score >= best.score * TIE_SHARE).slice(0, MAX_OPTIONS);
  return contenders.length > 1 ? { kind: 'tie', options: contenders } : { kind: 'one', usual: best };
}
