import type { DynamoClient } from './signed-dynamo-client';
import { createTableInput, type GlobalSecondaryIndex, STATE_TABLES, stateTableName, type StateTableDefinition } from './tables';

interface TableDescription {
  readonly Table?: {
    readonly TableStatus?: string;
    readonly GlobalSecondaryIndexes?: readonly (GlobalSecondaryIndex & { readonly IndexStatus?: string })[];
  };
}

/**
 * Creates the skill's tables where they do not exist yet, for local development and tests (on AWS,
 * serverless.yml creates them). Waits until each is active, then switches on its TTL where the
 * endpoint supports it (dynalite does not; DynamoDB Local and AWS do).
 */
export async function createStateTables(
  client: DynamoClient,
  tablePrefix: string,
  tables: readonly StateTableDefinition[] = STATE_TABLES,
): Promise<readonly string[]> {
  const names: string[] = [];
  for (const table of tables) {
    const name = stateTableName(tablePrefix, table.suffix);
    try {
      await client.call('CreateTable', createTableInput(tablePrefix, table));
    } catch (error) {
      if (!(error instanceof Error && error.name === 'ResourceInUseException')) throw error;
    }
    await untilActive(client, name);
    if (table.timeToLiveAttribute) await enableTimeToLive(client, name, table.timeToLiveAttribute);
    names.push(name);
  }
  return names;
}

async function untilActive(client: DynamoClient, name: string): Promise<void> {
  for (let check = 0; check < 600; check += 1) {
    const { Table } = await client.call<TableDescription>('DescribeTable', { TableName: name });
    const indexesActive = (Table?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
    if (Table?.TableStatus === 'ACTIVE' && indexesActive) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Table ${name} did not become active`);
}

async function enableTimeToLive(client: DynamoClient, name: string, attribute: string): Promise<void> {
  try {
    await client.call('UpdateTimeToLive', { TableName: name, TimeToLiveSpecification: { AttributeName: attribute, Enabled: true } });
  } catch (error) {
    const unsupported = error instanceof Error && /UnknownOperation|not supported|already enabled/i.test(`${error.name} ${error.message}`);
    if (!unsupported) throw error;
  }
}
