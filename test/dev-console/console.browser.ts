import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The dev console in Debian's chromium (installed by tools/install-browser.sh), driven by
 * playwright-core: `npm run test:browser`.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let testApp: TestApp;
let server: ReturnType<TestApp['app']['listen']>;
let baseUrl: string;
let userDataDir: string;
let browser: BrowserContext;

beforeAll(async () => {
  testApp = createTestApp();
  server = testApp.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-chromium-'));
  browser = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  testApp?.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
});

/** What the shopper's orders are called when they are read out: by their items. */
async function itemNamesOf(shopperId: string): Promise<string[]> {
  return (await testApp.commerce.orders.listForShopper(shopperId, { limit: 100 })).flatMap((order) => order.lines.map((line) => line.spokenName));
}

async function firstItemOfOrder(shopperId: string, number: string): Promise<string> {
  const order = await testApp.commerce.orders.findForShopper(shopperId, number);
  return order?.lines[0]?.spokenName ?? `order ${number}`;
}

async function openConsole(): Promise<Page> {
  const page = await browser.newPage();
  // Headless chromium has no voices: record what the page asks speech synthesis to say instead.
  await page.addInitScript({
    content: 'window.spoken = []; window.speechSynthesis.speak = (utterance) => window.spoken.push({ text: utterance.text, lang: utterance.lang });',
  });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(baseUrl);
  await page.locator('body[data-ready="true"]').waitFor();
  expect(problems).toEqual([]);
  return page;
}

/** Types a line as the shopper, presses Enter, and returns the assistant's reply as shown. */
async function say(page: Page, words: string): Promise<string> {
  const replies = page.locator('#transcript li[data-speaker="assistant"]');
  const before = await replies.count();
  await page.getByLabel('What the shopper says').fill(words);
  await page.getByLabel('What the shopper says').press('Enter');
  await replies.nth(before).waitFor();
  return (await replies.nth(before).locator('.speech').textContent()) ?? '';
}

async function lastRequest(page: Page): Promise<Record<string, any>> {
  return JSON.parse((await page.locator('#request-json').textContent()) ?? '{}');
}

describe('the dev console in a browser', () => {
  it('answers "where is my order" for the default linked shopper, spoken aloud and announced', async () => {
    const page = await openConsole();
    expect(await page.getByLabel('Shopper', { exact: true }).inputValue()).toBe('shopper-ava');
    const reply = await say(page, 'where is my order');
    const own = await itemNamesOf('shopper-ava');
    expect(own.some((item) => reply.includes(item))).toBe(true);
    expect(reply).not.toMatch(/<|>|speak/);
    expect(await page.locator('[aria-live="polite"]').textContent()).toBe(reply);
    const spoken = await page.evaluate<{ text: string; lang: string }[]>('window.spoken');
    expect(spoken).toEqual([{ text: reply.replaceAll('…', ','), lang: 'en-US' }]);
    expect(await page.locator('#understood').textContent()).toContain('OrderStatusIntent');
    // Focus returns to the box, ready for the next line.
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('said');
    await page.close();
  });

  it.each([
    ['alexa', (request: Record<string, any>) => request.session.sessionId as string],
    ['google', (request: Record<string, any>) => request.session.id as string],
  ] as const)('keeps the session on %s: a linked shopper asks where his order is, then says yes to hear the rest', async (platform, sessionIdOf) => {
    const page = await openConsole();
    await page.getByLabel('Platform', { exact: true }).selectOption(platform);
    await page.getByLabel('Shopper', { exact: true }).selectOption('shopper-ben');
    const own = await itemNamesOf('shopper-ben');

    const first = await say(page, 'where is my order');
    expect(own.some((item) => first.includes(item))).toBe(true);
    const firstRequest = await lastRequest(page);
    const state = JSON.parse((await page.locator('#session-state').textContent()) ?? '{}');
    // The state as the platform carries it: sealed, readable.
    const remaining: string[] = state.shopvoice.state.active.data.remaining;
    expect(remaining.length).toBeGreaterThan(0);

    const second = await say(page, 'yes please');
    expect(second).toContain(await firstItemOfOrder('shopper-ben', remaining[0]!));
    const secondRequest = await lastRequest(page);
    expect(sessionIdOf(secondRequest)).toBe(sessionIdOf(firstRequest));
    if (platform === 'alexa') expect(secondRequest.session.new).toBe(false);
    else expect(secondRequest.scene.name).toBe('Conversation');
    expect(JSON.parse((await page.locator('#response-json').textContent()) ?? '{}')).toBeTruthy();
    await page.close();
  });

  it("draws the APL document of a search in the screen panel: each offered product's name and price, touchable in the order said", async () => {
    const page = await openConsole();
    await say(page, 'a waterproof jacket for hiking under 150 dollars');
    const response = JSON.parse((await page.locator('#response-json').textContent()) ?? '{}');
    const [directive] = response.response.directives;
    expect(directive.type).toBe('Alexa.Presentation.APL.RenderDocument');
    const offered = directive.datasources.screen.products as { position: number; name: string; price: string }[];
    expect(offered.length).toBeGreaterThanOrEqual(2);

    const screen = page.getByRole('region', { name: 'What an Echo Show shows' });
    await expect(screen.isVisible()).resolves.toBe(true);
    expect(await screen.locator('.apl-text').first().textContent()).toBe('Search results');
    const tiles = screen.locator('button.apl-touch');
    expect(await tiles.count()).toBe(offered.length);
    for (const [index, product] of offered.entries()) {
      const tile = tiles.nth(index);
      // No store photos in the demo: the tile shows its place in the list, which is what the shopper says.
      expect(await tile.locator('.apl-text').allTextContents()).toEqual([String(product.position), product.name, product.price]);
      const box = await tile.boundingBox();
      expect(box && box.width > 40 && box.height > 40).toBe(true);
    }
    // Side by side, in the order they were said.
    const [first, second] = [await tiles.nth(0).boundingBox(), await tiles.nth(1).boundingBox()];
    expect(first!.x).toBeLessThan(second!.x);
    expect(Math.abs(first!.y - second!.y)).toBeLessThan(2);

    await tiles.nth(1).click();
    expect(await page.locator('#transcript li.note').last().textContent()).toContain('["shopvoice.choose","product",2]');

    // Without a screen, nothing is drawn.
    await page.getByLabel('Device has a screen').uncheck();
    await say(page, 'a waterproof jacket for hiking under 150 dollars');
    await expect(screen.isVisible()).resolves.toBe(false);
    await page.close();
  });
});
