import fs from 'node:fs';
import http from 'node:http';
import type { MedusaConnection } from '../../tools/medusa/medusa-server';

/**
 * The run's Medusa, as medusa.global-setup.ts wrote it down: the server of this jest worker, for
 * the run starts one per worker (each on its own copy of the seeded store), so that one worker's
 * tests never change what another's meet.
 */
export function medusaConnection(): MedusaConnection {
  const file = process.env.SHOPVOICE_MEDUSA_CONNECTION;
  if (!file) throw new Error('No Medusa in this run: the over-medusa jest project starts one (npm run test:medusa)');
  const connection = JSON.parse(fs.readFileSync(file, 'utf8')) as MedusaConnection;
  const worker = Number(process.env.JEST_WORKER_ID ?? '1');
  const instances = connection.instances ?? [];
  const instance = instances.length > 0 ? instances[(Math.max(1, worker) - 1) % instances.length] : undefined;
  return instance ? { ...connection, ...instance } : connection;
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

/**
 * One HTTP request on a connection of its own. A test's calls come in bursts with pauses between
 * them, and a kept-alive connection that Medusa closes during a pause fails the next call sent on
 * it ("other side closed"): a fresh connection each time never meets one.
 */
function send(url: string, method: string, headers: Record<string, string>, body: unknown): Promise<{ status: number; text: string }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, agent: false, headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(payload);
  });
}

async function answer<T>(what: string, sent: Promise<{ status: number; text: string }>): Promise<T> {
  const { status, text } = await sent;
  if (status < 200 || status >= 300) throw new Error(`${what}: HTTP ${status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/** The Admin API with the run's secret key, as the store's staff would read or change what Medusa holds. */
export async function medusaAdmin<T>(path: string, call: Call = {}): Promise<T> {
  const { url, secretKey } = medusaConnection();
  const method = call.method ?? 'GET';
  return answer(`Admin API ${method} ${path}`, send(`${url}${path}`, method, { authorization: `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}` }, call.body));
}

/** A Store API call as a customer, the way a storefront makes it. */
export async function medusaStore<T>(path: string, init: Call & { readonly token?: string } = {}): Promise<T> {
  const { url, publishableKey } = medusaConnection();
  const headers = { 'x-publishable-api-key': publishableKey, ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) };
  return answer(`Store API ${path}`, send(`${url}${path}`, init.method ?? 'GET', headers, init.body));
}

/** Medusa's customer authentication (`/auth/customer/emailpass…`): a token for an email and password. */
export async function medusaCustomerAuth(path: '' | '/register', email: string, password: string): Promise<string> {
  const { url } = medusaConnection();
  return (await answer<{ token: string }>(`auth${path}`, send(`${url}/auth/customer/emailpass${path}`, 'POST', {}, { email, password }))).token;
}
