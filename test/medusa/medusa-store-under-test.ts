import { createHmac } from 'node:crypto';
import type { MedusaSource } from '../../lambda/config';
import { createMedusaAccessTokenVerifier, createMedusaStoreCommerce } from '../../lambda/commerce/medusa/medusa-store-commerce';
import type { Catalog, Checkout, CurrencyCode } from '../../lambda/commerce/ports';
import { currentShopperToken } from '../../lambda/commerce/shopper-credential';
import type { MedusaConnection } from '../../tools/medusa/medusa-server';
import type { CartMade } from '../support/shopify-store-server';
import { MEDUSA_TRAITS } from '../support/store-traits';
import type { StoreUnderTest } from '../support/test-app';
import { medusaAdmin, medusaConnection, medusaCustomer, medusaStore } from './medusa-connection';
import { addedCustomer, demoIdOf, medusaIds, medusaStoreRecords } from './medusa-store-records';

export { medusaAdmin, medusaConnection, medusaCustomer, medusaStore };

/** Where the storefront opens a prepared cart, in the tests. */
export const TEST_CHECKOUT_URL = 'https://shop.northwind.example/checkout?cart_id={cart_id}';

export function medusaSource(connection: MedusaConnection = medusaConnection()): MedusaSource {
  return {
    adapter: 'medusa',
    backendUrl: connection.url,
    publishableKey: connection.publishableKey,
    secretApiKey: connection.secretKey,
    returnWindowDays: 30,
    checkoutUrl: TEST_CHECKOUT_URL,
    timeoutMs: 8_000,
  };
}

const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

/** Seconds from now that `expiresIn` ('-5m', '1h', 30) names. */
function secondsOf(expiresIn: string | number): number {
  if (typeof expiresIn === 'number') return expiresIn;
  const match = /^(-?\d+)\s*([smhd]?)$/.exec(expiresIn.trim());
  if (!match) throw new Error(`expiresIn not understood: ${expiresIn}`);
  return Number(match[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86_400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
}

/**
 * A customer's token as Medusa makes it, with another expiry: Medusa's own login token, its claims
 * kept and its `exp` moved, signed again with the run's JWT secret (tests only know it because they
 * started Medusa). Medusa itself then judges it, as it would its own token of that age.
 */
function tokenExpiringIn(token: string, jwtSecret: string, expiresIn: string | number): string {
  const [, payload] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
  const now = Math.floor(Date.now() / 1000);
  const seconds = secondsOf(expiresIn);
  const moved = { ...claims, iat: Math.min(now, now + seconds) - 60, exp: now + seconds };
  const unsigned = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(moved))}`;
  return `${unsigned}.${createHmac('sha256', jwtSecret).update(unsigned).digest('base64url')}`;
}

/** A cart as Medusa holds it: its customer and lines, with each line's variant options. */
async function cartHeld(cartId: string, checkoutUrl: string, connection: MedusaConnection): Promise<CartMade> {
  const buyerToken = currentShopperToken();
  const { cart } = await medusaStore<{ cart: { customer_id: string | null; items: { variant_id: string; product_handle: string; quantity: number; unit_price: number }[] } }>(
    `/store/carts/${encodeURIComponent(cartId)}?fields=id,customer.id,items.variant_id,items.product_handle,items.quantity,items.unit_price`,
    buyerToken ? { token: buyerToken } : {},
  );
  const { variants } = await medusaAdmin<{ variants: { id: string; options: { value: string; option?: { title: string } | null }[] }[] }>(
    `/admin/product-variants?${cart.items.map((item) => `id[]=${item.variant_id}`).join('&')}&fields=id,options.value,options.option.title&limit=${cart.items.length}`,
  );
  const optionsOf = (variantId: string) =>
    Object.fromEntries(
      (variants.find((variant) => variant.id === variantId)?.options ?? []).flatMap((option) => {
        const name = option.option?.title.toLowerCase();
        return name && name !== 'default' ? [[name, option.value]] : [];
      }),
    );
  const shopperId = demoIdOf(connection, cart.customer_id);
  return {
    id: cartId,
    checkoutUrl,
    lines: cart.items.map((item) => ({ merchandiseId: item.variant_id, productId: item.product_handle, quantity: item.quantity, unitPriceMinor: Math.round(item.unit_price * 100), options: optionsOf(item.variant_id) })),
    ...(buyerToken ? { buyerToken } : {}),
    ...(shopperId !== '' ? { shopperId } : {}),
  };
}

/**
 * The adapter's checkout, with each cart it prepares read back from Medusa as it then holds it (a
 * Medusa has no list of carts to ask later), newest last; a cart given again for a retried yes is
 * kept once.
 */
function recordingCarts(checkout: Checkout, connection: MedusaConnection): { checkout: Checkout; carts: CartMade[] } {
  const carts: CartMade[] = [];
  const seen = new Set<string>();
  return {
    carts,
    checkout: {
      ...checkout,
      async place(request) {
        const outcome = await checkout.place(request);
        if (outcome.kind !== 'cart-prepared') return outcome;
        const cartId = new URL(outcome.cart.checkoutUrl).searchParams.get('cart_id');
        if (cartId && !seen.has(cartId)) {
          seen.add(cartId);
          carts.push(await cartHeld(cartId, outcome.cart.checkoutUrl, connection));
        }
        return outcome;
      },
    },
  };
}

/**
 * One catalog per test file and currency: its words are read once, as a running server reads them
 * once every few minutes, rather than again for every test's app.
 */
const catalogs = new Map<CurrencyCode, Catalog>();

/** The Medusa adapter against the run's Medusa, with its customers' own tokens. */
export function medusaStoreUnderTest(now: () => Date, currency: CurrencyCode = 'USD', connection: MedusaConnection = medusaConnection()): StoreUnderTest {
  const source = medusaSource(connection);
  const options = { catalogLocale: 'en-US', currency, timeZone: 'America/New_York', clock: now, breaker: false } as const;
  const store = createMedusaStoreCommerce(source, options);
  const catalog = catalogs.get(currency) ?? store.catalog;
  catalogs.set(currency, catalog);
  const { checkout, carts } = recordingCarts(store.checkout, connection);
  return {
    store: { ...store, catalog, checkout },
    accessTokens: createMedusaAccessTokenVerifier(source),
    token: (shopperId, expiresIn) => {
      const token = addedCustomer(shopperId)?.token ?? medusaCustomer(shopperId, connection).token;
      return expiresIn === undefined ? token : tokenExpiringIn(token, connection.jwtSecret, expiresIn);
    },
    carts: () => carts,
    records: medusaStoreRecords(connection, new Date()),
    ids: medusaIds(connection),
    traits: MEDUSA_TRAITS,
    close: () => {},
  };
}
