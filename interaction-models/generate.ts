import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFiles } from './lib/build';
import { treeDrift, writeFiles } from './lib/files';
import { type CatalogSnapshot, readCatalogFile, readCatalogThroughPort } from './lib/catalog-source';
import { type LoadOptions, SOURCE_DIR, SourceError, loadSource } from './lib/load';
import { fileMap, outputProblems } from './lib/output-checks';
import { sourceProblems } from './lib/source-checks';

/**
 * `npm run models`: reads interaction-models/ and the store's catalog, checks them, and writes the
 * Alexa skill package models, skill.json, the account-linking template and the Google Actions
 * Builder project.
 *
 *   npm run models                           write into the repository
 *   npm run models -- --check                fail if the committed files differ from what the source generates
 *   npm run models -- --out <dir>            write into another folder
 *   npm run models -- --packs <dir>          read the language packs' models from another folder (a pack being written)
 *   npm run models -- --catalog <file>       fill the catalog types from an exported catalog (JSON)
 *   npm run models -- --from-store           fill them from the configured store's catalog, read through the
 *                                            Catalog port (STORE_ADAPTER and the rest of .env, as for npm start)
 *   npm run models -- --export-catalog <file>  write the configured store's catalog, read through the
 *                                            Catalog port, to a JSON file (then --catalog it, or name it in project.yaml)
 */

export const REPO_ROOT = path.resolve(__dirname, '..');

/** Loads, checks and writes; throws SourceError listing every problem instead of writing a broken model. */
export function generate(
  root: string = REPO_ROOT,
  sourceDir: string = SOURCE_DIR,
  options: LoadOptions = {},
): { written: string[]; removed: string[] } {
  const source = loadSource(sourceDir, options);
  const inSource = sourceProblems(source);
  if (inSource.length > 0) throw new SourceError(inSource);
  const files = buildFiles(source);
  const inOutput = outputProblems(fileMap(files), source);
  if (inOutput.length > 0) throw new SourceError(inOutput);
  return writeFiles(root, files);
}

/** The value after `flag`; undefined when the flag is absent, null when its value is. */
function option(args: readonly string[], flag: string): string | undefined | null {
  const index = args.indexOf(flag);
  if (index < 0) return undefined;
  const value = args[index + 1];
  return value === undefined || value.startsWith('--') ? null : value;
}

/**
 * Reads the configured store's catalog (embedded, the store's API or any other adapter, set up as
 * for `npm start`) through the Catalog port, with its words for every locale of the models. The
 * store's code is loaded only for this.
 */
async function readConfiguredCatalog(): Promise<{ catalog: CatalogSnapshot; locales: string[] }> {
  const locales = loadSource(SOURCE_DIR).locales.map((model) => model.locale);
  const envFile = path.join(REPO_ROOT, '.env');
  if (fs.existsSync(envFile)) process.loadEnvFile(envFile);
  const { loadConfig } = await import('../lambda/config.js');
  const { openAdapters } = await import('../lambda/commerce/open-adapters.js');
  const config = loadConfig();
  const adapters = openAdapters(config);
  try {
    // The catalog's own names are in its language (STORE_CATALOG_LOCALE): they name values in that locale.
    return { catalog: await readCatalogThroughPort(adapters.store.catalog, locales, config.store.catalogLocale.slice(0, 2)), locales };
  } finally {
    adapters.close();
  }
}

/** Writes the configured store's catalog into `file`, for `--catalog` or project.yaml's `catalog.file`. */
async function exportCatalog(file: string): Promise<void> {
  const { catalog, locales } = await readConfiguredCatalog();
  fs.writeFileSync(file, `${JSON.stringify(catalog, null, 2)}\n`);
  process.stdout.write(`wrote   ${file}: ${catalog.products.length} products, words for ${locales.join(', ')}\n`);
}

async function main(args: readonly string[]): Promise<number> {
  const out = option(args, '--out');
  const catalogFile = option(args, '--catalog');
  const exportFile = option(args, '--export-catalog');
  const packsDir = option(args, '--packs');
  for (const [flag, value] of [['--out', out], ['--catalog', catalogFile], ['--export-catalog', exportFile], ['--packs', packsDir]] as const) {
    if (value === null) {
      process.stderr.write(`${flag} needs a ${flag === '--out' || flag === '--packs' ? 'folder' : 'file'}\n`);
      return 2;
    }
  }
  try {
    if (exportFile) {
      await exportCatalog(path.resolve(exportFile));
      return 0;
    }
    const fromStore = args.includes('--from-store');
    if (fromStore && catalogFile) {
      process.stderr.write('--catalog and --from-store name two catalogs: give one\n');
      return 2;
    }
    const catalog = fromStore ? (await readConfiguredCatalog()).catalog : catalogFile ? readCatalogFile(path.resolve(catalogFile)) : undefined;
    if (fromStore && catalog) process.stdout.write(`read    the configured store's catalog: ${catalog.products.length} products\n`);
    const options: LoadOptions = { ...(catalog ? { catalog } : {}), ...(packsDir ? { packsDir: path.resolve(packsDir) } : {}) };
    if (args.includes('--check')) {
      const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-models-'));
      try {
        generate(scratch, SOURCE_DIR, options);
        const drift = treeDrift(scratch, REPO_ROOT);
        for (const line of drift) process.stderr.write(`${line}\n`);
        if (drift.length > 0) process.stderr.write('The generated files are out of date: run npm run models and commit the result.\n');
        return drift.length > 0 ? 1 : 0;
      } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
      }
    }
    const { written, removed } = generate(out ? path.resolve(out) : REPO_ROOT, SOURCE_DIR, options);
    for (const file of written) process.stdout.write(`wrote   ${file}\n`);
    for (const file of removed) process.stdout.write(`removed ${file}\n`);
    if (written.length === 0 && removed.length === 0) process.stdout.write('models are up to date\n');
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof SourceError ? error.message : String(error)}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
