import pino from 'pino';
import type { CallStates } from '../../lambda/commerce/ports';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { composeShopvoice } from '../../lambda/compose';
import { loadConfig } from '../../lambda/config';
import { createCallConnection, type CallConnection } from '../../lambda/platforms/phone/phone-call';
import type { AppMessage } from '../../lambda/platforms/phone/relay-messages';
import { readWithOwnUnderstanding } from '../../lambda/understanding/text-reader';
import type { BenchSettings } from './settings';
import { type Summary, summarize } from './stats';
import type { TableLine } from './table';
import type { Workspace } from './workspace';

/**
 * The phone's first words: in process over the embedded store, the time from a `prompt` message
 * reaching the call to the first `text` token leaving it, per flow, with the whole reply's last
 * token beside it. The socket is left out (what is measured is Shopvoice's own time); every
 * sample starts from the same call state. Reported, never asserted; the goal is under 50 ms.
 */

/** Ava of the demo store: her number, and the card digits that pass the caller check. */
const CALLER = { from: '+13035550142', cardLast4: '4242' } as const;

interface PhoneScenario {
  readonly flow: string;
  /** What the caller says before the measured prompt, keyed digits as `#1234`. */
  readonly leadIn: readonly string[];
  readonly measured: string;
}

/** The caller is checked, and no question is left open (an answer that ends the call would end the relay). */
const CHECKED = ['where is my order', `#${CALLER.cardLast4}`, 'what can you do'] as const;

const SCENARIOS: readonly PhoneScenario[] = [
  { flow: 'order status', leadIn: CHECKED, measured: 'where is my order' },
  { flow: 'returns', leadIn: CHECKED, measured: "I want to send back the shoes I got last week, they don't fit" },
  { flow: 'reorder', leadIn: CHECKED, measured: 'reorder my usual coffee' },
  { flow: 'discovery', leadIn: [], measured: 'I need a waterproof jacket for hiking under 150 dollars' },
  { flow: 'caller check (asks for a second factor)', leadIn: [], measured: 'where is my order' },
  { flow: 'help', leadIn: [], measured: 'what can you do' },
  { flow: 'switch to German', leadIn: CHECKED, measured: 'wo ist meine Bestellung' },
];

export interface PhoneFirstTokenResult {
  readonly flows: readonly { readonly flow: string; readonly firstTokenMs: Summary; readonly lastTokenMs: Summary }[];
}

/** One call's connection, with a way to wait for what it sends. */
function openCall(dependencies: Parameters<typeof createCallConnection>[0]) {
  let onMessage: ((message: AppMessage) => void) | undefined;
  const connection: CallConnection = createCallConnection(dependencies, (message) => onMessage?.(message));
  return {
    connection,
    listen(handler: (message: AppMessage) => void) {
      onMessage = handler;
    },
  };
}

async function input(call: ReturnType<typeof openCall>, said: string): Promise<void> {
  if (said.startsWith('#')) {
    for (const digit of `${said.slice(1)}#`) await call.connection.receive({ type: 'dtmf', digit });
  } else {
    await call.connection.receive({ type: 'prompt', voicePrompt: said, lang: 'en-US', last: true });
  }
}

/** Times one prompt: to the first text token, and to the one marked last. */
async function timePrompt(call: ReturnType<typeof openCall>, said: string): Promise<{ first: number; last: number }> {
  let first: number | undefined;
  let last: number | undefined;
  const start = performance.now();
  call.listen((message) => {
    if (message.type !== 'text') return;
    first ??= performance.now() - start;
    if (message.last) last = performance.now() - start;
  });
  await input(call, said);
  if (first === undefined || last === undefined) throw new Error(`bench: the phone call said nothing to "${said}"`);
  return { first, last };
}

export async function measurePhoneFirstToken(mode: BenchSettings['mode'], workspace: Workspace, log: (line: string) => void): Promise<PhoneFirstTokenResult> {
  const warmup = mode === 'smoke' ? 1 : 20;
  const samples = mode === 'smoke' ? 3 : 200;
  const now = new Date();
  const config = loadConfig({ NODE_ENV: 'test', SHOPVOICE_DATA_DIR: workspace.freshDir('phone-data'), ALEXA_VERIFY_SIGNATURE: 'false' });
  const store = openEmbeddedStore(':memory:', { now, currency: config.store.currency });
  const shopvoice = composeShopvoice(config, { logger: pino({ level: 'silent' }), adapters: store, clock: () => now, readText: readWithOwnUnderstanding });
  try {
    const callStates: CallStates = shopvoice.callStates!;
    const dependencies = {
      router: shopvoice.router,
      ports: shopvoice.commerce,
      callStates,
      readText: readWithOwnUnderstanding,
      store: config.store,
      defaultLocale: 'en-US',
      clock: () => now,
      onError: (error: unknown) => {
        failures.push(error);
      },
    };
    const failures: unknown[] = [];
    const flows: PhoneFirstTokenResult['flows'][number][] = [];
    for (const [index, scenario] of SCENARIOS.entries()) {
      log(`phone: ${scenario.flow}, ${warmup} + ${samples} prompts`);
      const callSid = `CA${String(index).padStart(32, '0')}`;
      const setup = { type: 'setup', callSid, from: CALLER.from, customParameters: { locale: 'en-US' } } as const;
      const leadIn = openCall(dependencies);
      await leadIn.connection.receive(setup);
      for (const said of scenario.leadIn) await input(leadIn, said);
      // Every sample answers the same prompt from the same point of the same call.
      const before = await callStates.load(callSid, now);
      if (!before) throw new Error('bench: the phone call kept no state');
      const first: number[] = [];
      const last: number[] = [];
      for (let sample = 0; sample < warmup + samples; sample += 1) {
        await callStates.save(callSid, before, new Date(now.getTime() + 3_600_000));
        // A socket of its own, as a call that came back after a drop: the setup is not timed.
        const call = openCall(dependencies);
        await call.connection.receive(setup);
        const timed = await timePrompt(call, scenario.measured);
        if (sample < warmup) continue;
        first.push(timed.first);
        last.push(timed.last);
      }
      if (failures.length > 0) throw new Error(`bench: the phone call failed on "${scenario.measured}"`, { cause: failures[0] });
      flows.push({ flow: scenario.flow, firstTokenMs: summarize(first), lastTokenMs: summarize(last) });
    }
    await shopvoice.turnWrites.settle(5_000);
    return { flows };
  } finally {
    shopvoice.close();
    store.close();
  }
}

const ms = (summary: Summary) => `${Number(summary.median.toPrecision(3))} / ${Number(summary.p99.toPrecision(3))} ms`;

export function phoneFirstTokenLines(result: PhoneFirstTokenResult): TableLine[] {
  const n = result.flows[0]?.firstTokenMs.n ?? 0;
  return [
    { kind: 'section', title: `Phone: prompt → first text token (median / p99), in process over the embedded store (${n} prompts per flow; goal < 50 ms; no floor)` },
    ...result.flows.flatMap((entry): TableLine[] => [
      { kind: 'row', cells: [`${entry.flow}: first token`, ms(entry.firstTokenMs), '', ''] },
      { kind: 'row', cells: [`${entry.flow}: last token`, ms(entry.lastTokenMs), '', ''] },
    ]),
  ];
}

/** `npm run bench -- --only phone`. */
export async function phoneSection(options: { readonly settings: BenchSettings; readonly workspace: Workspace; readonly log: (line: string) => void }) {
  const result = await measurePhoneFirstToken(options.settings.mode, options.workspace, options.log);
  return { result, lines: phoneFirstTokenLines(result) };
}
