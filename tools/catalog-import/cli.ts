import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { CatalogRecord } from '../../lambda/commerce/sqlite/catalog-bulk-load';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { type Config, ConfigError, loadConfig } from '../../lambda/config';
import { type MappedCatalog, mapShopifyCatalog } from './catalog-mapping';
import { ShopifyCsvError, readShopifyProducts } from './shopify-csv';
import { SkuConflictError, type WrittenCatalog, writeImportedCatalog } from './write-catalog';

export const USAGE = `Usage: npm run catalog:import -- <products.csv> [--store <file.sqlite>] [--dry-run]

Loads a catalog exported from Shopify (Admin → Products → Export, "CSV for Excel, Numbers, or
other spreadsheet programs") into the embedded store, so you can try Shopvoice on your own products
before connecting your store. The rows of one Handle are one product; its options become attributes
(Color or Colour → color, Size → size, others by their name), its tags too ("use:hiking" → use,
a plain tag → feature), its Type (else the Product Category's last level) its category, and its
description is read as plain text. Only active products are loaded. A product is added, or updated
when the store already has its handle; the demo products stay, since the demo's orders need them.

  --store     the embedded store's SQLite file (default: SHOPVOICE_STORE_PATH, else
              <SHOPVOICE_DATA_DIR>/shopvoice.sqlite); created with the demo store when new
  --dry-run   read and map the file, print what would be loaded, write nothing
  --help      this text

Spoken names come from a "Spoken Name" column or a product metafield column ending in
".spoken_name)" when the file has one, else from the title. Then run npm run catalog:audit.
`;

const USAGE_LINE = USAGE.split('\n')[0]!;

export interface CatalogImportResult {
  readonly exitCode: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
}

class UsageError extends Error {
  override readonly name = 'UsageError';
}

function readArgs(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: { store: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('. ')[0]!.replace(/\.$/, ''));
  }
}

function readFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${file}: no such file` : code === 'EISDIR' ? `${file} is a directory` : `${file} cannot be read (${code ?? 'unknown error'})`);
  }
}

function price(product: CatalogRecord): string {
  return `${(product.priceMinor / 100).toFixed(2)} ${product.currency}`;
}

function describeProducts(products: readonly CatalogRecord[]): string[] {
  const idWidth = Math.max(0, ...products.map((product) => product.id.length));
  const nameWidth = Math.max(0, ...products.map((product) => product.spokenName.length + 2));
  const categoryWidth = Math.max(0, ...products.map((product) => product.category.length));
  return products.map((product) => {
    const attributes = Object.entries(product.attributes)
      .map(([name, values]) => `${name}: ${values.join(', ')}`)
      .join('; ');
    return `  ${product.id.padEnd(idWidth)}  ${`"${product.spokenName}"`.padEnd(nameWidth)}  ${product.category.padEnd(categoryWidth)}  ${price(product)}, ${product.stock} in stock${attributes ? `  (${attributes})` : ''}`;
  });
}

function report(file: string, mapped: MappedCatalog, locale: string, target: { store: string; written?: WrittenCatalog }): string {
  const { written } = target;
  const lines = written
    ? [`Loaded ${mapped.products.length} products from ${file} into ${target.store} (${written.added.length} new, ${written.updated.length} updated):`]
    : [`Would load ${mapped.products.length} products from ${file} into ${target.store} (dry run, nothing written):`];
  lines.push(...describeProducts(mapped.products));
  if (mapped.skipped.length > 0) {
    lines.push('', `Skipped ${mapped.skipped.length}:`, ...mapped.skipped.map((skipped) => `  ${skipped.handle}: ${skipped.why}`));
  }
  for (const renamed of written?.renamedSkus ?? []) lines.push(`Note: ${renamed.id} keeps its handle as SKU, since ${renamed.sku} is another product's.`);
  const categories = Object.entries(mapped.categoryTerms);
  if (categories.length > 0) {
    lines.push('', `Categories and the words for them (${locale}):`, ...categories.map(([id, terms]) => `  ${id}: ${[id.replace(/-/g, ' '), ...terms].join(', ')}`));
  }
  lines.push(
    '',
    'Next: npm run catalog:audit (what will sound bad), and npm run models -- --from-store (so Alexa and Google hear these names).',
    'A server already running keeps the catalog words it read for up to five minutes.',
  );
  return `${lines.join('\n')}\n`;
}

/** Runs the import for these arguments; never throws for bad input. */
export function runCatalogImport(args: readonly string[], config: () => Config = () => loadConfig()): CatalogImportResult {
  try {
    const { values, positionals } = readArgs(args);
    if (values.help) return { exitCode: 0, stdout: USAGE, stderr: '' };
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'name the CSV file to load' : 'one CSV file at a time');
    const file = positionals[0]!;
    const settings = config();
    const mapped = mapShopifyCatalog(readShopifyProducts(readFile(file)), {
      currency: settings.store.currency,
      language: settings.store.catalogLocale.slice(0, 2),
    });
    const storePath = values.store ?? settings.storePath;
    const locale = settings.store.catalogLocale;
    if (mapped.products.length === 0) {
      return { exitCode: 1, stdout: report(file, mapped, locale, { store: storePath }), stderr: `${file}: no product could be loaded\n` };
    }
    if (values['dry-run']) return { exitCode: 0, stdout: report(file, mapped, locale, { store: storePath }), stderr: '' };
    const embedded = openEmbeddedStore(storePath, { timeZone: settings.store.timeZone, currency: settings.store.currency });
    try {
      const written = writeImportedCatalog(embedded.db, mapped, locale);
      return { exitCode: 0, stdout: report(file, mapped, locale, { store: storePath, written }), stderr: '' };
    } finally {
      embedded.close();
    }
  } catch (error) {
    if (error instanceof UsageError) return { exitCode: 2, stdout: '', stderr: `${error.message}\n${USAGE_LINE}\nRun it with --help for what it loads and how.\n` };
    if (error instanceof ShopifyCsvError || error instanceof SkuConflictError || error instanceof ConfigError) return { exitCode: 1, stdout: '', stderr: `${error.message}\n` };
    return { exitCode: 1, stdout: '', stderr: `${error instanceof Error ? error.message : String(error)}\n` };
  }
}

if (require.main === module) {
  const result = runCatalogImport(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}
