import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { fromAttributeMap, toAttributeMap } from '../../../lambda/commerce/dynamodb/attribute-values';
import { BatchWriteCommand, createDocumentClient, QueryCommand, UpdateCommand } from '../../../lambda/commerce/dynamodb/document-commands';
import { createSignedDynamoClient, DynamoServiceError, type SignedDynamoClientOptions } from '../../../lambda/commerce/dynamodb/signed-dynamo-client';

/** One request as the client sent it. */
interface Sent {
  readonly url: string;
  readonly headers: Headers;
  readonly body: string;
}

/** A fetch that records each request and answers from a script: a status and a JSON body, or a failed connection. */
function scriptedFetch(answers: readonly ({ status: number; body: unknown } | 'connection lost')[]) {
  const sent: Sent[] = [];
  const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(url), headers: new Headers(init?.headers), body: String(init?.body) });
    const answer = answers[Math.min(sent.length, answers.length) - 1];
    if (answer === undefined || answer === 'connection lost') throw new TypeError('fetch failed');
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/x-amz-json-1.0' } });
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

const CREDENTIALS = { accessKeyId: 'ASIAEXAMPLEKEY', secretAccessKey: 'example/secret+key', sessionToken: 'example-session-token' };

function clientWith(fetch: typeof globalThis.fetch, options: Partial<SignedDynamoClientOptions> = {}) {
  return createSignedDynamoClient({
    region: 'eu-west-1',
    endpoint: 'https://dynamodb.eu-west-1.amazonaws.com',
    credentials: () => CREDENTIALS,
    fetch,
    backoffMs: () => 0,
    ...options,
  });
}

const throttled = { status: 400, body: { __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException', message: 'slow down' } };
const conditionFailed = { status: 400, body: { __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException', message: 'The conditional request failed' } };

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytesOf = (data: SourceData) =>
  typeof data === 'string' ? Buffer.from(data) : ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);

/** node:crypto as the hash the AWS SDK's own signer takes. */
class NodeSha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytesOf(secret));
  }
  update(data: SourceData) {
    this.hash.update(bytesOf(data));
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
  reset() {}
}

describe('the signed DynamoDB client', () => {
  it('signs each request exactly as the AWS SDK’s own Signature V4 signer does', async () => {
    const { fetch, sent } = scriptedFetch([{ status: 200, body: {} }]);
    await clientWith(fetch).call('GetItem', { TableName: 'shopvoice-prod-purchase-pins', Key: { pk: { S: 'shopper ava/ü' } } });
    const [request] = sent;
    const amzDate = request!.headers.get('x-amz-date')!;
    expect(request!.url).toBe('https://dynamodb.eu-west-1.amazonaws.com/');
    expect(request!.headers.get('x-amz-target')).toBe('DynamoDB_20120810.GetItem');
    expect(request!.headers.get('x-amz-security-token')).toBe(CREDENTIALS.sessionToken);

    const official = new SignatureV4({ credentials: CREDENTIALS, region: 'eu-west-1', service: 'dynamodb', sha256: NodeSha256, applyChecksum: false });
    const signingDate = new Date(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
    const expected = await official.sign(
      {
        method: 'POST',
        protocol: 'https:',
        hostname: 'dynamodb.eu-west-1.amazonaws.com',
        path: '/',
        query: {},
        headers: { host: 'dynamodb.eu-west-1.amazonaws.com', 'x-amz-target': 'DynamoDB_20120810.GetItem' },
        body: request!.body,
      },
      { signingDate },
    );
    expect(request!.headers.get('authorization')).toBe(expected.headers.authorization);
  });

  it('retries throttling, server errors and lost connections, and answers once one attempt succeeds', async () => {
    const { fetch, sent } = scriptedFetch([throttled, 'connection lost', { status: 200, body: { Item: { pk: { S: 'a' } } } }]);
    expect(await clientWith(fetch).call('GetItem', { TableName: 't', Key: {} })).toEqual({ Item: { pk: { S: 'a' } } });
    expect(sent).toHaveLength(3);

    const failing = scriptedFetch([{ status: 503, body: {} }]);
    await expect(clientWith(failing.fetch, { maxAttempts: 2 }).call('GetItem', { TableName: 't', Key: {} })).rejects.toMatchObject({ statusCode: 503 });
    expect(failing.sent).toHaveLength(2);
  });

  it('never retries a refusal: a failed condition is named as DynamoDB names it, at once', async () => {
    const { fetch, sent } = scriptedFetch([conditionFailed]);
    const refusal = clientWith(fetch).call('PutItem', { TableName: 't', Item: {} });
    await expect(refusal).rejects.toBeInstanceOf(DynamoServiceError);
    await expect(refusal).rejects.toMatchObject({ name: 'ConditionalCheckFailedException', message: 'The conditional request failed', statusCode: 400 });
    expect(sent).toHaveLength(1);
  });
});

describe('the document commands', () => {
  it('send plain values as DynamoDB attribute values, leaving undefined ones out, and read answers back as plain values', async () => {
    const { fetch, sent } = scriptedFetch([
      { status: 200, body: { Items: [{ pk: { S: 'day#2026-11-26' }, at: { N: '1764169200000' }, slots: { M: { size: { S: 'M' } } } }], LastEvaluatedKey: { pk: { S: 'x' } } } },
      { status: 200, body: { Attributes: { attempts: { N: '2' } } } },
    ]);
    const documents = createDocumentClient(clientWith(fetch));
    const page = await documents.send(
      new QueryCommand({ TableName: 'events', KeyConditionExpression: 'pk = :day', ExpressionAttributeValues: { ':day': 'day#2026-11-26', ':unused': undefined } }),
    );
    expect(page).toEqual({ Items: [{ pk: 'day#2026-11-26', at: 1764169200000, slots: { size: 'M' } }], LastEvaluatedKey: { pk: 'x' } });
    expect(JSON.parse(sent[0]!.body)).toEqual({ TableName: 'events', KeyConditionExpression: 'pk = :day', ExpressionAttributeValues: { ':day': { S: 'day#2026-11-26' } } });

    const updated = await documents.send(
      new UpdateCommand({ TableName: 'tickets', Key: { pk: 'ticket#1' }, UpdateExpression: 'SET attempts = attempts + :one', ExpressionAttributeValues: { ':one': 1 }, ReturnValues: 'ALL_NEW' }),
    );
    expect(updated.Attributes).toEqual({ attempts: 2 });
    expect(sent[1]!.headers.get('x-amz-target')).toBe('DynamoDB_20120810.UpdateItem');
  });

  it('send a batch of deletes keyed by table, and hand back what DynamoDB left unprocessed in the same form', async () => {
    const { fetch, sent } = scriptedFetch([{ status: 200, body: { UnprocessedItems: { turns: [{ DeleteRequest: { Key: { pk: { S: 'c1' }, sk: { S: '2' } } } }] } } }]);
    const documents = createDocumentClient(clientWith(fetch));
    const keys = [
      { pk: 'c1', sk: '1' },
      { pk: 'c1', sk: '2' },
    ];
    const { UnprocessedItems } = await documents.send(new BatchWriteCommand({ RequestItems: { turns: keys.map((Key) => ({ DeleteRequest: { Key } })) } }));
    expect(JSON.parse(sent[0]!.body).RequestItems.turns[1]).toEqual({ DeleteRequest: { Key: { pk: { S: 'c1' }, sk: { S: '2' } } } });
    expect(UnprocessedItems).toEqual({ turns: [{ DeleteRequest: { Key: { pk: 'c1', sk: '2' } } }] });
  });
});

describe('attribute values', () => {
  it('carry every kind of value the adapters store there and back', () => {
    const item = {
      text: 'Größe 42 & <mehr>',
      empty: '',
      count: 3,
      price: -12.5,
      flag: false,
      nothing: null,
      list: ['a', 1, [true]],
      nested: { deeper: { at: 0 } },
      tags: new Set(['x', 'y']),
      sizes: new Set([1, 2]),
      bytes: new Uint8Array([0, 255]),
    };
    expect(fromAttributeMap(toAttributeMap(item))).toEqual(item);
    expect(toAttributeMap({ count: 3, gone: undefined, list: [1, undefined] })).toEqual({ count: { N: '3' }, list: { L: [{ N: '1' }] } });
  });

  it('refuse what DynamoDB cannot hold or this client would store as something else, naming the attribute', () => {
    expect(() => toAttributeMap({ at: new Date(0) })).toThrow(/item\.at is a Date/);
    expect(() => toAttributeMap({ total: { minor: Number.NaN } })).toThrow(/item\.total\.minor is NaN/);
    expect(() => toAttributeMap({ tags: new Set() })).toThrow(/empty set/);
  });
});
