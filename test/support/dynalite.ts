import { randomUUID } from 'node:crypto';
import { startLocalDynamo } from '../../tools/local-dynamo/start-local-dynamo';

export interface LocalDynamo {
  /** http://127.0.0.1:<ephemeral port> */
  readonly endpoint: string;
  /** A fresh prefix with every state table created under it (see lambda/commerce/dynamodb/tables.ts). */
  tables(): Promise<string>;
  close(): Promise<void>;
}

/** An in-memory DynamoDB-compatible server on loopback, on a port the system picks. */
export async function startDynalite(): Promise<LocalDynamo> {
  const dynamo = await startLocalDynamo();
  return {
    endpoint: dynamo.endpoint,
    async tables() {
      const prefix = `test-${randomUUID().slice(0, 8)}`;
      await dynamo.createTables(prefix);
      return prefix;
    },
    close: () => dynamo.close(),
  };
}
