import { openAdapters } from '../../lambda/commerce/open-adapters';
import type { ShopperErasure } from '../../lambda/commerce/erasure';
import type { TurnEvents } from '../../lambda/commerce/ports';
import { createDynamoClients } from '../../lambda/commerce/dynamodb/dynamo-client';
import { CONVERSATIONS_TABLE, HANDOFFS_TABLE, stateTableName } from '../../lambda/commerce/dynamodb/tables';
import { migrate } from '../../lambda/commerce/sqlite/migrations';
import { openDatabase } from '../../lambda/commerce/sqlite/open-database';
import { createSqliteErasure } from '../../lambda/commerce/sqlite/sqlite-erasure';
import type { Config } from '../../lambda/config';
import { createDynamoErasure } from './dynamo-erasure';

/** What the privacy commands work on: the configured state's turn events and its erasure port. */
export interface PrivacyStores {
  /** Where it is, for the message: a file path or a table prefix, never a secret. */
  readonly where: string;
  readonly turnEvents: TurnEvents;
  readonly erasure: ShopperErasure;
  close(): void;
}

/** Opens the skill's configured state (embedded SQLite file or DynamoDB) for one command. */
export function openPrivacyStores(config: Config): PrivacyStores {
  const adapters = openAdapters(config);
  try {
    if (config.state.adapter === 'dynamodb') {
      const { tablePrefix } = config.state;
      const { client, documents } = createDynamoClients(config.state);
      return {
        where: `DynamoDB tables ${tablePrefix}-*`,
        turnEvents: adapters.state.turnEvents,
        erasure: createDynamoErasure(documents, {
          handoffs: stateTableName(tablePrefix, HANDOFFS_TABLE.suffix),
          conversations: stateTableName(tablePrefix, CONVERSATIONS_TABLE.suffix),
        }),
        close() {
          client.destroy();
          adapters.close();
        },
      };
    }
    // A second connection to the same file; the adapters' own one does not expose its handle.
    const db = openDatabase(config.storePath);
    try {
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return {
      where: config.storePath,
      turnEvents: adapters.state.turnEvents,
      erasure: createSqliteErasure(db),
      close() {
        if (db.open) db.close();
        adapters.close();
      },
    };
  } catch (error) {
    adapters.close();
    throw error;
  }
}
