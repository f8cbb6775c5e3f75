import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { type ProductRow, toProduct } from '../../lambda/commerce/sqlite/rows';
import type { Product } from '../../lambda/commerce/ports';
import { loadConfig } from '../../lambda/config';
import { type AuditReport, auditCatalog, DEFAULT_LIMITS, type FindingKind } from './audit';

const EXAMPLES_PER_KIND = 3;

const TITLES: Record<FindingKind, string> = {
  'missing-spoken-name': 'no spoken name',
  'long-spoken-name': 'spoken name too long',
  'unspeakable-characters': 'codes or symbols in the spoken name',
  'missing-filter-attributes': 'missing attributes shoppers filter on',
  'duplicate-spoken-name': 'spoken name shared with another product',
};

function productsFromStore(path: string): Product[] {
  const store = openEmbeddedStore(path);
  try {
    return store.db.prepare<[], ProductRow>('SELECT * FROM products ORDER BY id').all().map(toProduct);
  } finally {
    store.close();
  }
}

/** A catalog exported as a JSON array of products (the shape of the Catalog port's Product). */
function productsFromFile(file: string): Product[] {
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file} must hold a JSON array of products`);
  return parsed as Product[];
}

export function formatReport(report: AuditReport): string {
  const lines = [`Catalog voice audit: ${report.products} products, ${report.productsWithFindings} with findings`, ''];
  for (const kind of Object.keys(TITLES) as FindingKind[]) {
    lines.push(`${String(report.counts[kind]).padStart(6)}  ${TITLES[kind]}`);
    for (const finding of report.findings.filter((each) => each.kind === kind).slice(0, EXAMPLES_PER_KIND)) {
      lines.push(`          ${finding.productId}: ${finding.detail}`);
    }
  }
  lines.push('', report.passed ? 'PASS: the catalog is ready for voice.' : 'FAIL: fix the findings above before shoppers hear them.');
  return lines.join('\n');
}

function main(): void {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      store: { type: 'string' },
      'max-problem-share': { type: 'string' },
    },
  });
  const products = values.file ? productsFromFile(values.file) : productsFromStore(values.store ?? loadConfig().storePath);
  const maxProblemShare = values['max-problem-share'] ? Number(values['max-problem-share']) : DEFAULT_LIMITS.maxProblemShare;
  const report = auditCatalog(products, { ...DEFAULT_LIMITS, maxProblemShare });
  console.log(formatReport(report));
  process.exitCode = report.passed ? 0 : 1;
}

if (require.main === module) main();
