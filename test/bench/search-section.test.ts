import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DiscoverySearchSchema } from '../../tools/bench/results';
import { SMOKE_SETTINGS } from '../../tools/bench/settings';

const run = promisify(execFile);
const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * `npm run bench -- --only search --smoke`: discovery search at each catalog size alone, as a
 * developer checks it. Its figures are well-formed, every spoken query finds something and says
 * how much; timings are never asserted.
 */
describe('npm run bench -- --only search', () => {
  let dir: string;
  let stdout: string;
  let result: ReturnType<typeof DiscoverySearchSchema.parse>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'shopvoice-search-section-'));
    const out = path.join(dir, 'search.json');
    ({ stdout } = await run(process.execPath, ['--import', 'tsx', 'tools/bench/main.ts', '--only', 'search', '--smoke', '--out', out], {
      cwd: REPO_ROOT,
      timeout: 60_000,
    }));
    result = DiscoverySearchSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
  }, 70_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds and searches every catalog size, each query finding something, and prints a line for each', () => {
    if (result.status !== 'measured') throw new Error(`search not measured: ${result.reason}`);
    expect(result.catalogs.map((catalog) => catalog.products)).toEqual(SMOKE_SETTINGS.catalogs.map((catalog) => catalog.products));
    for (const catalog of result.catalogs) {
      expect(catalog.byQuery.map((entry) => entry.query)).toEqual(result.queries);
      for (const entry of catalog.byQuery) expect(entry.matches).toMatch(/^(more than )?[1-9]\d*$/);
      const products = `${catalog.products.toLocaleString('en-US')} products`;
      expect(stdout).toContain(`${products}: index build `);
      expect(stdout).toContain(`${products}: query p95 `);
    }
  });
});
