import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { loadConfig } from '../../lambda/config';
import { createLogger } from '../../lambda/logging';
import { createServer } from '../../lambda/server';
import { runCatalogAudit } from '../../tools/catalog-audit/cli';
import { mapShopifyCatalog, minorUnitsOf, spokenNameFromTitle } from '../../tools/catalog-import/catalog-mapping';
import { runCatalogImport } from '../../tools/catalog-import/cli';
import { readShopifyProducts } from '../../tools/catalog-import/shopify-csv';
import { TEST_NOW } from '../support/test-app';

/** `npm run catalog:import -- products.csv`: a Shopify product export into the embedded store, found by voice, audited. */

const FIXTURE = path.join(__dirname, '../fixtures/catalog-import/shopify-products.csv');

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-catalog-import-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const config = () => loadConfig({ NODE_ENV: 'test', SHOPVOICE_DATA_DIR: dataDir });
const storeFile = () => path.join(dataDir, 'shopvoice.sqlite');

function mappedFixture() {
  return mapShopifyCatalog(readShopifyProducts(fs.readFileSync(FIXTURE, 'utf8')), { currency: 'USD', language: 'en' });
}

describe("Shopify's product CSV", () => {
  it('makes one product of the rows of one handle: options and tags as attributes, the type as category, HTML as plain text', () => {
    const { products, skipped, categoryTerms } = mappedFixture();
    const byId = new Map(products.map((product) => [product.id, product]));
    expect(products).toHaveLength(9);
    expect(skipped).toEqual([{ handle: 'canyon-travel-hammock', why: 'draft: only active products are sold by voice' }]);

    expect(byId.get('glacier-2p-tent')).toEqual({
      id: 'glacier-2p-tent',
      sku: 'GLC-2P-GRN',
      name: 'Glacier 2-Person Backpacking Tent',
      // Title Case undone for the words the product's own type and tags use.
      spokenName: 'Glacier 2-Person backpacking tent',
      brand: 'Alpine Craft',
      category: 'tents',
      description: 'A freestanding two-person tent that pitches in minutes & shrugs off storms. Two doors, two vestibules. Seam-taped rainfly.',
      priceMinor: 24_900,
      currency: 'USD',
      // 12 + 5 units of the two colours; the image-only rows add nothing.
      stock: 17,
      attributes: { color: ['forest green', 'sand'], feature: ['backpacking', 'waterproof'], use: ['camping'], gender: ['unisex'] },
    });
    const beanie = byId.get('cedar-merino-beanie');
    // "Colour" is color; sizes keep the store's own spelling; the untracked variant counts as in stock.
    expect(beanie?.attributes).toMatchObject({ color: ['charcoal', 'rust'], size: ['S/M', 'L/XL'], material: ['merino wool'] });
    expect(beanie?.stock).toBe(10 + 7 + 100);
    expect(byId.get('summit-down-sleeping-bag')).toMatchObject({ priceMinor: 21_900, spokenName: 'Summit 20 down sleeping bag', description: 'Warm to 20°F. 800-fill down in a water-resistant shell.' });
    expect(byId.get('beacon-headlamp')?.description).toBe('Bright, light & rechargeable over USB-C. Red night mode keeps your eyes adjusted.');
    expect(byId.get('beacon-headlamp')?.attributes).not.toHaveProperty('title');
    expect(byId.get('ember-camp-stove')?.category).toBe('camp-stoves');
    expect(byId.get('drift-paddle-board')?.stock).toBe(0);
    expect(byId.get('northwind-gift-card')).toMatchObject({ category: 'gift-cards', finalSale: true, sku: 'northwind-gift-card' });
    expect(categoryTerms).toMatchObject({ tents: ['tent'], beanies: ['beanie', 'beany', 'hats', 'hat'], 'camp-stoves': ['camp stove'] });
  });

  it('derives spoken names and prices exactly', () => {
    expect(spokenNameFromTitle('Trailhead Insulated Water Bottle, 32 oz')).toBe('Trailhead Insulated Water Bottle');
    expect(spokenNameFromTitle('Ridgeway Carbon Trekking Poles (Pair)')).toBe('Ridgeway Carbon Trekking Poles');
    expect(spokenNameFromTitle('Aurora™ Ultralight Insulated Waterproof Mountaineering Expedition Parka')).toBe('Aurora Ultralight Insulated Waterproof');
    expect(spokenNameFromTitle('Harbor Canvas Sneakers', new Set(['canvas', 'sneakers']))).toBe('Harbor canvas sneakers');
    expect([minorUnitsOf('19.99'), minorUnitsOf('2'), minorUnitsOf('0.5'), minorUnitsOf('1,299.00'), minorUnitsOf('free')]).toEqual([1999, 200, 50, 129_900, undefined]);
  });

  it('takes the spoken name from a "Spoken Name" column or a spoken_name metafield when the file has one', () => {
    const csv = [
      'Handle,Title,Type,Variant Price,Spoken name (product.metafields.custom.spoken_name)',
      'xr-2000-speaker,XR-2000 Bluetooth Speaker,Speakers,99.00,Pulse speaker',
    ].join('\n');
    const [product] = mapShopifyCatalog(readShopifyProducts(csv), { currency: 'EUR', language: 'en' }).products;
    expect(product).toMatchObject({ spokenName: 'Pulse speaker', currency: 'EUR', category: 'speakers' });
  });

  it('refuses a file that is not a Shopify product export, naming what is missing', () => {
    expect(() => readShopifyProducts('name,price\nTent,249\n')).toThrow('not a Shopify product CSV: it has no Handle, Title, Variant Price columns');
    expect(() => readShopifyProducts('Handle,Title,Variant Price\n,Tent,249\n')).toThrow('line 2: no Handle');
    expect(() => readShopifyProducts('Handle,Title,Variant Price,Variant Inventory Tracker,Variant Inventory Qty\ntent,Tent,249,shopify,lots\n')).toThrow(
      'line 2: Variant Inventory Qty must be a whole number, not "lots"',
    );
  });
});

describe('npm run catalog:import', () => {
  it('loads the export into the embedded store, updates it on a second run, and catalog:audit reports on it', () => {
    const first = runCatalogImport([FIXTURE], config);
    expect(first.stderr).toBe('');
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toContain(`Loaded 9 products from ${FIXTURE} into ${storeFile()} (9 new, 0 updated):`);
    expect(first.stdout).toContain('canyon-travel-hammock: draft');

    const second = runCatalogImport([FIXTURE], config);
    expect(second.stdout).toContain('(0 new, 9 updated)');
    const store = openEmbeddedStore(storeFile());
    try {
      const count = store.db.prepare("SELECT count(*) AS count FROM products WHERE id IN ('glacier-2p-tent', 'cedar-merino-beanie', 'canyon-travel-hammock')").get() as { count: number };
      expect(count.count).toBe(2);
    } finally {
      store.close();
    }

    const audit = runCatalogAudit([], () => storeFile());
    expect(audit.exitCode).toBe(0);
    expect(audit.stdout).toContain('glacier-2p-tent: Glacier 2-Person backpacking tent (2-Person)');
  });

  it('writes nothing on a dry run, and answers bad input with one line and the usage', () => {
    const dry = runCatalogImport([FIXTURE, '--dry-run'], config);
    expect(dry).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('Would load 9 products') });
    expect(fs.existsSync(storeFile())).toBe(false);

    expect(runCatalogImport([], config)).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/^name the CSV file to load\nUsage: npm run catalog:import/) });
    expect(runCatalogImport([path.join(dataDir, 'missing.csv')], config)).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('missing.csv: no such file') });
    const notShopify = path.join(dataDir, 'orders.csv');
    fs.writeFileSync(notShopify, 'order,total\n1001,20\n');
    expect(runCatalogImport([notShopify], config)).toEqual({ exitCode: 1, stdout: '', stderr: 'not a Shopify product CSV: it has no Handle, Title, Variant Price columns\n' });
    expect(runCatalogImport(['--help'], config)).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('Admin → Products → Export') });
  });

  it('the discovery flow finds the imported products, by their type and by an attribute, through the dev console', async () => {
    expect(runCatalogImport([FIXTURE], config).exitCode).toBe(0);
    const settings = config();
    const store = openEmbeddedStore(storeFile(), { now: TEST_NOW });
    const { app, shopvoice } = createServer(settings, createLogger('silent'), { adapters: store, clock: () => TEST_NOW });
    try {
      const say = async (said: string) => {
        const response = await request(app)
          .post('/dev-console/api/turn')
          .send({ settings: { platform: 'alexa', locale: 'en-US', shopperId: null, screen: false }, said });
        expect(response.status).toBe(200);
        return String(response.body.exchange.reply?.text ?? JSON.stringify(response.body.exchange.reply));
      };
      expect(await say('i need a tent')).toContain('Glacier');
      expect(await say('do you have a headlamp')).toContain('Beacon');
      expect(await say('show me insulated water bottles')).toContain('Trailhead');
    } finally {
      shopvoice.close();
      store.close();
    }
  });
});
