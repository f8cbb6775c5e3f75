import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Product } from '../../lambda/commerce/ports';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { type ProductRow, toProduct } from '../../lambda/commerce/sqlite/rows';
import badCatalog from '../fixtures/bad-catalog.json';
import { auditCatalog } from '../../tools/catalog-audit/audit';

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
});
