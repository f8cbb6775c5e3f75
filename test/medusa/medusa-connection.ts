import fs from 'node:fs';
import type { MedusaConnection } from '../../tools/medusa/medusa-server';

/** The run's Medusa, as medusa.global-setup.ts wrote it down. */
export function medusaConnection(): MedusaConnection {
  const file = process.env.SHOPVOICE_MEDUSA_CONNECTION;
  if (!file) throw new Error('No Medusa in this run: the over-medusa jest project starts one (npm run test:medusa)');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as MedusaConnection;
}

/** The Medusa customer a demo shopper is. */
export function medusaCustomer(demoId: string, connection: MedusaConnection = medusaConnection()) {
  const customer = connection.customers.find((candidate) => candidate.demoId === demoId);
  if (!customer) throw new Error(`No Medusa customer for ${demoId}`);
  return customer;
}

interface Call {
  readonly method?: 'GET' | 'POST' | 'DELETE';
  readonly body?: unknown;
}

async function answer<T>(what: string, response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${(await response.text()).slice(0, 500)}`);
  return (await response.json()) as T;
}

const json = (body: unknown) => (body === undefined ? {} : { body: JSON.stringify(body) });

/** The Admin API with the run's secret key, as the store's staff would read or change what Medusa holds. */
export async function medusaAdmin<T>(path: string, call: Call = {}): Promise<T> {
  const { url, secretKey } = medusaConnection();
  const response = await fetch(`${url}${path}`, {
    method: call.method ?? 'GET',
    headers: { authorization: `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}`, 'content-type': 'application/json' },
    ...json(call.body),
  });
  return answer(`Admin API ${call.method ?? 'GET'} ${path}`, response);
}

/** A Store API call as a customer, the way a storefront makes it. */
export async function medusaStore<T>(path: string, init: Call & { readonly token?: string } = {}): Promise<T> {
  const { url, publishableKey } = medusaConnection();
  const response = await fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'x-publishable-api-key': publishableKey,
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    ...json(init.body),
  });
  return answer(`Store API ${path}`, response);
}

/** Medusa's customer authentication (`/auth/customer/emailpass…`): a token for an email and password. */
export async function medusaCustomerAuth(path: '' | '/register', email: string, password: string): Promise<string> {
  const { url } = medusaConnection();
  const response = await fetch(`${url}/auth/customer/emailpass${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return (await answer<{ token: string }>(`auth${path}`, response)).token;
}
