import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoConnection, MissingAwsCredentialsError, createDynamoClients } from '../../../lambda/commerce/dynamodb/dynamo-client';
import { createDynamoSkillState, type DynamoSkillState } from '../../../lambda/commerce/dynamodb/dynamo-skill-state';
import { TRANSCRIPT_RETENTION_DAYS } from '../../../lambda/commerce/dynamodb/dynamo-conversations';
import { GetCommand } from '../../../lambda/commerce/dynamodb/document-commands';
import { createTableInput, STATE_TABLES, stateTableName } from '../../../lambda/commerce/dynamodb/tables';
import type { HandoffRequest } from '../../../lambda/commerce/ports';
import { type LocalDynamo, startDynalite } from '../../support/dynalite';

const NOW = new Date('2026-11-26T15:00:00Z');
const DAY_MS = 86_400_000;

/**
 * What the adapter wrote is read back with the AWS SDK's own client: a second, independent reading
 * of the items Shopvoice's signed client sends.
 */
let dynamo: LocalDynamo;
let sdk: DynamoDBClient;
let sdkDocuments: DynamoDBDocumentClient;
beforeAll(async () => {
  dynamo = await startDynalite();
  sdk = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  sdkDocuments = DynamoDBDocumentClient.from(sdk);
});
afterAll(async () => {
  sdk.destroy();
  await dynamo.close();
});

let prefix: string;
let now: Date;
let state: DynamoSkillState;
beforeEach(async () => {
  prefix = await dynamo.tables();
  now = NOW;
  state = createDynamoSkillState({ tablePrefix: prefix, endpoint: dynamo.endpoint }, { clock: () => now });
});
afterEach(() => state.close());

const itemsOf = async (suffix: Parameters<typeof stateTableName>[1]) =>
  (await sdkDocuments.send(new ScanCommand({ TableName: stateTableName(prefix, suffix), ConsistentRead: true }))).Items ?? [];

describe('the table definitions', () => {
  it('name every table <prefix>-<suffix>, and define exactly the attributes their keys and indexes use', () => {
    expect(STATE_TABLES.map((table) => stateTableName('shopvoice-prod', table.suffix))).toEqual([
      'shopvoice-prod-handoffs',
      'shopvoice-prod-conversations',
      'shopvoice-prod-purchase-pins',
      'shopvoice-prod-checkout-claims',
      'shopvoice-prod-turn-events',
      'shopvoice-prod-call-states',
      'shopvoice-prod-shared-accounts',
      'shopvoice-prod-order-notifications',
      'shopvoice-prod-account-links',
    ]);
    for (const table of STATE_TABLES) {
      const keyed = new Set([
        ...table.keySchema.map((key) => key.AttributeName),
        ...table.globalSecondaryIndexes.flatMap((index) => (index.KeySchema ?? []).map((key) => key.AttributeName)),
      ]);
      expect(new Set(table.attributeDefinitions.map((attribute) => attribute.AttributeName))).toEqual(keyed);
      expect(createTableInput('shopvoice-prod', table)).toMatchObject({ BillingMode: 'PAY_PER_REQUEST' });
    }
    expect(Object.fromEntries(STATE_TABLES.map((table) => [table.suffix, table.timeToLiveAttribute]))).toEqual({
      handoffs: undefined,
      conversations: 'expiresAt',
      'purchase-pins': undefined,
      'checkout-claims': 'expiresAt',
      'turn-events': 'expiresAt',
      'call-states': 'expiresAt',
      'shared-accounts': undefined,
      'order-notifications': 'expiresAt',
      'account-links': 'expiresAt',
    });
  });

  it('create tables whose keys and indexes are the ones defined', async () => {
    for (const table of STATE_TABLES) {
      const { Table } = await sdk.send(new DescribeTableCommand({ TableName: stateTableName(prefix, table.suffix) }));
      expect(Table?.TableStatus).toBe('ACTIVE');
      expect(Table?.KeySchema).toEqual(table.keySchema);
      expect((Table?.GlobalSecondaryIndexes ?? []).map((index) => ({ name: index.IndexName, keys: index.KeySchema }))).toEqual(
        table.globalSecondaryIndexes.map((index) => ({ name: index.IndexName, keys: index.KeySchema })),
      );
    }
  });
});

describe('what the adapter writes', () => {
  const request: HandoffRequest = {
    shopperId: 'shopper-cleo',
    reason: 'shopper-asked',
    summary: 'Wants to talk to someone about a late order.',
    locale: 'en-US',
    platform: 'google',
    idempotencyKey: 'google:session-9:handoff',
  };

  it('one ticket and one reserved reference for many concurrent filings under one key; delivery takes it off the outbox index', async () => {
    const tickets = await Promise.all(Array.from({ length: 6 }, () => state.handoffs.file(request)));
    const items = await itemsOf('handoffs');
    expect(items.filter((item) => String(item.pk).startsWith('ticket#'))).toEqual([
      expect.objectContaining({ pk: 'ticket#google:session-9:handoff', reference: tickets[0]?.reference, queue: 'queued', attempts: 0 }),
    ]);
    expect(items.filter((item) => String(item.pk).startsWith('reference#'))).toEqual([
      expect.objectContaining({ pk: `reference#${tickets[0]?.reference}`, ticket: 'ticket#google:session-9:handoff' }),
    ]);

    await state.handoffOutbox.markDelivered(tickets[0]!.reference, NOW);
    const [ticket] = (await itemsOf('handoffs')).filter((item) => String(item.pk).startsWith('ticket#'));
    expect(ticket).toEqual(expect.objectContaining({ deliveredAt: NOW.getTime(), attempts: 1 }));
    expect(ticket).not.toHaveProperty('queue');
    expect(ticket).not.toHaveProperty('dueKey');
  });

  it(`gives every turn a TTL ${TRANSCRIPT_RETENTION_DAYS} days out, and never reads back a turn past it`, async () => {
    now = new Date(NOW.getTime() - (TRANSCRIPT_RETENTION_DAYS + 1) * DAY_MS);
    await state.conversations.append('alexa:old', { at: now, heard: 'LaunchRequest', slots: {}, said: 'Welcome.' });
    now = NOW;
    await state.conversations.append('alexa:old', { at: now, heard: 'HelpIntent', slots: {} });

    const expiries = (await itemsOf('conversations')).map((item) => item.expiresAt).sort();
    expect(expiries).toEqual([
      Math.ceil((NOW.getTime() - DAY_MS) / 1000),
      Math.ceil((NOW.getTime() + TRANSCRIPT_RETENTION_DAYS * DAY_MS) / 1000),
    ]);
    expect((await state.conversations.turns('alexa:old')).map((turn) => turn.heard)).toEqual(['HelpIntent']);
  });

  it('keeps only a salted scrypt hash of a PIN, and forgets it when cleared', async () => {
    await state.purchasePins.setPin('shopper-zoe', '4826');
    const [item] = await itemsOf('purchase-pins');
    expect(item).toEqual({ pk: 'shopper-zoe', pinHash: expect.stringMatching(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/), wrongTries: 0, revision: 1 });
    expect(JSON.stringify(item)).not.toContain('4826');
    expect(await state.purchasePins.clearPin('shopper-zoe')).toBe(true);
    expect(await state.purchasePins.clearPin('shopper-zoe')).toBe(false);
    expect(await state.purchasePins.status('shopper-zoe', NOW)).toEqual({ kind: 'not-set' });
  });

  it('gives a claim a TTL a day after its window closes', async () => {
    await state.checkoutClaims.claim({ shopperId: 'shopper-ava', basket: 'b1', key: 'k1', at: NOW, windowMs: 10 * 60_000 });
    expect(await itemsOf('checkout-claims')).toEqual([
      {
        pk: 'shopper-ava',
        sk: 'b1',
        claimKey: 'k1',
        claimedAt: NOW.getTime(),
        claimedUntil: NOW.getTime() + 10 * 60_000,
        expiresAt: (NOW.getTime() + 10 * 60_000) / 1000 + 86_400,
      },
    ]);
  });
});

describe('the client', () => {
  it('uses local credentials and a region for an endpoint when none are configured', () => {
    const connection = dynamoConnection({ endpoint: 'http://127.0.0.1:1' }, {});
    expect(connection).toMatchObject({ region: 'us-east-1', endpoint: 'http://127.0.0.1:1' });
    expect(connection.credentials()).toEqual({ accessKeyId: 'local', secretAccessKey: 'local' });
  });

  it("signs with the function role's keys and talks to the region's endpoint, as Lambda sets them", () => {
    const lambda = { AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'session' };
    const connection = dynamoConnection({}, lambda);
    expect(connection).toMatchObject({ region: 'eu-west-1', endpoint: 'https://dynamodb.eu-west-1.amazonaws.com' });
    expect(connection.credentials()).toEqual({ accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'session' });
    expect(dynamoConnection({ region: 'cn-north-1' }, lambda).endpoint).toBe('https://dynamodb.cn-north-1.amazonaws.com.cn');
  });

  it('says how to give it credentials on its first request when there are none, and where the region comes from', async () => {
    const { documents } = createDynamoClients({ region: 'eu-west-1' }, {});
    await expect(documents.send(new GetCommand({ TableName: 'shopvoice-prod-purchase-pins', Key: { pk: 'shopper-ava' } }))).rejects.toThrow(
      MissingAwsCredentialsError,
    );
    expect(() => dynamoConnection({}, {})).toThrow(/AWS_REGION/);
  });
});
