import { GetCommand, PutCommand, type DocumentClient } from './document-commands';
import type { CheckoutClaim, CheckoutClaims } from '../ports';
import { isConditionFailed } from './dynamo-client';

/** A claim's item is deleted by TTL a day after its window closed; no claim reads it by then. */
const EXPIRE_AFTER_WINDOW_SECONDS = 86_400;
/** Rounds of write-or-read; a round is lost only when a claim expired or was replaced in between. */
const MAX_ROUNDS = 5;

interface ClaimItem {
  readonly pk: string;
  readonly sk: string;
  readonly claimKey: string;
  readonly claimedAt: number;
  readonly claimedUntil: number;
  /** Epoch seconds, for DynamoDB's TTL. */
  readonly expiresAt: number;
}

/**
 * Checkout claims on DynamoDB: one item per shopper (partition key) and basket (sort key). A claim
 * is a conditional put that succeeds only where no claim holds any more; when it fails, a
 * consistent read answers the key of the claim that holds. Of any number of devices claiming at
 * once, exactly one put succeeds and every other one reads its key.
 */
export function createDynamoCheckoutClaims(documents: DocumentClient, tableName: string): CheckoutClaims {
  async function put(claim: CheckoutClaim): Promise<boolean> {
    const at = claim.at.getTime();
    const claimedUntil = at + claim.windowMs;
    const item: ClaimItem = {
      pk: claim.shopperId,
      sk: claim.basket,
      claimKey: claim.key,
      claimedAt: at,
      claimedUntil,
      expiresAt: Math.ceil(claimedUntil / 1000) + EXPIRE_AFTER_WINDOW_SECONDS,
    };
    try {
      await documents.send(
        new PutCommand({
          TableName: tableName,
          Item: item,
          // The earlier claim holds while less than its window has passed since it was made.
          ConditionExpression: 'attribute_not_exists(pk) OR claimedUntil <= :at',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailed(error)) return false;
      throw error;
    }
  }

  return {
    async claim(claim) {
      if (claim.key.trim() === '') throw new Error('A checkout claim needs a key');
      if (!(claim.windowMs >= 0)) throw new Error('A checkout claim needs a window of zero or more milliseconds');
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        if (await put(claim)) return claim.key;
        const { Item } = await documents.send(
          new GetCommand({ TableName: tableName, Key: { pk: claim.shopperId, sk: claim.basket }, ConsistentRead: true }),
        );
        const holding = Item as ClaimItem | undefined;
        if (holding && holding.claimedUntil > claim.at.getTime()) return holding.claimKey;
      }
      throw new Error('The checkout claim could not be settled: the basket kept changing hands');
    },
  };
}
