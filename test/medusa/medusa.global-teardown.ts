import fs from 'node:fs';
import path from 'node:path';
import type { MedusaServer } from '../../tools/medusa/medusa-server';

/** Takes the run's Medusa and PostgreSQL down and deletes their data and the connection file. */
export default async function tearDownMedusa(): Promise<void> {
  const server = (globalThis as { shopvoiceMedusa?: MedusaServer }).shopvoiceMedusa;
  // A Medusa this run did not start is left running.
  if (!server) return;
  await server.stop();
  const file = process.env.SHOPVOICE_MEDUSA_CONNECTION;
  if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
