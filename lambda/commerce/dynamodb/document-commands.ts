import { type AttributeMap, fromAttributeMap, type NativeItem, toAttributeMap } from './attribute-values';
import type { DynamoClient, DynamoOperation } from './signed-dynamo-client';

/**
 * The item operations the adapters send, in plain JavaScript values: `documents.send(new
 * GetCommand({ TableName, Key }))` answers `{ Item }` with the item's values, as the AWS SDK's
 * document client does. The command class names the operation, which the deployment test reads
 * from each adapter's source to check the IAM actions serverless.yml grants (test/deploy).
 */

type Names = Readonly<Record<string, string>>;

interface Expressions {
  readonly ConditionExpression?: string;
  readonly ExpressionAttributeNames?: Names;
  readonly ExpressionAttributeValues?: NativeItem;
}

export interface GetCommandInput {
  readonly TableName: string;
  readonly Key: NativeItem;
  readonly ConsistentRead?: boolean;
  readonly ProjectionExpression?: string;
  readonly ExpressionAttributeNames?: Names;
}
export interface GetCommandOutput {
  readonly Item?: NativeItem;
}

type ReturnOld = 'NONE' | 'ALL_OLD';

export interface PutCommandInput extends Expressions {
  readonly TableName: string;
  readonly Item: NativeItem;
  readonly ReturnValues?: ReturnOld;
}
export interface UpdateCommandInput extends Expressions {
  readonly TableName: string;
  readonly Key: NativeItem;
  readonly UpdateExpression?: string;
  readonly ReturnValues?: ReturnOld | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW';
}
export interface DeleteCommandInput extends Expressions {
  readonly TableName: string;
  readonly Key: NativeItem;
  readonly ReturnValues?: ReturnOld;
}
/** What a write answers: the attributes its ReturnValues asked for, if any. */
export interface WriteCommandOutput {
  readonly Attributes?: NativeItem;
}

interface ReadManyInput {
  readonly TableName: string;
  readonly IndexName?: string;
  readonly FilterExpression?: string;
  readonly ProjectionExpression?: string;
  readonly ExpressionAttributeNames?: Names;
  readonly ExpressionAttributeValues?: NativeItem;
  readonly Limit?: number;
  readonly ExclusiveStartKey?: NativeItem;
  readonly ConsistentRead?: boolean;
}
export interface QueryCommandInput extends ReadManyInput {
  readonly KeyConditionExpression: string;
  readonly ScanIndexForward?: boolean;
}
export type ScanCommandInput = ReadManyInput;
/** One page: its items, and the key to start the next page from when there is one. */
export interface ReadManyOutput {
  readonly Items?: NativeItem[];
  readonly LastEvaluatedKey?: NativeItem;
  readonly Count?: number;
}

export type WriteRequest = { readonly PutRequest: { readonly Item: NativeItem } } | { readonly DeleteRequest: { readonly Key: NativeItem } };
export interface BatchWriteCommandInput {
  readonly RequestItems: Readonly<Record<string, readonly WriteRequest[]>>;
}
export interface BatchWriteCommandOutput {
  /** Requests DynamoDB did not get to, by table, to be sent again. */
  readonly UnprocessedItems?: Record<string, WriteRequest[]>;
}

/** One operation with its input; `Output` is what `send` resolves. */
export abstract class DocumentCommand<Input extends object, Output> {
  /** Never set: carries the output type to `send`. */
  declare readonly output?: Output;

  protected constructor(
    readonly operation: DynamoOperation,
    readonly input: Input,
  ) {}
}

export class GetCommand extends DocumentCommand<GetCommandInput, GetCommandOutput> {
  constructor(input: GetCommandInput) {
    super('GetItem', input);
  }
}
export class PutCommand extends DocumentCommand<PutCommandInput, WriteCommandOutput> {
  constructor(input: PutCommandInput) {
    super('PutItem', input);
  }
}
export class UpdateCommand extends DocumentCommand<UpdateCommandInput, WriteCommandOutput> {
  constructor(input: UpdateCommandInput) {
    super('UpdateItem', input);
  }
}
export class DeleteCommand extends DocumentCommand<DeleteCommandInput, WriteCommandOutput> {
  constructor(input: DeleteCommandInput) {
    super('DeleteItem', input);
  }
}
export class QueryCommand extends DocumentCommand<QueryCommandInput, ReadManyOutput> {
  constructor(input: QueryCommandInput) {
    super('Query', input);
  }
}
export class ScanCommand extends DocumentCommand<ScanCommandInput, ReadManyOutput> {
  constructor(input: ScanCommandInput) {
    super('Scan', input);
  }
}
export class BatchWriteCommand extends DocumentCommand<BatchWriteCommandInput, BatchWriteCommandOutput> {
  constructor(input: BatchWriteCommandInput) {
    super('BatchWriteItem', input);
  }
}

export interface DocumentClient {
  send<Output>(command: DocumentCommand<object, Output>): Promise<Output>;
}

/** Input fields that hold an item, a key or values, in whichever operation has them. */
const VALUE_FIELDS = ['Key', 'Item', 'ExpressionAttributeValues', 'ExclusiveStartKey'] as const;

type WireWriteRequest = { PutRequest: { Item: AttributeMap } } | { DeleteRequest: { Key: AttributeMap } };

function wireWriteRequest(request: WriteRequest, where: string): WireWriteRequest {
  return 'PutRequest' in request
    ? { PutRequest: { Item: toAttributeMap(request.PutRequest.Item, `${where}.Item`) } }
    : { DeleteRequest: { Key: toAttributeMap(request.DeleteRequest.Key, `${where}.Key`) } };
}

function nativeWriteRequest(request: WireWriteRequest): WriteRequest {
  return 'PutRequest' in request
    ? { PutRequest: { Item: fromAttributeMap(request.PutRequest.Item) } }
    : { DeleteRequest: { Key: fromAttributeMap(request.DeleteRequest.Key) } };
}

function wireInput(input: object): Record<string, unknown> {
  const wire: Record<string, unknown> = { ...input };
  for (const field of VALUE_FIELDS) {
    const values = wire[field];
    if (values !== undefined) wire[field] = toAttributeMap(values as NativeItem, field);
  }
  const requestItems = wire.RequestItems as BatchWriteCommandInput['RequestItems'] | undefined;
  if (requestItems !== undefined) {
    wire.RequestItems = Object.fromEntries(
      Object.entries(requestItems).map(([table, requests]) => [table, requests.map((request, index) => wireWriteRequest(request, `${table}[${index}]`))]),
    );
  }
  return wire;
}

interface WireOutput {
  Item?: AttributeMap;
  Attributes?: AttributeMap;
  Items?: AttributeMap[];
  LastEvaluatedKey?: AttributeMap;
  UnprocessedItems?: Record<string, WireWriteRequest[]>;
  [other: string]: unknown;
}

function nativeOutput(wire: WireOutput): Record<string, unknown> {
  const output: Record<string, unknown> = { ...wire };
  if (wire.Item !== undefined) output.Item = fromAttributeMap(wire.Item);
  if (wire.Attributes !== undefined) output.Attributes = fromAttributeMap(wire.Attributes);
  if (wire.Items !== undefined) output.Items = wire.Items.map(fromAttributeMap);
  if (wire.LastEvaluatedKey !== undefined) output.LastEvaluatedKey = fromAttributeMap(wire.LastEvaluatedKey);
  if (wire.UnprocessedItems !== undefined) {
    const unprocessed = Object.entries(wire.UnprocessedItems).filter(([, requests]) => requests.length > 0);
    output.UnprocessedItems = Object.fromEntries(unprocessed.map(([table, requests]) => [table, requests.map(nativeWriteRequest)]));
  }
  return output;
}

/** Plain values in and out over the signed client; attributes left undefined are not written. */
export function createDocumentClient(client: DynamoClient): DocumentClient {
  return {
    async send<Output>(command: DocumentCommand<object, Output>): Promise<Output> {
      const wire = await client.call<WireOutput>(command.operation, wireInput(command.input));
      return nativeOutput(wire) as Output;
    },
  };
}
