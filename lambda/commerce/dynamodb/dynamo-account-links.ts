import type { AccountLinkState } from '../ports';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DocumentClient } from './document-commands';

interface CodeItem {
  readonly pk: string;
  readonly sealedGrant: string;
  readonly expiresAtMs: number;
  /** Epoch seconds, for DynamoDB's TTL, which deletes some time after, never before. */
  readonly expiresAt: number;
}

const codeKey = (codeHash: string) => `code#${codeHash}`;
const signInKey = (emailHash: string) => `sign-in#${emailHash}`;
const epochSeconds = (at: Date) => Math.ceil(at.getTime() / 1000);

/**
 * The account-link state on DynamoDB, with the embedded store's contract, for servers that share
 * their state there. A code is taken by a delete that returns the old item, so of two instances
 * redeeming it at once only one gets the grant. A sign-in's failures are a list of times in one
 * item, appended to in one update; it holds a window's failures at most, since a blocked email is
 * not tried (so not failed) again until the window moves on.
 */
export function createDynamoAccountLinks(documents: DocumentClient, tableName: string): AccountLinkState {
  return {
    async keepCode(codeHash, sealedGrant, expiresAt) {
      const item: CodeItem = { pk: codeKey(codeHash), sealedGrant, expiresAtMs: expiresAt.getTime(), expiresAt: epochSeconds(expiresAt) };
      await documents.send(new PutCommand({ TableName: tableName, Item: item }));
    },
    async takeCode(codeHash, now) {
      const { Attributes } = await documents.send(new DeleteCommand({ TableName: tableName, Key: { pk: codeKey(codeHash) }, ReturnValues: 'ALL_OLD' }));
      const item = Attributes as Partial<CodeItem> | undefined;
      if (typeof item?.sealedGrant !== 'string' || typeof item.expiresAtMs !== 'number') return undefined;
      return item.expiresAtMs > now.getTime() ? item.sealedGrant : undefined;
    },
    async failedSignIns(emailHash, since) {
      const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: { pk: signInKey(emailHash) }, ConsistentRead: true }));
      const failures: unknown = Item?.['failures'];
      return Array.isArray(failures) ? failures.filter((at) => typeof at === 'number' && at >= since.getTime()).length : 0;
    },
    async noteFailedSignIn(emailHash, at, forgetAfter) {
      await documents.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: signInKey(emailHash) },
          UpdateExpression: 'SET failures = list_append(if_not_exists(failures, :none), :at), expiresAt = :expiresAt',
          ExpressionAttributeValues: { ':none': [], ':at': [at.getTime()], ':expiresAt': epochSeconds(forgetAfter) },
        }),
      );
    },
    async clearFailedSignIns(emailHash) {
      await documents.send(new DeleteCommand({ TableName: tableName, Key: { pk: signInKey(emailHash) } }));
    },
  };
}
