import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import type { MedusaSource } from '../../lambda/config';
import { createMedusaAccessTokenVerifier, createMedusaStoreCommerce } from '../../lambda/commerce/medusa/medusa-store-commerce';
import type { MedusaConnection } from '../../tools/medusa/medusa-server';
import type { StoreUnderTest } from '../support/test-app';

/** Where the storefront opens a prepared cart, in the tests. */
export const TEST_CHECKOUT_URL = 'https://shop.northwind.example/checkout?cart_id={cart_id}';

/** The run's Medusa, as medusa.global-setup.ts wrote it down. */
export function medusaConnection(): MedusaConnection {
  const file = process.env.SHOPVOICE_MEDUSA_CONNECTION;
  if (!file) throw new Error('No Medusa in this run: the over-medusa jest project starts one (npm run test:medusa)');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as MedusaConnection;
}

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

/** The Medusa customer a demo shopper is. */
export function medusaCustomer(demoId: string, connection: MedusaConnection = medusaConnection()) {
  const customer = connection.customers.find((candidate) => candidate.demoId === demoId);
  if (!customer) throw new Error(`No Medusa customer for ${demoId}`);
  return customer;
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

/** The Medusa adapter against the run's Medusa, with its customers' own tokens. */
export function medusaStoreUnderTest(now: () => Date): StoreUnderTest {
  const connection = medusaConnection();
  const source = medusaSource(connection);
  return {
    store: createMedusaStoreCommerce(source, { catalogLocale: 'en-US', currency: 'USD', timeZone: 'America/New_York', clock: now, breaker: false }),
    accessTokens: createMedusaAccessTokenVerifier(source),
    token: (shopperId, expiresIn) => {
      const customer = medusaCustomer(shopperId, connection);
      return expiresIn === undefined ? customer.token : tokenExpiringIn(customer.token, connection.jwtSecret, expiresIn);
    },
    close: () => {},
  };
}

/** A read of the Admin API, as the store's staff would check what Medusa recorded. */
export async function medusaAdmin<T>(path: string): Promise<T> {
  const { url, secretKey } = medusaConnection();
  const response = await fetch(`${url}${path}`, { headers: { authorization: `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}` } });
  if (!response.ok) throw new Error(`Admin API ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** A Store API call as a customer, the way a storefront makes it. */
export async function medusaStore<T>(path: string, init: { readonly token?: string; readonly method?: string; readonly body?: unknown } = {}): Promise<T> {
  const { url, publishableKey } = medusaConnection();
  const response = await fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'x-publishable-api-key': publishableKey,
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  if (!response.ok) throw new Error(`Store API ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
