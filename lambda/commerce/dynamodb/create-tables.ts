import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { createTableInput, STATE_TABLES, stateTableName, type StateTableDefinition } from './tables';

/**
 * Creates the skill's tables where they do not exist yet, for local development and tests (on AWS,
 * serverless.yml creates them). Waits until each is active, then switches on its TTL where the
 * endpoint supports it (dynalite does not; DynamoDB Local and AWS do).
 */
export async function createStateTables(
  client: DynamoDBClient,
  tablePrefix: string,
  tables: readonly StateTableDefinition[] = STATE_TABLES,
): Promise<readonly string[]> {
  const names: string[] = [];
  for (const table of tables) {
    const name = stateTableName(tablePrefix, table.suffix);
    try {
      await client.send(new CreateTableCommand(createTableInput(tablePrefix, table)));
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
    }
    await untilActive(client, name);
    if (table.timeToLiveAttribute) await enableTimeToLive(client, name, table.timeToLiveAttribute);
    names.push(name);
  }
  return names;
}

async function untilActive(client: DynamoDBClient, name: string): Promise<void> {
  for (let check = 0; check < 600; check += 1) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    const indexesActive = (Table?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
    if (Table?.TableStatus === 'ACTIVE' && indexesActive) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Table ${name} did not become active`);
}

async function enableTimeToLive(client: DynamoDBClient, name: string, attribute: string): Promise<void> {
  try {
    await client.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: attribute, Enabled: true } }));
  } catch (error) {
    const unsupported = error instanceof Error && /UnknownOperation|not supported|already enabled/i.test(`${error.name} ${error.message}`);
    if (!unsupported) throw error;
  }
}
