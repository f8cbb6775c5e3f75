/**
 * `npm run medusa`: a Medusa v2 seeded with the demo store, for trying STORE_ADAPTER=medusa locally.
 * Starts PostgreSQL and Medusa (tools/medusa/medusa-server.ts), prints the settings and each demo
 * shopper's customer token, and takes everything down on Ctrl-C.
 *
 *   npm run medusa                     # the demo history laid out around now
 *   npm run medusa -- --out info.json  # also writes the connection (keys, tokens) to a file
 *   npm run medusa -- --now 2026-11-26T15:00:00Z --copies 2 --out info.json
 *                                      # the history the tests expect (TEST_NOW), a server per jest
 *                                      # worker; with the file in SHOPVOICE_MEDUSA_CONNECTION,
 *                                      # test:medusa uses these servers
 */
import fs from 'node:fs';
import { startMedusaServer } from './medusa-server';

async function main(): Promise<void> {
  const outAt = process.argv.indexOf('--out');
  const out = outAt > 0 ? process.argv[outAt + 1] : undefined;
  const nowAt = process.argv.indexOf('--now');
  const now = nowAt > 0 ? new Date(process.argv[nowAt + 1] ?? '') : undefined;
  if (now && Number.isNaN(now.getTime())) throw new Error('--now must be an ISO date-time, e.g. 2026-11-26T15:00:00Z');
  const copiesAt = process.argv.indexOf('--copies');
  const copies = copiesAt > 0 ? Number(process.argv[copiesAt + 1]) : 1;
  if (!Number.isInteger(copies) || copies < 1 || copies > 4) throw new Error('--copies must be a whole number from 1 to 4');
  const server = await startMedusaServer({ ...(now ? { now } : {}), copies, log: (line) => console.error(`medusa: ${line}`) });
  const shutdown = () => {
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  if (out) {
    const { stop: _stop, ...connection } = server;
    fs.writeFileSync(out, JSON.stringify(connection, null, 2), { mode: 0o600 });
  }
  const total = server.timings.filter((step) => !step.phase.startsWith(' ')).reduce((sum, step) => sum + step.ms, 0);
  console.log(`Medusa is up (${(total / 1000).toFixed(0)} s). Point the skill at it:\n`);
  console.log(`  STORE_ADAPTER=medusa MEDUSA_BACKEND_URL=${server.url} MEDUSA_PUBLISHABLE_KEY=${server.publishableKey} npm start\n`);
  console.log('Demo shoppers (customer tokens Medusa issued, for `npm run chat -- --token …` and the dev console):');
  for (const customer of server.customers) console.log(`  ${customer.demoId.padEnd(12)} ${customer.id}  ${customer.token}`);
  console.log('\nPhases:');
  for (const step of server.timings) console.log(`  ${step.phase.padEnd(40)} ${(step.ms / 1000).toFixed(1)} s`);
  console.log('\nCtrl-C stops Medusa and PostgreSQL and deletes their data.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
