import type { TurnEvent, TurnEvents } from '../../lambda/commerce/ports';
import { runReportCli } from '../../tools/report/cli';
import { parseInstant, parseWindow } from '../../tools/report/report-window';
import { syntheticWeek, T0 } from './synthetic-events';

/** `npm run report`'s arguments and output, over events held in memory. */

const NOW = new Date('2026-11-27T10:00:00Z');

function inMemory(events: readonly TurnEvent[]) {
  const queries: { since: Date; until?: Date }[] = [];
  let closed = 0;
  const turnEvents: TurnEvents = {
    async record() {},
    async list(query) {
      queries.push(query);
      return events.filter((event) => event.at >= query.since && (!query.until || event.at < query.until));
    },
    async purgeBefore() {
      return 0;
    },
    async forgetShopper() {
      return 0;
    },
  };
  return { queries, closed: () => closed, open: () => ({ turnEvents, close: () => (closed += 1) }) };
}

async function run(args: string[], events: readonly TurnEvent[] = syntheticWeek()) {
  const source = inMemory(events);
  const out: string[] = [];
  const err: string[] = [];
  const code = await runReportCli(args, { now: () => NOW, openTurnEvents: source.open, out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join(''), err: err.join(''), queries: source.queries, closed: source.closed() };
}

describe('npm run report', () => {
  it('prints the table for the last 7 days by default and closes the state', async () => {
    const result = await run([]);
    expect(result.code).toBe(0);
    expect(result.queries).toEqual([{ since: new Date('2026-11-20T10:00:00Z') }]);
    expect(result.closed).toBe(1);
    expect(result.out).toContain('21 turns in 7 conversations');
    expect(result.out).toMatch(/^ {2}discovery +2 +50\.0% +0\.0% +50\.0% +0\.0% +3 +9\.0 s$/m);
    expect(result.out).toMatch(/^ {2}reorder +1 +1 +100\.0% +2 +5\.00 EUR, 10\.00 USD$/m);
    expect(result.out).toMatch(/^ {2}wheres my stuff +2$/m);
    expect(result.out).toMatch(/^ {2}YesIntent +3 +850 ms +900 ms$/m);
  });

  it('takes the window from --since and --until', async () => {
    const result = await run(['--since', '2026-11-20T10:00:05Z', '--until', '1d', '--json']);
    expect(result.code).toBe(0);
    expect(result.queries).toEqual([{ since: new Date('2026-11-20T10:00:05Z'), until: new Date('2026-11-26T10:00:00Z') }]);
    // Only events from 5 s after T0 on: every conversation but the first turns of each.
    expect(JSON.parse(result.out).events).toBe(syntheticWeek().filter((event) => event.at.getTime() >= T0.getTime() + 5_000).length);
  });

  it('refuses bad arguments with the usage and status 2, without opening the state', async () => {
    for (const args of [['--since', 'last tuesday'], ['--bogus'], ['--since', '1d', '--until', '2d'], ['extra']]) {
      const result = await run(args);
      expect({ args, code: result.code, usage: result.err.includes('usage: npm run report') }).toEqual({ args, code: 2, usage: true });
      expect(result.queries).toEqual([]);
    }
    expect((await run(['--help'])).out).toContain('--html');
  });

  it('reads durations and dates', () => {
    expect(parseInstant('30m', NOW)).toEqual(new Date('2026-11-27T09:30:00Z'));
    expect(parseInstant('2w', NOW)).toEqual(new Date('2026-11-13T10:00:00Z'));
    expect(parseInstant('2026-11-01', NOW)).toEqual(new Date('2026-11-01T00:00:00Z'));
    expect(parseInstant('2026-11-01T09:00', NOW)).toEqual(new Date('2026-11-01T09:00:00Z'));
    expect(parseInstant('2026-11-01T09:00:00+01:00', NOW)).toEqual(new Date('2026-11-01T08:00:00Z'));
    expect(parseWindow(undefined, undefined, NOW)).toEqual({ since: new Date('2026-11-20T10:00:00Z') });
  });
});
