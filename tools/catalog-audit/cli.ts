import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { type ProductRow, toProduct } from '../../lambda/commerce/sqlite/rows';
import { loadConfig } from '../../lambda/config';
import { type AuditedProduct, type AuditReport, auditCatalog, DEFAULT_LIMITS, type FindingKind } from './audit';
import { CATALOG_FILE_EXAMPLE, CatalogFileError, readCatalogFile } from './catalog-file';

const EXAMPLES_PER_KIND = 3;

const TITLES: Record<FindingKind, string> = {
  'missing-spoken-name': 'no spoken name',
  'long-spoken-name': 'spoken name too long',
  'unspeakable-characters': 'codes or symbols in the spoken name',
  'missing-filter-attributes': 'missing attributes shoppers filter on',
  'duplicate-spoken-name': 'spoken name shared with another product',
};

/** Bad arguments or a bad file: a one-line reason, then the usage. */
class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The embedded store's products; a store file named with --store must exist (it is never created here). */
function productsFromStore(path: string, mustExist: boolean): AuditedProduct[] {
  if (mustExist && !fs.existsSync(path)) throw new UsageError(`${path}: no such store file`);
  const store = openEmbeddedStore(path);
  try {
    return store.db.prepare<[], ProductRow>('SELECT * FROM products ORDER BY id').all().map(toProduct);
  } finally {
    store.close();
  }
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

export const USAGE = `Usage: npm run catalog:audit -- [--file catalog.json | --store <file.sqlite>] [--max-problem-share 0.05]

Reports what in a catalog will sound bad or fail by voice: missing or long spoken names, SKU codes
and symbols in spoken names, products missing the attributes their category is filtered on, and
spoken names two products share. Exits 1 when the catalog fails, 2 on a usage error.

  --file               a catalog exported as JSON (shape below) instead of the embedded store
  --store              the embedded store's SQLite file (default: SHOPVOICE_STORE_PATH, else
                       <SHOPVOICE_DATA_DIR>/shopvoice.sqlite)
  --max-problem-share  the share of products with findings (0 to 1) above which the audit fails;
                       ${DEFAULT_LIMITS.maxProblemShare} by default. Any missing or shared spoken name fails it anyway.
  --help               this text

--file holds a JSON array of products such as:
${CATALOG_FILE_EXAMPLE}
"id", "name", "spokenName" and "category" are required strings; "spokenName" is the short name
shoppers hear ("" when there is none yet: reported as missing). "attributes" maps an attribute name
to its values (none when left out). Other fields (sku, brand, price, stock, …) are allowed and
ignored, so the Catalog port's Product (lambda/commerce/ports.ts) passes as it is.
`;

const USAGE_LINE = USAGE.split('\n')[0]!;

export interface AuditCommandResult {
  readonly exitCode: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
}

function shareOf(text: string): number {
  const share = Number(text);
  if (text.trim() === '' || !Number.isFinite(share) || share < 0 || share > 1) {
    throw new UsageError(`--max-problem-share is a share between 0 and 1, such as 0.05, not "${text}"`);
  }
  return share;
}

function parseAuditArgs(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: {
        file: { type: 'string' },
        store: { type: 'string' },
        'max-problem-share': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    // node:util's messages carry advice for a script's author ("To specify a positional argument …"): the first sentence is the reason.
    throw new UsageError((error as Error).message.split('. ')[0]!.replace(/\.$/, ''));
  }
}

/** Runs the audit for these arguments; never throws for bad input. */
export function runCatalogAudit(args: readonly string[], storePath: () => string = () => loadConfig().storePath): AuditCommandResult {
  try {
    const values = parseAuditArgs(args);
    if (values.help) return { exitCode: 0, stdout: USAGE, stderr: '' };
    if (values.file !== undefined && values.store !== undefined) throw new UsageError('--file and --store name two catalogs: give one');
    const maxProblemShare = values['max-problem-share'] !== undefined ? shareOf(values['max-problem-share']) : DEFAULT_LIMITS.maxProblemShare;
    const products = values.file !== undefined ? readCatalogFile(values.file) : productsFromStore(values.store ?? storePath(), values.store !== undefined);
    const report = auditCatalog(products, { ...DEFAULT_LIMITS, maxProblemShare });
    return { exitCode: report.passed ? 0 : 1, stdout: `${formatReport(report)}\n`, stderr: '' };
  } catch (error) {
    if (error instanceof UsageError || error instanceof CatalogFileError) {
      return { exitCode: 2, stdout: '', stderr: `${error.message}\n${USAGE_LINE}\nRun it with --help for every option and the shape of --file.\n` };
    }
    // The configuration, or a store file that is not a store: the reason, without a stack trace.
    return { exitCode: 1, stdout: '', stderr: `${error instanceof Error ? error.message : String(error)}\n` };
  }
}

if (require.main === module) {
  const result = runCatalogAudit(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}
