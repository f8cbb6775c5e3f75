import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { backoffDelay, createWebhookRelay, relayedHandoffs, type WebhookRelay } from '../../lambda/commerce/handoff-webhook/webhook-relay';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signatureHeader, verifySignature } from '../../lambda/commerce/handoff-webhook/signature';
import type { HandoffRequest, Handoffs } from '../../lambda/commerce/ports';
import { openEmbeddedStore, type EmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { loadConfig } from '../../lambda/config';
import { googleConversation } from '../support/conversation';
import { createTestApp } from '../support/test-app';

const SECRET = 'a-test-secret-of-some-length';

interface Received {
  readonly body: string;
  readonly headers: http.IncomingHttpHeaders;
}

/** A real HTTP server on loopback that records what it receives and answers with the next status. */
async function helpdesk(statuses: number[] = []): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: request.headers });
      response.statusCode = statuses.shift() ?? 200;
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tickets`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A loopback URL with nothing listening: a helpdesk that is down. */
async function deadUrl(): Promise<string> {
  const down = await helpdesk();
  await down.close();
  return down.url;
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const request = (overrides: Partial<HandoffRequest> = {}): HandoffRequest => ({
  shopperId: 'shopper-ben',
  reason: 'damaged-item',
  summary: 'Earbuds arrived damaged.',
  orderNumber: '10689',
  locale: 'en-US',
  platform: 'alexa',
  idempotencyKey: 'alexa:session-1:shopper-ben',
  shopper: { id: 'shopper-ben', name: 'Ben Carter', email: 'ben@example.com' },
  item: { lineId: '10689-1', name: 'Pulse Wireless Earbuds', sku: 'AUD-1002', quantity: 1 },
  tried: ['Matched Pulse Wireless Earbuds in order 10689.'],
  transcript: [
    { at: new Date('2026-11-26T14:59:50Z'), heard: 'ReturnItemIntent', slots: { item: { spoken: 'earbuds', id: 'audio' } }, said: 'Is that the Pulse wireless earbuds?' },
    { at: new Date('2026-11-26T15:00:00Z'), heard: 'YesIntent', slots: {} },
  ],
  ...overrides,
});

let store: EmbeddedStore;
const relays: WebhookRelay[] = [];
beforeEach(() => {
  store = openEmbeddedStore(':memory:');
});
afterEach(async () => {
  for (const relay of relays.splice(0)) {
    relay.close();
    await relay.idle();
  }
  store.close();
});

function relayTo(url: string, options: { baseDelayMs?: number } = {}): { relay: WebhookRelay; handoffs: Handoffs } {
  const relay = createWebhookRelay({ url, secret: SECRET, outbox: store.handoffOutbox, baseDelayMs: options.baseDelayMs ?? 20, timeoutMs: 1_000 });
  relays.push(relay);
  return { relay, handoffs: relayedHandoffs(store.commerce.handoffs, relay) };
}

const queue = () =>
  store.db.prepare('SELECT reference, webhook_attempts, webhook_due_at, webhook_delivered_at, webhook_error FROM handoffs').all() as {
    reference: string;
    webhook_attempts: number;
    webhook_due_at: number | null;
    webhook_delivered_at: number | null;
    webhook_error: string | null;
  }[];

describe('the handoff webhook', () => {
  it('POSTs each filed ticket once as JSON with a valid HMAC signature and the whole context', async () => {
    const server = await helpdesk();
    try {
      const { relay, handoffs } = relayTo(server.url);
      const ticket = await handoffs.file(request());
      await until(() => server.received.length === 1);
      await relay.idle();

      const [delivery] = server.received;
      expect(delivery!.headers['content-type']).toBe('application/json');
      expect(delivery!.headers[DELIVERY_HEADER]).toBe(ticket.reference);
      expect(verifySignature(delivery!.body, delivery!.headers[SIGNATURE_HEADER] as string, SECRET)).toBe(true);
      expect(verifySignature(delivery!.body.replace('Ben', 'Bob'), delivery!.headers[SIGNATURE_HEADER] as string, SECRET)).toBe(false);
      expect(verifySignature(delivery!.body, delivery!.headers[SIGNATURE_HEADER] as string, 'another-secret-entirely')).toBe(false);
      expect(JSON.parse(delivery!.body)).toEqual({
        type: 'shopvoice.handoff',
        version: 1,
        reference: ticket.reference,
        createdAt: ticket.createdAt.toISOString(),
        reason: 'damaged-item',
        summary: 'Earbuds arrived damaged.',
        locale: 'en-US',
        platform: 'alexa',
        shopper: { id: 'shopper-ben', name: 'Ben Carter', email: 'ben@example.com' },
        order: { number: '10689' },
        item: { lineId: '10689-1', name: 'Pulse Wireless Earbuds', sku: 'AUD-1002', quantity: 1 },
        // What was tried and the transcript are redacted like every text that quotes the shopper; the order is in `order`.
        tried: ['Matched Pulse Wireless Earbuds in order [number].'],
        transcript: [
          { at: '2026-11-26T14:59:50.000Z', heard: 'ReturnItemIntent', slots: { item: { spoken: 'earbuds', id: 'audio' } }, said: 'Is that the Pulse wireless earbuds?' },
          { at: '2026-11-26T15:00:00.000Z', heard: 'YesIntent', slots: {} },
        ],
      });
      expect(queue()).toEqual([expect.objectContaining({ webhook_attempts: 1, webhook_delivered_at: expect.any(Number), webhook_error: null })]);

      // A retried filing finds the same ticket and sends nothing more.
      await handoffs.file(request());
      await relay.idle();
      expect(server.received).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('retries after a failure, with backoff, until the helpdesk accepts the ticket', async () => {
    const server = await helpdesk([503, 500]);
    const failures: { attempts: number; error: string }[] = [];
    try {
      const relay = createWebhookRelay({
        url: server.url,
        secret: SECRET,
        outbox: store.handoffOutbox,
        baseDelayMs: 30,
        onFailure: ({ attempts, error }) => failures.push({ attempts, error }),
      });
      relays.push(relay);
      const ticket = await relayedHandoffs(store.commerce.handoffs, relay).file(request());
      await until(() => server.received.length === 3);
      await relay.idle();

      expect(failures).toEqual([
        { attempts: 1, error: 'HTTP 503' },
        { attempts: 2, error: 'HTTP 500' },
      ]);
      expect(server.received.map((delivery) => delivery.headers[DELIVERY_HEADER])).toEqual([ticket.reference, ticket.reference, ticket.reference]);
      for (const delivery of server.received) {
        expect(verifySignature(delivery.body, delivery.headers[SIGNATURE_HEADER] as string, SECRET)).toBe(true);
      }
      expect(queue()).toEqual([expect.objectContaining({ webhook_attempts: 3, webhook_delivered_at: expect.any(Number), webhook_error: null })]);
    } finally {
      await server.close();
    }
  });

  it('keeps a ticket queued while the helpdesk is down, and delivers it once it is back', async () => {
    const { relay, handoffs } = relayTo(await deadUrl(), { baseDelayMs: 60_000 });
    const before = Date.now();
    const ticket = await handoffs.file(request());
    expect(ticket.reference).toMatch(/^\d{6}$/);
    await until(() => (queue()[0]?.webhook_attempts ?? 0) >= 1);
    await relay.idle();

    const [queued] = queue();
    expect(queued).toEqual(expect.objectContaining({ reference: ticket.reference, webhook_delivered_at: null, webhook_error: expect.stringMatching(/\w/) }));
    // The next attempt waits for the backoff instead of hammering a helpdesk that is down.
    expect(queued!.webhook_due_at).toBeGreaterThanOrEqual(before + 60_000);
    expect(await relay.drain()).toEqual({ delivered: 0, failed: 0 });
    relay.close();

    // Later (here: a restart, once the helpdesk is up and the retry is due), the queue is delivered.
    store.db.prepare('UPDATE handoffs SET webhook_due_at = ?').run(Date.now());
    const server = await helpdesk();
    try {
      const { relay: restarted } = relayTo(server.url);
      restarted.kick();
      await until(() => server.received.length === 1);
      await restarted.idle();
      expect(JSON.parse(server.received[0]!.body).reference).toBe(ticket.reference);
      expect(queue()[0]).toEqual(expect.objectContaining({ webhook_attempts: 2, webhook_delivered_at: expect.any(Number) }));
    } finally {
      await server.close();
    }
  });

  it('is what the app does with every handoff when HANDOFF_WEBHOOK_URL is set', async () => {
    const server = await helpdesk();
    const testApp = createTestApp({ HANDOFF_WEBHOOK_URL: server.url, HANDOFF_WEBHOOK_SECRET: SECRET });
    try {
      const conversation = googleConversation(testApp.app, { token: await testApp.token('shopper-ben') });
      await conversation.say('OrderStatusIntent');
      const heard = await conversation.say('FrustrationIntent');
      expect(heard.text).toMatch(/Your reference number is \d{6}\./);
      await until(() => server.received.length === 1);
      const [delivery] = server.received;
      expect(verifySignature(delivery!.body, delivery!.headers[SIGNATURE_HEADER] as string, SECRET)).toBe(true);
      const payload = JSON.parse(delivery!.body);
      expect(payload).toMatchObject({ reason: 'shopper-upset', platform: 'google', shopper: { id: 'shopper-ben', email: 'ben@example.com' } });
      expect(payload.transcript.map((turn: { heard: string }) => turn.heard)).toEqual(['OrderStatusIntent', 'FrustrationIntent']);
      expect(payload.transcript[0].said).toMatch(/on the way/);
    } finally {
      testApp.close();
      await server.close();
    }
  });
});

describe('backoff and signatures', () => {
  it('doubles the wait after each failure, up to a ceiling', () => {
    expect([1, 2, 3, 4, 5, 30].map((attempts) => backoffDelay(attempts, 5_000, 60_000))).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
  });

  it('refuses a signature from too long ago, one that is malformed, and a missing one', () => {
    const body = '{"reference":"123456"}';
    const then = new Date('2026-11-26T15:00:00Z');
    const header = signatureHeader(body, SECRET, then);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(body, header, SECRET, new Date(then.getTime() + 299_000))).toBe(true);
    expect(verifySignature(body, header, SECRET, new Date(then.getTime() + 301_000))).toBe(false);
    expect(verifySignature(body, 't=abc,v1=00', SECRET, then)).toBe(false);
    expect(verifySignature(body, undefined, SECRET, then)).toBe(false);
  });

  it('needs a secret whenever a webhook URL is configured', () => {
    expect(loadConfig({ HANDOFF_WEBHOOK_URL: 'https://helpdesk.example/hooks', HANDOFF_WEBHOOK_SECRET: SECRET }).handoffWebhook).toEqual({
      url: 'https://helpdesk.example/hooks',
      secret: SECRET,
    });
    expect(loadConfig({}).handoffWebhook).toBeUndefined();
    expect(() => loadConfig({ HANDOFF_WEBHOOK_URL: 'https://helpdesk.example/hooks' })).toThrow(/HANDOFF_WEBHOOK_SECRET/);
    expect(() => loadConfig({ HANDOFF_WEBHOOK_URL: 'ftp://helpdesk.example', HANDOFF_WEBHOOK_SECRET: SECRET })).toThrow(/http/);
  });
});

/** A helpdesk whose behaviour the test switches: up (200), down (503), refusing (400) or hanging (never answers). */
async function switchableHelpdesk(initial: 'up' | 'down' | 'refusing' | 'hang' = 'up') {
  const state = { mode: initial, received: [] as Received[] };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      state.received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: request.headers });
      if (state.mode === 'hang') return;
      response.statusCode = state.mode === 'up' ? 200 : state.mode === 'down' ? 503 : 400;
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    state,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tickets`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const referencesOf = (received: readonly Received[]) => received.map((delivery) => delivery.headers[DELIVERY_HEADER]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the handoff webhook against a helpdesk that hangs or is down', () => {
  it('gives up on an attempt that gets no answer within the timeout, and delivers the ticket on a later one', async () => {
    const desk = await switchableHelpdesk('hang');
    const failures: { attempts: number; error: string; at: number }[] = [];
    try {
      const relay = createWebhookRelay({
        url: desk.url,
        secret: SECRET,
        outbox: store.handoffOutbox,
        baseDelayMs: 50,
        timeoutMs: 150,
        onFailure: ({ attempts, error }) => {
          failures.push({ attempts, error, at: Date.now() });
          // The helpdesk recovers after the first attempt hung.
          desk.state.mode = 'up';
        },
      });
      relays.push(relay);
      const filedAt = Date.now();
      const ticket = await relayedHandoffs(store.commerce.handoffs, relay).file(request());
      await until(() => queue()[0]?.webhook_delivered_at !== null && desk.state.received.length === 2);
      await relay.idle();

      expect(failures).toEqual([{ attempts: 1, error: 'no answer within 150 ms', at: expect.any(Number) }]);
      // Given up on after its timeout, not after whatever the helpdesk would have taken (a behaviour bound).
      expect(failures[0]!.at - filedAt).toBeLessThan(1_500);
      expect(referencesOf(desk.state.received)).toEqual([ticket.reference, ticket.reference]);
      for (const delivery of desk.state.received) {
        expect(verifySignature(delivery.body, delivery.headers[SIGNATURE_HEADER] as string, SECRET)).toBe(true);
      }
      expect(queue()).toEqual([expect.objectContaining({ webhook_attempts: 2, webhook_delivered_at: expect.any(Number), webhook_error: null })]);
    } finally {
      await desk.close();
    }
  });

  it('stops calling a helpdesk that is down (tickets stay queued), tries again after the breaker delay, and delivers every ticket once it is back', async () => {
    const desk = await switchableHelpdesk('down');
    const circuit: string[] = [];
    const halfOpenAfterMs = 600;
    try {
      const relay = createWebhookRelay({
        url: desk.url,
        secret: SECRET,
        outbox: store.handoffOutbox,
        // Each ticket's own retries would be due again and again while the helpdesk is down.
        baseDelayMs: 20,
        maxDelayMs: 40,
        timeoutMs: 1_000,
        breaker: { consecutiveFailures: 2, halfOpenAfterMs },
        onCircuit: (change) => circuit.push(change),
      });
      relays.push(relay);
      const handoffs = relayedHandoffs(store.commerce.handoffs, relay);
      const tickets = [];
      for (let filing = 0; filing < 5; filing++) {
        tickets.push(await handoffs.file(request({ idempotencyKey: `alexa:session-${filing}:shopper-ben` })));
      }
      await until(() => circuit.includes('open'));
      await relay.idle();

      // Open: new filings and due retries wait in the queue; the helpdesk got the two that opened it, nothing more.
      await sleep(150);
      expect(desk.state.received).toHaveLength(2);
      expect(await relay.drain()).toEqual({ delivered: 0, failed: 0, skipped: 5 });
      expect(desk.state.received).toHaveLength(2);
      const waiting = queue();
      expect(waiting).toHaveLength(5);
      expect(waiting.every((row) => row.webhook_delivered_at === null)).toBe(true);
      expect(waiting.map((row) => row.webhook_attempts).sort()).toEqual([0, 0, 0, 1, 1]);

      // After the delay one ticket is tried; the helpdesk is still down, so the circuit opens again.
      await until(() => desk.state.received.length === 3, 2_000);
      await until(() => circuit.length >= 3);
      expect(circuit).toEqual(['open', 'half-open', 'open']);
      await sleep(100);
      expect(desk.state.received).toHaveLength(3);

      // Back: the next trial is accepted, the circuit closes, and the whole queue follows.
      desk.state.mode = 'up';
      await until(() => queue().every((row) => row.webhook_delivered_at !== null), 3_000);
      await relay.idle();
      expect(circuit).toEqual(['open', 'half-open', 'open', 'half-open', 'closed']);
      const accepted = desk.state.received.slice(3);
      expect(accepted).toHaveLength(5);
      expect(new Set(referencesOf(accepted))).toEqual(new Set(tickets.map((ticket) => ticket.reference)));
      for (const delivery of accepted) {
        expect(verifySignature(delivery.body, delivery.headers[SIGNATURE_HEADER] as string, SECRET)).toBe(true);
      }
    } finally {
      await desk.close();
    }
  });

  it('counts an attempt that timed out towards opening the breaker', async () => {
    const desk = await switchableHelpdesk('hang');
    const circuit: string[] = [];
    try {
      const relay = createWebhookRelay({
        url: desk.url,
        secret: SECRET,
        outbox: store.handoffOutbox,
        baseDelayMs: 60_000,
        timeoutMs: 100,
        breaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 },
        onCircuit: (change) => circuit.push(change),
      });
      relays.push(relay);
      const handoffs = relayedHandoffs(store.commerce.handoffs, relay);
      for (let filing = 0; filing < 3; filing++) await handoffs.file(request({ idempotencyKey: `google:session-${filing}:shopper-ben` }));
      await until(() => circuit.includes('open'));
      await relay.idle();
      await relay.drain();
      expect(desk.state.received).toHaveLength(2);
      expect(queue().filter((row) => row.webhook_error === 'no answer within 100 ms')).toHaveLength(2);
      expect(queue().every((row) => row.webhook_delivered_at === null)).toBe(true);
    } finally {
      await desk.close();
    }
  });

  it('does not take a helpdesk that refuses a ticket (4xx) for down: every ticket is still tried', async () => {
    const desk = await switchableHelpdesk('refusing');
    const circuit: string[] = [];
    try {
      const relay = createWebhookRelay({
        url: desk.url,
        secret: SECRET,
        outbox: store.handoffOutbox,
        baseDelayMs: 60_000,
        breaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 },
        onCircuit: (change) => circuit.push(change),
      });
      relays.push(relay);
      const handoffs = relayedHandoffs(store.commerce.handoffs, relay);
      for (let filing = 0; filing < 4; filing++) await handoffs.file(request({ idempotencyKey: `alexa:session-${filing}:shopper-ben` }));
      await until(() => desk.state.received.length === 4);
      await relay.idle();
      expect(circuit).toEqual([]);
      expect(queue().map((row) => row.webhook_error)).toEqual(Array(4).fill('HTTP 400'));
    } finally {
      await desk.close();
    }
  });
});
