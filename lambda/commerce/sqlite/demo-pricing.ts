import type { Address, CheckoutQuote, CurrencyCode, Money } from '../ports';

/**
 * The embedded demo store's charges beyond the price tags, in one place: what its quote says and
 * what its checkout charges. A stand-in for a real store's tax engine and shipping table, kept
 * simple on purpose: one sales tax rate for every US address, standard delivery free from a
 * threshold. Every currency the store may use has cents, so minor units are hundredths.
 */
export const DEMO_PRICING = {
  /** Sales tax on goods shipped within the US, in basis points of the goods' price (8.25%). */
  usSalesTaxBasisPoints: 825,
  /** Standard delivery, in minor units of the store's currency. */
  deliveryMinor: 499,
  /** Delivery is free when the goods come to at least this much. */
  freeDeliveryFromMinor: 3000,
} as const;

const BASIS_POINTS = 10_000;

/** Tax on the goods, rounded half up to the cent; undefined where the demo store collects none (outside the US). */
function salesTax(goodsMinor: number, address: Address): number | undefined {
  if (address.country !== 'US') return undefined;
  return Math.floor((goodsMinor * DEMO_PRICING.usSalesTaxBasisPoints + BASIS_POINTS / 2) / BASIS_POINTS);
}

function deliveryCharge(goodsMinor: number): number {
  return goodsMinor >= DEMO_PRICING.freeDeliveryFromMinor ? 0 : DEMO_PRICING.deliveryMinor;
}

/** What the demo store charges for goods worth `goodsMinor`, shipped to this address. */
export function demoCharges(goodsMinor: number, currency: CurrencyCode, address: Address): CheckoutQuote {
  const money = (minor: number): Money => ({ minor, currency });
  const tax = salesTax(goodsMinor, address);
  const delivery = deliveryCharge(goodsMinor);
  return {
    total: money(goodsMinor + (tax ?? 0) + delivery),
    ...(tax === undefined ? {} : { tax: money(tax) }),
    delivery: money(delivery),
  };
}
