import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Product } from '../../lambda/commerce/ports';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { type ProductRow, toProduct } from '../../lambda/commerce/sqlite/rows';
import badCatalog from '../fixtures/bad-catalog.json';
import { auditCatalog } from '../../tools/catalog-audit/audit';
import { CATALOG_FILE_EXAMPLE } from '../../tools/catalog-audit/catalog-file';
import { runCatalogAudit } from '../../tools/catalog-audit/cli';

const bad = badCatalog as unknown as Product[];

describe('catalog voice-readiness audit', () => {
  it('passes the demo catalog', () => {
    const store = openEmbeddedStore(':memory:');
    const products = store.db.prepare<[], ProductRow>('SELECT * FROM products').all().map(toProduct);
    store.close();
    const report = auditCatalog(products);
    expect(report.products).toBeGreaterThan(200);
    expect(report.findings).toEqual([]);
    expect(report.passed).toBe(true);
  });

  it('finds what will sound bad or fail in a bad catalog', () => {
    const report = auditCatalog(bad);
    const byKind = (kind: string) => report.findings.filter((finding) => finding.kind === kind).map((finding) => finding.productId).sort();
    expect(byKind('missing-spoken-name')).toEqual(['no-spoken-name']);
    expect(byKind('long-spoken-name')).toEqual(['long-name']);
    expect(byKind('unspeakable-characters')).toEqual(['sku-name', 'symbol-name']);
    expect(byKind('missing-filter-attributes')).toEqual(['no-attributes']);
    expect(byKind('duplicate-spoken-name')).toEqual(['twin-a', 'twin-b']);
    expect(report.findings.find((finding) => finding.productId === 'no-attributes')?.detail).toBe('plain jacket: no feature, use');
    expect(report.passed).toBe(false);
  });

  it('exits non-zero with the findings when run on a bad catalog file', () => {
    const cli = path.join(__dirname, '../../tools/catalog-audit/cli.ts');
    const fixture = path.join(__dirname, '../fixtures/bad-catalog.json');
    let output = '';
    let status = 0;
    try {
      execFileSync(path.join(__dirname, '../../node_modules/.bin/tsx'), [cli, '--file', fixture], { encoding: 'utf8' });
    } catch (error) {
      const failure = error as { status: number; stdout: string };
      status = failure.status;
      output = failure.stdout;
    }
    expect(status).toBe(1);
    expect(output).toContain('Catalog voice audit: 9 products, 7 with findings');
    expect(output).toMatch(/2 {2}spoken name shared with another product/);
    expect(output).toContain('FAIL');
  });

  describe('the command line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-audit-'));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, content: unknown) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
      return file;
    };
    const product = { id: 'p-1', name: 'Cascade Shell Jacket', spokenName: 'Cascade shell', category: 'jackets', attributes: { feature: ['waterproof'] } };
    /** Bad input: exit 2, one line saying why, the usage, and nothing on standard output. */
    const expectUsageError = (result: ReturnType<typeof runCatalogAudit>, reason: RegExp) => {
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe('');
      const [first, second] = result.stderr.split('\n');
      expect(first).toMatch(reason);
      expect(second).toMatch(/^Usage: npm run catalog:audit -- /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    };
    const noStore = () => {
      throw new Error('the store must not be opened');
    };

    it('prints its usage, with the shape of --file, on --help', () => {
      const result = runCatalogAudit(['--help'], noStore);
      expect(result).toMatchObject({ exitCode: 0, stderr: '' });
      expect(result.stdout).toMatch(/^Usage: npm run catalog:audit -- \[--file catalog\.json/);
      expect(result.stdout).toContain(CATALOG_FILE_EXAMPLE);
      expect(result.stdout).toContain('--max-problem-share');
    });

    it('audits a file in the documented shape, with or without the other fields of a product', () => {
      const example = write('example.json', CATALOG_FILE_EXAMPLE);
      expect(runCatalogAudit(['--file', example], noStore)).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('1 products, 0 with findings') });
      const exported = write('exported.json', [...bad, { ...product, id: 'p-2', spokenName: 'Cascade shell two' }]);
      expect(runCatalogAudit(['--file', exported], noStore)).toMatchObject({ exitCode: 1, stdout: expect.stringContaining('10 products') });
    });

    it('says in one line what is wrong with a bad --file', () => {
      const { spokenName: _spoken, ...withoutSpokenName } = product;
      expectUsageError(runCatalogAudit(['--file', write('no-spoken.json', [product, { ...withoutSpokenName, id: 'p-2' }])], noStore), /no-spoken\.json: product 2 \(id "p-2"\) has no "spokenName"$/);
      expectUsageError(
        runCatalogAudit(['--file', write('two-bad.json', [{ ...product, spokenName: 7 }, { id: 'p-3' }, product])], noStore),
        /two-bad\.json: product 1 \(id "p-1"\): "spokenName" must be a string \(and 1 more product with problems\)$/,
      );
      expectUsageError(runCatalogAudit(['--file', write('attributes.json', [{ ...product, attributes: { feature: 'waterproof' } }])], noStore), /"attributes\.feature" must map each attribute name to a list of strings$/);
      expectUsageError(runCatalogAudit(['--file', write('object.json', { products: [product] })], noStore), /object\.json must hold a JSON array of products, not object$/);
      expectUsageError(runCatalogAudit(['--file', write('broken.json', '[{"id": ')], noStore), /broken\.json is not valid JSON: /);
      expectUsageError(runCatalogAudit(['--file', path.join(dir, 'missing.json')], noStore), /missing\.json: no such file$/);
    });

    it('says in one line what is wrong with bad arguments', () => {
      expectUsageError(runCatalogAudit(['--colour'], noStore), /^Unknown option '--colour'$/);
      expectUsageError(runCatalogAudit(['catalog.json'], noStore), /^Unexpected argument 'catalog\.json'$/);
      expectUsageError(runCatalogAudit(['--file'], noStore), /^Option '--file <value>' argument missing$/);
      expectUsageError(runCatalogAudit(['--max-problem-share', 'lots', '--file', 'x.json'], noStore), /^--max-problem-share is a share between 0 and 1/);
      expectUsageError(runCatalogAudit(['--file', 'a.json', '--store', 'b.sqlite'], noStore), /^--file and --store name two catalogs/);
      expectUsageError(runCatalogAudit(['--store', path.join(dir, 'nothing.sqlite')], noStore), /nothing\.sqlite: no such store file$/);
      expect(fs.existsSync(path.join(dir, 'nothing.sqlite'))).toBe(false);
    });

    it('run as npm runs it: usage on --help, and no stack trace for a product without a spoken name', () => {
      const tsx = path.join(__dirname, '../../node_modules/.bin/tsx');
      const cli = path.join(__dirname, '../../tools/catalog-audit/cli.ts');
      const help = spawnSync(tsx, [cli, '--help'], { encoding: 'utf8' });
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/^Usage: npm run catalog:audit/);
      const { spokenName: _spoken, ...withoutSpokenName } = product;
      const broken = spawnSync(tsx, [cli, '--file', write('cli-no-spoken.json', [withoutSpokenName])], { encoding: 'utf8' });
      expect(broken.status).toBe(2);
      expect(broken.stderr.split('\n')[0]).toMatch(/cli-no-spoken\.json: product 1 \(id "p-1"\) has no "spokenName"$/);
      expect(broken.stderr).not.toMatch(/TypeError|\n\s+at /);
    });
  });
});
