import { randomUUID } from 'node:crypto';
import type { CallStateData, CallStates } from '../ports';
import { isConditionFailed } from './dynamo-client';
import { GetCommand, PutCommand, UpdateCommand, type DocumentClient } from './document-commands';

/**
 * Phone calls in progress on DynamoDB, with the embedded store's contract: one item per call
 * (`call#<id>`), its state as JSON, replaced after every turn. DynamoDB's TTL deletes an item some
 * time after `expiresAt` (epoch seconds), not at once, so a read also checks the exact expiry.
 *
 * `exclusive` is a lease on a `lock#<key>` item: taken with a conditional write where no lease
 * holds, given back with one that only its holder's token passes. A lease runs out by itself, so
 * an instance that died holding one blocks the socket for LEASE_MS at most.
 */

/** Longer than any frame takes (a turn is bounded by the turn budget), short enough that a dead holder is not waited on for long. */
const LEASE_MS = 15_000;
/** How long a frame waits for the frame before it before it gives up. */
const WAIT_FOR_LEASE_MS = 20_000;
const RETRY_EVERY_MS = 25;

interface CallItem {
  readonly pk: string;
  readonly state: string;
  readonly expiresAtMs: number;
  readonly expiresAt: number;
}

export interface DynamoCallStatesOptions {
  /** The time leases are taken against; the real time by default. */
  readonly clock?: () => Date;
}

/** A lease could not be taken in time: the frames of the socket before this one did not finish. */
export class CallLeaseTimeoutError extends Error {
  constructor() {
    super('The call is still busy with an earlier message');
    this.name = 'CallLeaseTimeoutError';
  }
}

export function createDynamoCallStates(documents: DocumentClient, tableName: string, options: DynamoCallStatesOptions = {}): CallStates {
  const clock = options.clock ?? (() => new Date());

  async function takeLease(key: string, token: string): Promise<boolean> {
    const now = clock().getTime();
    try {
      await documents.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: `lock#${key}` },
          UpdateExpression: 'SET holder = :token, leaseUntil = :until, expiresAt = :expires',
          ConditionExpression: 'attribute_not_exists(leaseUntil) OR leaseUntil < :now',
          ExpressionAttributeValues: { ':token': token, ':until': now + LEASE_MS, ':now': now, ':expires': Math.ceil((now + LEASE_MS) / 1000) + 3600 },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailed(error)) return false;
      throw error;
    }
  }

  async function giveBack(key: string, token: string): Promise<void> {
    try {
      await documents.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: `lock#${key}` },
          UpdateExpression: 'REMOVE leaseUntil, holder',
          ConditionExpression: 'holder = :token',
          ExpressionAttributeValues: { ':token': token },
        }),
      );
    } catch (error) {
      // The lease ran out and another frame holds it now: nothing of ours to give back.
      if (!isConditionFailed(error)) throw error;
    }
  }

  return {
    async load(callId, now) {
      const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: { pk: `call#${callId}` }, ConsistentRead: true }));
      const item = Item as CallItem | undefined;
      if (!item || typeof item.state !== 'string' || item.expiresAtMs < now.getTime()) return undefined;
      const state: unknown = JSON.parse(item.state);
      return typeof state === 'object' && state !== null && !Array.isArray(state) ? (state as CallStateData) : undefined;
    },

    async save(callId, state, expiresAt) {
      if (callId.trim() === '') throw new Error('A call state needs the call id');
      const item: CallItem = {
        pk: `call#${callId}`,
        state: JSON.stringify(state),
        expiresAtMs: expiresAt.getTime(),
        expiresAt: Math.ceil(expiresAt.getTime() / 1000),
      };
      await documents.send(new PutCommand({ TableName: tableName, Item: item }));
    },

    async exclusive(key, work) {
      const token = randomUUID();
      const giveUpAt = clock().getTime() + WAIT_FOR_LEASE_MS;
      while (!(await takeLease(key, token))) {
        if (clock().getTime() > giveUpAt) throw new CallLeaseTimeoutError();
        await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
      }
      try {
        return await work();
      } finally {
        await giveBack(key, token);
      }
    },
  };
}
