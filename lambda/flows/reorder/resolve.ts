import type { SlotValue } from '../../core/turn';
import { lineMatches } from '../order-status/match-item';
import { MAX_OPTIONS, type PastPurchase, pickUsual, rankUsual, type Usual } from './usual';

/** What the shopper asked to reorder. */
export interface ReorderRequest {
  /** "my usual coffee", "the dog food". */
  readonly item?: SlotValue;
  /** "my last order", "the same thing again". */
  readonly lastOrder: boolean;
  /** Whether the item's category may name the purchase when no purchase has the shopper's words (see categoryMayStandIn). */
  readonly byCategory?: boolean;
}

export type Resolution =
  | { readonly kind: 'found'; readonly usual: Usual }
  | { readonly kind: 'choose'; readonly options: readonly Usual[]; readonly why: 'tie' | 'last-order' }
  /** Nothing bought matches the item: what the shopper usually buys instead. */
  | { readonly kind: 'instead'; readonly item: SlotValue; readonly options: readonly Usual[] }
  | { readonly kind: 'no-history' };

/**
 * The purchases the shopper's words name: by the words first ("dog food" is the dog food, not the
 * harness), by the item's category only when no purchase has those words.
 */
function matching(purchases: readonly PastPurchase[], item: SlotValue, byCategory: boolean): PastPurchase[] {
  const byWords = purchases.filter((purchase) => lineMatches(purchase.line, { spoken: item.spoken }));
  if (byWords.length > 0 || !byCategory) return byWords;
  return purchases.filter((purchase) => lineMatches(purchase.line, item));
}

/** The newest order's products, in the order's own order. */
function lastOrderProducts(purchases: readonly PastPurchase[], now: Date): Usual[] {
  const newest = purchases.reduce<PastPurchase | undefined>((latest, purchase) => (!latest || purchase.orderedAt > latest.orderedAt ? purchase : latest), undefined);
  const lines = purchases.filter((purchase) => purchase.orderNumber === newest?.orderNumber);
  const ranked = rankUsual(lines, now);
  return lines.flatMap((purchase) => ranked.find((usual) => usual.last === purchase) ?? []);
}

/** Which product a reorder means, from the shopper's purchase history. */
export function resolveReorder(purchases: readonly PastPurchase[], request: ReorderRequest, now: Date): Resolution {
  if (purchases.length === 0) return { kind: 'no-history' };
  if (request.lastOrder) {
    const products = lastOrderProducts(purchases, now);
    const [only] = products;
    if (only && products.length === 1) return { kind: 'found', usual: only };
    return { kind: 'choose', options: products.slice(0, MAX_OPTIONS), why: 'last-order' };
  }
  const { item } = request;
  const named = item ? matching(purchases, item, request.byCategory ?? true) : purchases;
  if (item && named.length === 0) return { kind: 'instead', item, options: rankUsual(purchases, now).slice(0, MAX_OPTIONS) };
  const pick = pickUsual(rankUsual(named, now));
  switch (pick.kind) {
    case 'one':
      return { kind: 'found', usual: pick.usual };
    case 'tie':
      return { kind: 'choose', options: pick.options, why: 'tie' };
    case 'none':
      return { kind: 'no-history' };
  }
}
