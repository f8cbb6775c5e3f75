import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { signDevAccessToken } from '../../lambda/auth/dev-access-token';
import type { SkillState } from '../../lambda/commerce/ports';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { DEMO_SHOPPER_PROFILES } from '../../lambda/commerce/sqlite/demo-shoppers';
import { loadConfig } from '../../lambda/config';
import { createServer } from '../../lambda/server';
import { PLATFORMS } from '../support/conversation';
import { TEST_NOW } from '../support/test-app';
import { AVA_PIN, FINN_PIN } from './reorder-fixtures';

const BEN_PIN = '5820';
const WRONG_PINS = ['8642', '1357', '9753'];
const PINS = [AVA_PIN, FINN_PIN, BEN_PIN, ...WRONG_PINS];

/** Visa, Mastercard, American Express and Discover numbers, however they are grouped. */
const CARD_NUMBER = /(?<![0-9])(?:4[0-9]{15}|5[1-5][0-9]{14}|3[47][0-9]{13}|6011[0-9]{12})(?![0-9])/;

/** Random ids (sessions, requests, confirmations) can hold any four digits; they are not what is checked. */
function withoutRandomIds(text: string): string {
  return text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>').replace(/ABwppHF[0-9a-f]{32}/g, '<id>');
}

/** What must never be said, stored in a log, or logged: every PIN said, full card numbers, street addresses. */
function secretsIn(text: string): string[] {
  const haystack = withoutRandomIds(text);
  const found: string[] = [];
  for (const pin of PINS) {
    const spaced = pin.split('').join('\\s*');
    if (new RegExp(`(?<![0-9])${spaced}(?![0-9])`).test(haystack)) found.push(`PIN ${pin}`);
  }
  if (CARD_NUMBER.test(haystack.replace(/(?<=[0-9])[ -](?=[0-9])/g, ''))) found.push('a card number');
  for (const { defaultAddress } of DEMO_SHOPPER_PROFILES) {
    if (!defaultAddress) continue;
    if (haystack.includes(defaultAddress.line1)) found.push(defaultAddress.line1);
    if (new RegExp(`(?<![0-9])${defaultAddress.postalCode}(?![0-9])`).test(haystack)) found.push(defaultAddress.postalCode);
  }
  return found;
}

describe.each(PLATFORMS)('secrets on %s', (platform, start) => {
  it('no reply, conversation log, handoff ticket or log line holds a PIN, a card number or an address', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-secrets-'));
    const logLines: string[] = [];
    const logger = pino({ level: 'trace' }, { write: (line: string) => logLines.push(line) });
    const config = loadConfig({ NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir, ALEXA_VERIFY_SIGNATURE: 'false', PURCHASE_PIN_REQUIRED: 'true' });
    const store = openEmbeddedStore(':memory:', { now: TEST_NOW });
    // Ben's PIN check fails on our side, so the turn that carries his PIN is logged as an error.
    const state: SkillState = {
      ...store.state,
      purchasePins: {
        status: (shopperId, at) => store.state.purchasePins.status(shopperId, at),
        check: async (attempt) => {
          if (attempt.shopperId === 'shopper-ben') throw new Error('PIN service unavailable');
          return store.state.purchasePins.check(attempt);
        },
      },
    };
    const { app, shopvoice } = createServer(config, logger, { adapters: { store: store.store, state }, clock: () => TEST_NOW });
    const token = (shopperId: string) => signDevAccessToken({ dataDir, issuer: config.auth.issuer, audience: config.auth.audience, shopperId });
    const replies: string[] = [];
    const remember = (reply: { body: unknown; ssml: string }) => {
      replies.push(JSON.stringify(reply.body), reply.ssml);
      return reply;
    };
    try {
      const ava = start(app, { token: await token('shopper-ava') });
      remember(await ava.say('ReorderIntent', { item: 'coffee' }));
      remember(await ava.say('YesIntent'));
      for (const pin of WRONG_PINS) remember(await ava.say('PinIntent', { pin }));
      const handedOver = remember(await ava.say('YesIntent'));
      expect(handedOver.ssml).toMatch(/reference number/);

      const finn = start(app, { token: await token('shopper-finn') });
      remember(await finn.say('ReorderIntent', { item: 'tea' }));
      remember(await finn.say('YesIntent'));
      const placed = remember(await finn.say('PinIntent', { pin: FINN_PIN }));
      expect(placed.ssml).toMatch(/order number/);

      const ben = start(app, { token: await token('shopper-ben') });
      remember(await ben.say('ReorderIntent', { item: 'tea' }));
      remember(await ben.say('YesIntent'));
      const apology = remember(await ben.say('PinIntent', { pin: BEN_PIN }));
      expect(apology.ssml).toMatch(/something went wrong/);
    } finally {
      shopvoice.close();
    }

    const conversationLog = store.db.prepare('SELECT * FROM conversation_turns').all();
    const tickets = store.db.prepare('SELECT * FROM handoffs').all();
    store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });

    // The checks below looked at something real: confirmations, a transcript, and the error.
    // (An order's app card names the card it was charged to: its last four digits, never more.)
    expect(replies.join('\n')).toMatch(/Charged to your \w+ ending \d{4}\./);
    expect(conversationLog.length).toBeGreaterThan(8);
    expect(JSON.stringify(tickets)).toMatch(/PinIntent/);
    expect(logLines.join('\n')).toMatch(/turn failed/);

    expect({ where: 'replies', found: secretsIn(replies.join('\n')) }).toEqual({ where: 'replies', found: [] });
    expect({ where: 'conversation log', found: secretsIn(JSON.stringify(conversationLog)) }).toEqual({ where: 'conversation log', found: [] });
    expect({ where: 'handoff tickets', found: secretsIn(JSON.stringify(tickets)) }).toEqual({ where: 'handoff tickets', found: [] });
    expect({ where: 'log lines', found: secretsIn(logLines.join('\n')) }).toEqual({ where: 'log lines', found: [] });
  });
});
