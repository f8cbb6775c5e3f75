import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EMPTY_QUERY } from '../../lambda/commerce/product-query';
import { runAsShopper } from '../../lambda/commerce/shopper-credential';
import { startMedusaServer, type MedusaServer } from '../../tools/medusa/medusa-server';
import { TEST_NOW } from '../support/test-app';
import { medusaStoreUnderTest } from './medusa-store-under-test';

/**
 * Global setup of the 'over-medusa' jest project: Medusa v2 for the whole run, from nothing (its
 * npm packages, PostgreSQL, migrations, the demo store seeded around TEST_NOW), one server per
 * worker on its own copy of the seeded database. The workers read where they are from the file
 * named in SHOPVOICE_MEDUSA_CONNECTION.
 */
export default async function setUpMedusa(globalConfig: { readonly maxWorkers: number }): Promise<void> {
  // Medusa already up (`npm run medusa -- --now <TEST_NOW> --copies 2 --out <file>`), for working on the tests without waiting for it.
  const given = process.env.SHOPVOICE_MEDUSA_CONNECTION;
  if (given) {
    const servers = (JSON.parse(fs.readFileSync(given, 'utf8')) as { instances?: unknown[] }).instances?.length ?? 1;
    // Two workers on one server would meet each other's changes to the store.
    if (servers < globalConfig.maxWorkers) throw new Error(`${given} names ${servers} Medusa server(s) for ${globalConfig.maxWorkers} workers: add --runInBand, or start them with --copies ${globalConfig.maxWorkers}`);
    return;
  }
  const started = performance.now();
  // One server per jest worker, each on its own copy of the seeded store: the tests change what the store holds.
  const copies = Math.min(Math.max(1, globalConfig.maxWorkers), 4);
  const server: MedusaServer = await startMedusaServer({ now: TEST_NOW, copies, log: (line) => process.stderr.write(`medusa: ${line}\n`) });
  (globalThis as { shopvoiceMedusa?: MedusaServer }).shopvoiceMedusa = server;
  const { stop: _stop, ...connection } = server;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-medusa-connection-')), 'connection.json');
  fs.writeFileSync(file, JSON.stringify(connection), { mode: 0o600 });
  process.env.SHOPVOICE_MEDUSA_CONNECTION = file;
  // Medusa answers the first call of each kind several times slower than the next (its queries are
  // prepared then): one of each now, so that no test's first turn runs out of its budget on it.
  const warming = performance.now();
  const ava = connection.customers.find((customer) => customer.demoId === 'shopper-ava')!;
  for (const instance of connection.instances) {
    const { store } = medusaStoreUnderTest(() => TEST_NOW, 'USD', { ...connection, ...instance });
    await Promise.all([store.catalog.vocabulary('en-US'), store.catalog.search({ ...EMPTY_QUERY, category: 'coffee' }, { offset: 0, limit: 3 }), store.catalog.findById('trailblazer-running-shoes')]);
    await runAsShopper(ava.token, () => Promise.all([store.shoppers.findById(ava.id), store.orders.listForShopper(ava.id), store.returns.returnedUnits('10605')]));
  }
  process.stderr.write(`medusa: warmed up in ${((performance.now() - warming) / 1000).toFixed(1)} s\n`);
  process.stderr.write(`medusa: up in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}
