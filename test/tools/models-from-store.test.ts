import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../lambda/config';
import { runCatalogImport } from '../../tools/catalog-import/cli';

/**
 * `npm run models -- --from-store`: the slot types marked `catalog:` are filled from the configured
 * store's catalog, read through the Catalog port, so shoppers can name what this store sells.
 */

const ROOT = path.join(__dirname, '../..');
const FIXTURE = path.join(__dirname, '../fixtures/catalog-import/shopify-products.csv');

interface AlexaType {
  readonly name: string;
  readonly values: readonly { readonly id?: string; readonly name: { readonly value: string; readonly synonyms?: readonly string[] } }[];
}

/** Value id → its words (name and synonyms), of one slot type of an Alexa model. */
function typeValues(modelFile: string, typeName: string): Map<string, string[]> {
  const model = JSON.parse(fs.readFileSync(modelFile, 'utf8')) as { interactionModel: { languageModel: { types: AlexaType[] } } };
  const type = model.interactionModel.languageModel.types.find((candidate) => candidate.name === typeName);
  return new Map((type?.values ?? []).map((value) => [value.id ?? value.name.value, [value.name.value, ...(value.name.synonyms ?? [])]]));
}

let dataDir: string;
let out: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-models-store-'));
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-models-out-'));
});
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(out, { recursive: true, force: true });
});

jest.setTimeout(120_000);

describe('npm run models -- --from-store', () => {
  it("fills the item and attribute types from the configured store's catalog, with its words", async () => {
    expect(runCatalogImport([FIXTURE], () => loadConfig({ NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir })).exitCode).toBe(0);
    const run = promisify(execFile);
    const { stdout } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'interaction-models/generate.ts'), '--from-store', '--out', out], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'development', SHOPVOICE_DATA_DIR: dataDir, NODE_NO_WARNINGS: '1' },
    });
    expect(stdout).toMatch(/^read {4}the configured store's catalog: \d+ products$/m);

    for (const locale of ['en-US', 'de-DE']) {
      const items = typeValues(path.join(out, `skill-package/interactionModels/custom/${locale}.json`), 'ShoppingItem');
      // A category only this store has, named by the import's words, its products' names and their types.
      expect(items.get('tents')).toEqual(expect.arrayContaining(['tents']));
      expect(items.get('headlamps')).toEqual(expect.arrayContaining(['headlamps']));
    }
    const english = typeValues(path.join(out, 'skill-package/interactionModels/custom/en-US.json'), 'ShoppingItem');
    expect(english.get('tents')).toEqual(expect.arrayContaining(['tent', 'backpacking tent']));
    expect(english.get('headlamps')).toEqual(expect.arrayContaining(['beacon rechargeable headlamp', 'rechargeable headlamp', 'headlamp']));
    expect(english.get('paddle-boards')).toEqual(expect.arrayContaining(['drift inflatable paddle board', 'paddle board']));
    const attributes = typeValues(path.join(out, 'skill-package/interactionModels/custom/en-US.json'), 'ProductAttribute');
    expect(attributes.get('feature-inflatable')).toEqual(['inflatable']);
    expect(attributes.get('use-paddling')).toEqual(['paddling']);
    expect(fs.readFileSync(path.join(out, 'actions/custom/types/ShoppingItem.yaml'), 'utf8')).toContain('paddle board');

    // The models in the repository come from the demo catalog, which sells no tents.
    expect(typeValues(path.join(ROOT, 'skill-package/interactionModels/custom/en-US.json'), 'ShoppingItem').has('tents')).toBe(false);
  });
});
