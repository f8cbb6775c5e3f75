import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { createStateTables } from '../../lambda/commerce/dynamodb/create-tables';
import { createDynamoClients } from '../../lambda/commerce/dynamodb/dynamo-client';

type DynaliteFactory = (options: { path?: string; createTableMs: number; deleteTableMs: number; updateTableMs: number }) => Server;

export interface LocalDynamoOptions {
  /** 0 (the default) lets the system pick a free port. */
  readonly port?: number;
  /** A folder to keep the data in; in memory without one. */
  readonly path?: string;
}

export interface LocalDynamo {
  /** http://127.0.0.1:<port> */
  readonly endpoint: string;
  /** Creates every state table under this prefix (see lambda/commerce/dynamodb/tables.ts); returns their names. */
  createTables(prefix: string): Promise<readonly string[]>;
  close(): Promise<void>;
}

/**
 * dynalite, a DynamoDB-compatible server, on 127.0.0.1: what `npm run dynamodb:local`, the tests
 * and the bench run the DynamoDB adapters against. Tables are created at once, not after a delay.
 */
export async function startLocalDynamo(options: LocalDynamoOptions = {}): Promise<LocalDynamo> {
  // dynalite is a development dependency and ships without type declarations.
  const dynalite = createRequire(__filename)('dynalite') as DynaliteFactory;
  const server = dynalite({ path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { client } = createDynamoClients({ endpoint }, {});
  return {
    endpoint,
    createTables: (prefix) => createStateTables(client, prefix),
    async close() {
      client.destroy();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
