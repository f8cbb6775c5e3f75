import { sameSecret } from '../auth/bearer-credential';
import type { Orders, Shoppers } from './ports';

/**
 * A caller's second factor checked against what the store knows of the shopper: the last four
 * digits of the card on file, the delivery postal code (a ZIP+4 also as the five digits people
 * say), or the number of an order placed since `placedSince`. Each factor is checked whatever the
 * others give, so how long the answer takes does not tell which one was tried. Used where the
 * store gives its profile and orders (the embedded store, the reference store server) and answers
 * only whether the digits match.
 */

export interface SecondFactorCheck {
  readonly shopperId: string;
  readonly digits: string;
  readonly placedSince: Date;
}

/** The digits of a postal code, and for a ZIP+4 also the five digits people say. */
function postalCodeForms(postalCode: string | undefined): string[] {
  const digits = (postalCode ?? '').replace(/\D/g, '');
  if (digits === '') return [];
  return digits.length === 9 ? [digits, digits.slice(0, 5)] : [digits];
}

export async function secondFactorOfProfile(store: { readonly shoppers: Pick<Shoppers, 'findById'>; readonly orders: Pick<Orders, 'findForShopper'> }, check: SecondFactorCheck): Promise<boolean> {
  const { shopperId, digits } = check;
  if (!/^\d{3,12}$/.test(digits)) return false;
  const [profile, order] = await Promise.all([store.shoppers.findById(shopperId), store.orders.findForShopper(shopperId, digits)]);
  const last4 = profile?.defaultPayment?.last4;
  const card = last4 !== undefined && sameSecret(digits, last4);
  const zip = postalCodeForms(profile?.defaultAddress?.postalCode).map((form) => sameSecret(digits, form)).includes(true);
  const recentOrder = order !== undefined && order.placedAt.getTime() >= check.placedSince.getTime();
  return card || zip || recentOrder;
}
