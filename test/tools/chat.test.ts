import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { composeShopvoice } from '../../lambda/compose';
import { loadConfig } from '../../lambda/config';
import { createLogger } from '../../lambda/logging';
import { parseChatArgs, runChat } from '../../tools/chat';
import { localAssistantFor } from '../../tools/local-assistant/local-setup';
import { REPO_ROOT } from '../../tools/nlu/model-files';
import { TEST_NOW } from '../support/test-app';

async function* linesOf(...lines: string[]) {
  yield* lines;
}

function temporaryDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-chat-'));
}

describe('npm run chat', () => {
  it('reads its options and refuses wrong ones', () => {
    expect(parseChatArgs([])).toEqual({ help: false, options: { platform: 'alexa', locale: 'en-US' } });
    expect(parseChatArgs(['--platform', 'google', '--locale=de-DE', '--shopper', 'shopper-ben'])).toEqual({
      help: false,
      options: { platform: 'google', locale: 'de-DE', shopperId: 'shopper-ben' },
    });
    expect(parseChatArgs(['--help'])).toEqual({ help: true });
    expect(parseChatArgs(['--platform', 'cortana'])).toEqual({ error: '--platform is alexa or google, not cortana' });
    // Whether the store knows a shopper is the store's to say (test/tools/any-shopper.test.ts), not the parser's.
    expect(parseChatArgs(['--shopper', 'shopper-zed', '--token', 'issued.by.store'])).toEqual({
      help: false,
      options: { platform: 'alexa', locale: 'en-US', shopperId: 'shopper-zed', token: 'issued.by.store' },
    });
    expect(parseChatArgs(['--shopper'])).toEqual({ error: '--shopper needs a value' });
    expect(parseChatArgs(['--verbose'])).toEqual({ error: 'Unknown option --verbose' });
  });

  it('keeps a session across lines, shows the last JSON, and starts over on /reset', async () => {
    const dataDir = temporaryDataDir();
    const config = loadConfig({ NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir });
    const store = openEmbeddedStore(':memory:', { now: TEST_NOW });
    const shopvoice = composeShopvoice(config, { logger: createLogger('silent'), adapters: store, clock: () => TEST_NOW });
    const output: string[] = [];
    try {
      const assistant = localAssistantFor(config, shopvoice.router, shopvoice.stateSeal);
      const script = linesOf('where is my order', 'yes', '/json', '/reset', '', 'open northwind outfitters', '/bogus', '/quit', 'never read');
      await runChat(assistant, { platform: 'alexa', locale: 'en-US', shopperId: 'shopper-ben' }, { lines: script, write: (line) => output.push(line), echo: true });
    } finally {
      shopvoice.close();
      store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    const transcript = output.join('\n');
    expect(output[0]).toBe('you> where is my order');
    expect(output[1]).toMatch(/^alexa> You have \d+ orders on the way\./);
    expect(transcript).toContain('  (OrderStatusIntent)');
    expect(transcript).toContain('  (AMAZON.YesIntent)');
    expect(transcript).toMatch(/request:\n\{\n {2}"version": "1\.0",[\s\S]*"new": false[\s\S]*response \(200\):\n\{/);
    expect(transcript).toContain('(new session)');
    expect(transcript).toMatch(/alexa> Welcome back to Northwind Outfitters, Ben!/);
    expect(transcript).toContain('Unknown command /bogus; /help lists them.');
    expect(transcript).not.toContain('never read');
  });

  it('works in a pipe: printf "where is my order" | npm run -s chat -- --shopper shopper-ava', async () => {
    const dataDir = temporaryDataDir();
    try {
      const stdout = execSync("printf 'where is my order\\n' | npm run -s chat -- --shopper shopper-ava", {
        cwd: REPO_ROOT,
        env: { ...process.env, SHOPVOICE_DATA_DIR: dataDir },
        encoding: 'utf8',
      });
      const store = openEmbeddedStore(path.join(dataDir, 'shopvoice.sqlite'), {});
      const items = (await store.commerce.orders.listForShopper('shopper-ava', { limit: 100 })).flatMap((order) => order.lines.map((line) => line.spokenName));
      store.close();
      expect(stdout).toMatch(/^you> where is my order\nalexa> /);
      const reply = stdout.split('\n')[1] ?? '';
      expect(items.some((item) => reply.includes(item))).toBe(true);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
