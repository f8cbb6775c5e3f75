import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { composeShopvoice } from '../../lambda/compose';
import { loadConfig } from '../../lambda/config';
import { createLogger } from '../../lambda/logging';
import { runChat } from '../../tools/chat';
import { localAssistantFor } from '../../tools/local-assistant/local-setup';
import { TEST_NOW } from '../support/test-app';

/**
 * What a shopper types or says in `npm run chat` (and the console, which shares the local
 * assistant): the text is understood by the product's own understanding, with the question in
 * progress, then sent through the real adapters. Each script checks where the words went.
 */

interface Session {
  readonly lines: readonly string[];
  readonly transcript: string;
  readonly tickets: number;
  readonly returns: number;
  readonly orders: number;
}

async function chat(platform: 'alexa' | 'google', locale: string, shopperId: string, lines: readonly string[]): Promise<Session> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-phrasings-'));
  const config = loadConfig({ NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir });
  const store = openEmbeddedStore(':memory:', { now: TEST_NOW });
  const shopvoice = composeShopvoice(config, { logger: createLogger('silent'), adapters: store, clock: () => TEST_NOW });
  const output: string[] = [];
  const count = (table: string) => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const [ordersBefore, ticketsBefore, returnsBefore] = [count('orders'), count('handoffs'), count('returns')];
  try {
    const assistant = localAssistantFor(config, shopvoice.router, shopvoice.stateSeal, { clock: () => TEST_NOW });
    async function* script() {
      yield* lines;
    }
    await runChat(assistant, { platform, locale, shopperId }, { lines: script(), write: (line) => output.push(line), echo: true });
    return { lines: output, transcript: output.join('\n'), tickets: count('handoffs') - ticketsBefore, returns: count('returns') - returnsBefore, orders: count('orders') - ordersBefore };
  } finally {
    shopvoice.close();
    store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The intent each typed line was understood as, in order. */
const intentsOf = (session: Session) => [...session.transcript.matchAll(/^ {2}\(([A-Za-z.]+)/gm)].map((match) => match[1]);
const repliesOf = (session: Session) => session.lines.filter((line) => /^(alexa|google)> /.test(line));

describe.each(['alexa', 'google'] as const)('typed phrasings on %s', (platform) => {
  it('README and help examples work as written: order status, a return, a reorder, a search', async () => {
    const session = await chat(platform, 'en-US', 'shopper-ava', [
      'where is my order',
      '/reset',
      "I want to send back the shoes I got last week, they don't fit",
      '/reset',
      'I want to return my shoes',
      '/reset',
      'reorder my usual coffee',
      '/reset',
      'a waterproof jacket for hiking under $150',
      '/reset',
      'wireless earbuds around 80 bucks',
      '/reset',
      'a waterproof jacket for hiking under 150 dollars',
    ]);
    const intents = intentsOf(session);
    expect(intents.filter((intent) => /OrderStatus/.test(intent!))).toHaveLength(1);
    expect(intents.filter((intent) => /ReturnItem/.test(intent!))).toHaveLength(2);
    expect(intents.filter((intent) => /Reorder/.test(intent!))).toHaveLength(1);
    expect(intents.filter((intent) => /FindProduct/.test(intent!))).toHaveLength(3);
    expect(session.transcript).not.toMatch(/Fallback/);
  });

  it('German examples work as written', async () => {
    const session = await chat(platform, 'de-DE', 'shopper-ava', ['wo ist meine Bestellung', '/reset', 'eine wasserdichte Jacke zum Wandern unter 150 Euro']);
    const intents = intentsOf(session);
    expect(intents.some((intent) => /OrderStatus/.test(intent!))).toBe(true);
    expect(intents.some((intent) => /FindProduct/.test(intent!))).toBe(true);
    expect(session.transcript).not.toMatch(/Fallback/);
  });

  it('"return my last order" starts a return and never an order', async () => {
    const session = await chat(platform, 'en-US', 'shopper-ava', ['return my last order', 'yes']);
    expect(intentsOf(session)[0]).toMatch(/ReturnItem/);
    expect(session.transcript).not.toMatch(/place the order/i);
    expect(session.orders).toBe(0);
  });

  it('"got any cheap running socks" is a search, never a return', async () => {
    const session = await chat(platform, 'en-US', 'shopper-ava', ['got any cheap running socks']);
    expect(intentsOf(session)[0]).toMatch(/FindProduct/);
    expect(session.returns).toBe(0);
  });

  it('a joke files no ticket and keeps the conversation open', async () => {
    const session = await chat(platform, 'en-US', 'shopper-ava', ['tell me a joke']);
    expect(session.tickets).toBe(0);
    expect(repliesOf(session)[0]).toMatch(/can't do that|didn't catch that/);
    expect(session.transcript).not.toMatch(/reference number/);
  });

  it('a bare size answers "which size?", and a bare "medium" is kept', async () => {
    const session = await chat(platform, 'en-US', 'shopper-ava', ['merino hiking socks', 'order the first one', 'medium']);
    const replies = repliesOf(session);
    expect(replies[1]).toMatch(/Which size/);
    expect(replies[2]).toMatch(/size M/);
  });
  it.each(['M', 'XS', 'a medium', 'extra large'])('a bare "%s" answers "which size?"', async (size) => {
    const session = await chat(platform, 'en-US', 'shopper-ava', ['merino hiking socks', 'order the first one', size]);
    const replies = repliesOf(session);
    expect(replies[1]).toMatch(/Which size/);
    // The socks come in S to XL: XS is understood, and the shopper hears it is not made.
    expect(replies[2]).toMatch(size === 'XS' ? /no size XS\b/ : /Shall I order .* in size (M|XL)\b/);
  });

  it('"what about the other one" after two results tells about the other one', async () => {
    const session = await chat(platform, 'en-US', 'shopper-ava', ['merino hiking socks', 'tell me about the first one', 'what about the other one']);
    const intents = intentsOf(session);
    expect(intents[2]).toMatch(/SelectItem|ProductDetail/);
    const replies = repliesOf(session);
    expect(replies[2]).not.toBe(replies[1]);
    expect(replies[2]).not.toMatch(/didn't catch|can't do that/);
  });

  it('"in blue" after a search narrows the search, never changes a size', async () => {
    const session = await chat(platform, 'en-US', 'shopper-ava', ['a rain jacket', 'in blue']);
    expect(intentsOf(session)[1]).toMatch(/RefineSearch/);
    expect(session.transcript).not.toMatch(/ChangeSize/);
  });

  it('"when will it arrive" after the order list answers for the order in focus, not the whole list again', async () => {
    const session = await chat(platform, 'en-US', 'shopper-ava', ['where are my orders', 'when will it arrive']);
    const replies = repliesOf(session);
    expect(intentsOf(session)[1]).toMatch(/OrderStatus/);
    expect(replies[1]!.split(' ').length).toBeLessThan(replies[0]!.split(' ').length + 5);
    expect(replies[1]).not.toBe(replies[0]);
  });

  it('a reason volunteered while the item is confirmed is kept and never asked for', async () => {
    const session = await chat(platform, 'en-US', 'shopper-ava', ['i want to return my shoes', 'yes they are too small']);
    const replies = repliesOf(session);
    expect(replies.join(' ')).not.toMatch(/why are you (sending|returning)|what's wrong with/i);
  });

  it('a miss inside a question asks that question again, and offers a person on the second', async () => {
    const session = await chat(platform, 'en-US', 'shopper-ava', ['merino hiking socks', 'order the first one', 'purple elephants', 'purple elephants']);
    const replies = repliesOf(session);
    expect(replies[2]).toMatch(/size/i);
    expect(replies[3]).toMatch(/person/i);
    expect(session.tickets).toBe(0);
  });

  it('"the speaker i got doesn\'t work" never picks the earbuds', async () => {
    const session = await chat(platform, 'en-US', 'shopper-ava', ["the speaker i got doesn't work"]);
    expect(intentsOf(session)[0]).toMatch(/ReturnItem/);
    expect(repliesOf(session)[0]).not.toMatch(/earbuds/i);
  });
});
