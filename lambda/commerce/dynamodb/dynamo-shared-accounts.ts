import type { SharedAccounts } from '../ports';
import { isConditionFailed } from './dynamo-client';
import { GetCommand, PutCommand, type DocumentClient } from './document-commands';

interface SharedAccountItem {
  /** The keyed hash of the platform's account id; nothing else names the account. */
  readonly pk: string;
  readonly firstMarkedAt: number;
}

/** Shared device accounts on DynamoDB, with the embedded store's contract: one item per account key, written once. */
export function createDynamoSharedAccounts(documents: DocumentClient, tableName: string): SharedAccounts {
  return {
    async markShared(accountKey, at) {
      if (accountKey === '') throw new Error('A shared account needs its key');
      const item: SharedAccountItem = { pk: accountKey, firstMarkedAt: at.getTime() };
      try {
        // The first mark stays: marking again (every turn of a recognised speaker) writes nothing.
        await documents.send(new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
      }
    },
    async isShared(accountKey) {
      if (accountKey === '') return false;
      const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: { pk: accountKey }, ConsistentRead: true, ProjectionExpression: 'pk' }));
      return Item !== undefined;
    },
  };
}
