import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROUND_TRIP_SCRIPT } from '../../tools/bench/round-trip-script';
import { RoundTripsSchema } from '../../tools/bench/round-trips';

const run = promisify(execFile);
const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * `npm run bench -- --only round-trips --smoke`: the round-trip section alone, as a developer
 * checks it. Its figures are well-formed and name every scripted turn; timings are never asserted.
 */
describe('npm run bench -- --only round-trips', () => {
  let dir: string;
  let stdout: string;
  let result: ReturnType<typeof RoundTripsSchema.parse>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'shopvoice-round-trips-'));
    const out = path.join(dir, 'round-trips.json');
    ({ stdout } = await run(process.execPath, ['--import', 'tsx', 'tools/bench/main.ts', '--only', 'round-trips', '--smoke', '--out', out], {
      cwd: REPO_ROOT,
      timeout: 60_000,
    }));
    result = RoundTripsSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
  }, 70_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts every scripted turn behind the slow store, and prints one line per turn', () => {
    const labels = ROUND_TRIP_SCRIPT.flatMap((scripted) => scripted.turns.map((turn) => turn.label));
    expect(result.turns.map((turn) => turn.label)).toEqual(labels);
    expect(result.storeDelayMs).toBe(100);
    for (const turn of result.turns) {
      expect(turn.requests.min).toBe(turn.operations.length);
      expect(turn.inSequence.max).toBeLessThanOrEqual(turn.requests.max);
      expect(stdout).toContain(`${turn.label} `);
    }
    expect(stdout).toMatch(/^Store round trips per turn over STORE_ADAPTER=http, the store API 100 ms away/m);
    expect(stdout).not.toContain('OVER BUDGET');
  });

  it('refuses a section it does not know, with the usage', async () => {
    await expect(run(process.execPath, ['--import', 'tsx', 'tools/bench/main.ts', '--only', 'everything'], { cwd: REPO_ROOT })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--only needs one of .*\bround-trips\b/),
    });
  });
});
