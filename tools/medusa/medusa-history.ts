import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { MedusaConnection } from './medusa-server';
import { findPostgresBin } from './postgres-bin';

const run = promisify(execFile);

/**
 * When something happened in a running Medusa, where no Medusa API can say it: Medusa stamps a
 * delivery with the moment it is marked, so a delivery on a past day is written into its database,
 * as the seed (server/seed-demo.js) lays out the demo's history. Nothing else is changed this way.
 */

/** Runs one statement with its values bound by psql (`:'name'`), never spliced into the SQL. */
async function psql(connection: Pick<MedusaConnection, 'databaseUrl'>, sql: string, values: Readonly<Record<string, string>>): Promise<string> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed: the over-medusa setup installs it');
  const variables = Object.entries(values).flatMap(([name, value]) => ['-v', `${name}=${value}`]);
  const child = run(path.join(bin, 'psql'), [connection.databaseUrl, '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', ...variables], { maxBuffer: 1 << 20 });
  child.child.stdin?.end(sql);
  return (await child).stdout.trim();
}

/** When the fulfillment was delivered (null: not delivered); answers what it was before. */
export async function setDeliveredAt(connection: Pick<MedusaConnection, 'databaseUrl'>, fulfillmentId: string, at: Date | null): Promise<Date | null> {
  const before = await psql(connection, "SELECT to_char(delivered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') FROM fulfillment WHERE id = :'id';", { id: fulfillmentId });
  const updated = at
    ? await psql(connection, "UPDATE fulfillment SET delivered_at = :'at' WHERE id = :'id' RETURNING id;", { id: fulfillmentId, at: at.toISOString() })
    : await psql(connection, "UPDATE fulfillment SET delivered_at = NULL WHERE id = :'id' RETURNING id;", { id: fulfillmentId });
  if (updated !== fulfillmentId) throw new Error(`Medusa has no fulfillment ${fulfillmentId}`);
  return before === '' ? null : new Date(before);
}
