import { LOCALES } from '../../lambda/languages/packs';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { FLOW_SCENARIOS, missingFlow } from '../../tools/bench/scenarios';
import { BenchResultsSchema } from '../../tools/bench/results';
import { SMOKE_SETTINGS } from '../../tools/bench/settings';

const run = promisify(execFile);
const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * The bench in smoke mode, run as `npm run bench` runs it: it proves every measurement works end
 * to end and writes results the schema accepts. Timings are never asserted.
 */
describe('npm run bench -- --smoke', () => {
  let dir: string;
  let stdout: string;
  let results: ReturnType<typeof BenchResultsSchema.parse>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'shopvoice-bench-test-'));
    const out = path.join(dir, 'results.json');
    ({ stdout } = await run(process.execPath, ['--import', 'tsx', 'tools/bench/main.ts', '--smoke', '--out', out], {
      cwd: REPO_ROOT,
      timeout: 110_000,
    }));
    results = BenchResultsSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes well-formed results for every measurement, each with its floor', () => {
    expect(results.mode).toBe('smoke');
    expect(results.bundles.map((bundle) => bundle.name).sort()).toEqual(['alexa-lambda', 'floor-alexa-io-lambda', 'floor-alexa-lambda', 'floor-google-lambda', 'google-lambda']);
    expect(results.coldStart.map((cold) => cold.id)).toEqual(['alexa', 'alexa-order-status', 'google']);
    expect(results.http.map((http) => http.endpoint)).toEqual(['POST /alexa', 'POST /google']);
    expect(results.memory.shopvoice.checkpoints.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(results.floors).sort()).toEqual(['bundles', 'coldStart', 'discoverySearch', 'http', 'memory', 'warmTurns']);
  });

  it('times every built flow on both platforms and reports the others as not built', () => {
    for (const scenario of FLOW_SCENARIOS) {
      const rows = results.warmTurns.filter((turn) => turn.scenario === scenario.id);
      expect(rows.map((row) => row.platform).sort()).toEqual(['alexa', 'google']);
      const expected = missingFlow(scenario.flow) ? 'not built' : 'measured';
      for (const row of rows) expect(row.status).toBe(expected);
    }
    expect(results.warmTurns.find((turn) => turn.scenario === 'order-status')?.status).toBe('measured');
  });

  it('runs the load mix against a fresh server, judging every answer, with memory before and after', () => {
    const { load } = results;
    expect(load.connections).toBe(SMOKE_SETTINGS.load.connections);
    expect(load.errors.total).toBe(0);
    expect(load.requests.completed).toBeGreaterThan(0);
    expect(load.requests.answered).toBe(load.requests.completed);
    expect(new Set(load.mix.map((entry) => `${entry.flow} ${entry.platform}`))).toEqual(
      new Set(['order-status alexa', 'order-status google', 'discovery alexa', 'discovery google']),
    );
    for (const flow of ['order-status', 'discovery']) {
      expect(load.mix.filter((entry) => entry.flow === flow).reduce((sum, entry) => sum + entry.answered, 0)).toBeGreaterThan(0);
    }
    expect(load.mix.filter((entry) => entry.flow === 'discovery').every((entry) => entry.expectedStep === 'discovery/results')).toBe(true);
    expect(load.memory.before.rssMb).toBeGreaterThan(0);
    expect(load.memory.after.heapAfterGcMb).toBeGreaterThan(0);
  });

  it('runs the same mix over the store API while half its requests hang, judging every answer', () => {
    const outage = results.partialOutage;
    expect(outage.connections).toBe(SMOKE_SETTINGS.partialOutage.connections);
    expect(outage.hangShare).toBe(SMOKE_SETTINGS.partialOutage.hangShare);
    expect(outage.requests.completed).toBeGreaterThan(0);
    // Every answer is judged: a real answer, an apology, a wrong answer or an HTTP error.
    const { requests, errors } = outage;
    expect(requests.answered + requests.apologies + errors.wrongAnswers + errors.non2xx).toBe(requests.completed);
    expect(outage.answeredShare).toBeCloseTo(requests.answered / requests.completed);
    expect(errors.total).toBe(0);
    expect(outage.storeRequests.hung).toBeGreaterThan(0);
    expect(outage.storeRequests.received).toBeGreaterThan(outage.storeRequests.hung);
  });

  it('reports how long the replies of every flow take to say, against the listen-time budget', () => {
    const { listenTimes } = results;
    expect(listenTimes.overall.replies).toBeGreaterThan(0);
    expect(listenTimes.flows.map((flow) => flow.flow)).toEqual(expect.arrayContaining(['order-status', 'returns', 'discovery', 'checkout', 'assistance']));
    expect(listenTimes.flows.reduce((sum, flow) => sum + flow.replies, 0)).toBe(listenTimes.overall.replies);
    expect(stdout).toContain('Listen time of replies, estimated');
  });

  it('times understanding text in every locale, and weighs what it adds to a bundle', () => {
    const { understanding } = results;
    expect(understanding.locales.map((entry) => entry.locale).sort()).toEqual([...LOCALES].sort());
    expect(understanding.bundle.addedBytes).toBeLessThan(understanding.bundle.bytes);
    expect(stdout).toContain('Understanding text (lambda/understanding)');
  });

  it('prints the table with every section', () => {
    for (const heading of [
      'Lambda bundles',
      'Cold start over the store API and DynamoDB',
      'Cold start: require()',
      'Warm turn',
      'Discovery search',
      'HTTP on 127.0.0.1',
      'Memory',
      'Load on 127.0.0.1',
      'Partial outage on 127.0.0.1',
    ]) {
      expect(stdout).toContain(heading);
    }
  });
});
