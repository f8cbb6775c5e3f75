import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { AVA, type PhoneServer, startPhoneServer } from '../phone/phone-server';

/** The dev console's Phone platform in Debian's chromium: `npm run test:browser`. */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let server: PhoneServer;
let userDataDir: string;
let browser: BrowserContext;

beforeAll(async () => {
  server = await startPhoneServer();
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-chromium-'));
  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
});

/** Types a line as the caller and returns everything the assistant said in answer, as shown. */
async function say(page: Page, words: string): Promise<string[]> {
  const replies = page.locator('#transcript li[data-speaker="assistant"]');
  const before = await replies.count();
  await page.getByLabel('What the shopper says').fill(words);
  await page.getByLabel('What the shopper says').press('Enter');
  // The page adds every entry of an answer at once.
  await replies.nth(before).waitFor();
  return (await replies.locator('.speech').allTextContents()).slice(before);
}

describe('the dev console as a caller', () => {
  it('calls the line as the chosen shopper: the greeting, what the caller hears, keyed digits, the relay messages', async () => {
    const page = await browser.newPage();
    await page.addInitScript({ content: 'window.speechSynthesis.speak = () => undefined;' });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(server.baseUrl);
    await page.locator('body[data-ready="true"]').waitFor();
    await page.getByLabel('Platform', { exact: true }).selectOption('phone');

    const [greeting, asked] = await say(page, 'where is my order');
    expect(greeting).toMatch(/^Thanks for calling /);
    expect(asked).toMatch(/check it's you/);
    const [answered] = await say(page, `#${AVA.cardLast4}`);
    expect(answered).toMatch(/^Thanks, that's you\. /);
    expect(await page.locator('#transcript li[data-speaker="shopper"] .speech').last().textContent()).toBe(`(keys ${AVA.cardLast4} #)`);
    expect(JSON.parse((await page.locator('#request-json').textContent()) ?? '[]')).toEqual([...AVA.cardLast4, '#'].map((digit) => ({ type: 'dtmf', digit })));
    expect(problems).toEqual([]);
    await page.close();
  });
});
