import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PLATFORMS } from '../support/conversation';
import { createTestApp } from '../support/test-app';
import { AVA_PIN } from '../reorder/reorder-fixtures';

/**
 * A shopper who says things that must not be kept — a card number, a phone number, a street
 * address, their PIN at the confirmation and again as an order number — and then asks for a
 * person. The conversation log, the filed ticket and what the helpdesk webhook receives keep the
 * conversation (intents, placeholders, what was said back) and none of those.
 */

const CARD = '4111 1111 1111 1111';
const PHONE = '303 555 0142';
const ADDRESS = '2418 Larimer Street';
const PIN_SPOKEN = 'seven three nine one';

/** Session and request ids are random and may hold any four digits; they are not what is checked. */
function withoutRandomIds(text: string): string {
  return text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>').replace(/ABwppHF[0-9a-f]{32}/g, '<id>');
}

function secretsIn(text: string): string[] {
  const haystack = withoutRandomIds(text);
  // Digits however they were grouped: "303 555 0142" and "3035550142" are the same number.
  const digits = haystack.replace(/(?<=\d)[\s-]+(?=\d)/g, '');
  const found: string[] = [];
  if (/(?<!\d)4111111111111111(?!\d)/.test(digits)) found.push('card number');
  if (/(?<!\d)(?:303)?5550142(?!\d)/.test(digits)) found.push('phone number');
  if (/Larimer|(?<!\d)2418(?!\d)/i.test(haystack)) found.push('street address');
  if (new RegExp(`(?<!\\d)${AVA_PIN}(?!\\d)`).test(digits)) found.push('PIN in digits');
  if (haystack.toLowerCase().includes(PIN_SPOKEN)) found.push('PIN in words');
  return found;
}

/** A helpdesk on loopback that keeps every body it is sent. */
async function helpdesk(): Promise<{ url: string; bodies: string[]; close(): Promise<void> }> {
  const bodies: string[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tickets`,
    bodies,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(PLATFORMS)('transcripts and tickets on %s', (_platform, start) => {
  it('keep no card number, phone number, address or PIN, wherever in the conversation they were said', async () => {
    const desk = await helpdesk();
    const testApp = createTestApp({
      PURCHASE_PIN_REQUIRED: 'true',
      HANDOFF_WEBHOOK_URL: desk.url,
      HANDOFF_WEBHOOK_SECRET: 'a-test-secret-of-some-length',
    });
    try {
      const ava = start(testApp.app, { token: await testApp.token('shopper-ava') });
      await ava.say('FindProductIntent', { query: `a wallet for my card ${CARD}` });
      await ava.say('OrderStatusIntent', { orderNumber: PIN_SPOKEN });
      const confirm = await ava.say('ReorderIntent', { item: 'coffee' });
      expect(confirm.text).toMatch(/^Shall I order .+\?$/);
      // The PIN, said at the confirmation before it was asked for.
      await ava.say('QuantityIntent', { quantity: AVA_PIN });
      const returning = await ava.say('ReturnItemIntent', { item: `the one for ${PHONE}`, reason: `send it to ${ADDRESS}` });
      // A long description is not said back ("I couldn't find that …"), so the number is only in what the shopper said.
      expect(returning.text).toMatch(/^I couldn't find that in your recent orders\./);
      expect(returning.text).not.toContain(PHONE);
      const filed = await ava.say('TalkToAgentIntent');
      expect(filed.text).toMatch(/Your reference number is \d{6}\./);
      await until(() => desk.bodies.length === 1);

      const transcript = testApp.db.prepare('SELECT heard, slots, said FROM conversation_turns').all() as { heard: string; slots: string }[];
      const tickets = testApp.db.prepare('SELECT reason, summary, order_number, context FROM handoffs').all() as { context: string }[];
      const payload = JSON.parse(desk.bodies[0]!) as { shopper: unknown; tried: string[]; transcript: { heard: string }[] };

      // What was checked is the real thing: every turn, the ticket with its context, the delivered payload.
      expect(transcript.map((turn) => turn.heard)).toEqual([
        'FindProductIntent',
        'OrderStatusIntent',
        'ReorderIntent',
        'QuantityIntent',
        'ReturnItemIntent',
        'TalkToAgentIntent',
      ]);
      expect(tickets).toHaveLength(1);
      expect(payload.transcript.map((turn) => turn.heard)).toEqual(transcript.map((turn) => turn.heard));
      const stored = JSON.stringify(transcript);
      for (const placeholder of ['[card]', '[phone]', '[address]', '[number]']) expect(stored).toContain(placeholder);
      expect(payload.tried.join(' ')).toContain('[phone]');
      // The shopper's own contact details, which the ticket needs, stay in their own field.
      expect(payload.shopper).toEqual({ id: 'shopper-ava', name: 'Ava Thompson', email: 'ava@example.com' });
      expect(JSON.parse(tickets[0]!.context).shopper).toEqual(payload.shopper);

      expect({ where: 'conversation log', found: secretsIn(stored) }).toEqual({ where: 'conversation log', found: [] });
      expect({ where: 'handoff ticket', found: secretsIn(JSON.stringify(tickets)) }).toEqual({ where: 'handoff ticket', found: [] });
      expect({ where: 'webhook payload', found: secretsIn(desk.bodies[0]!) }).toEqual({ where: 'webhook payload', found: [] });
    } finally {
      testApp.close();
      await desk.close();
    }
  });
});
