import { DeleteCommand, GetCommand, UpdateCommand, type DocumentClient } from './document-commands';
import { hashPurchasePin, PIN_TRIES_BEFORE_LOCKOUT, verifyPurchasePin, wrongPinKey } from '../../auth/purchase-pin';
import type { PinAttempt, PinCheck, PurchasePins } from '../ports';
import { isConditionFailed } from './dynamo-client';

/** Setting and removing PINs: for store staff's tools, never for a conversation. */
export interface PurchasePinAdmin {
  /** Stores the hash of a new four-digit PIN, clearing any wrong tries and lockout of the old one. */
  setPin(shopperId: string, pin: string): Promise<void>;
  /** Removes the shopper's PIN; resolves whether there was one. */
  clearPin(shopperId: string): Promise<boolean>;
  /** Turns the PIN on (or off) for every purchase of the shopper's; resolves false, changing nothing, without a PIN. */
  setAlwaysRequired(shopperId: string, always: boolean): Promise<boolean>;
}

interface PinItem {
  readonly pk: string;
  readonly pinHash: string;
  readonly wrongTries: number;
  /** The shopper asked for the PIN on every purchase of theirs. */
  readonly alwaysRequired?: boolean;
  readonly lockedUntil?: number;
  /** wrongPinKey of the wrong PIN counted last, while no right PIN or lock came after it. */
  readonly lastAttemptKey?: string;
  /** Bumped by every write; a write is made only against the revision it was worked out from. */
  readonly revision: number;
}

/**
 * Rounds of read, decide, conditional write for one attempt. A round is lost only when another
 * write to the same shopper won it, so this bound is far above any real contention.
 */
const MAX_ROUNDS = 25;

type Blocked = Extract<PinCheck, { kind: 'not-set' } | { kind: 'locked' }>;

function blockedAt(item: PinItem | undefined, at: Date): Blocked | undefined {
  if (!item) return { kind: 'not-set' };
  if (item.lockedUntil !== undefined && item.lockedUntil > at.getTime()) return { kind: 'locked', until: new Date(item.lockedUntil) };
  return undefined;
}

/** What a checked attempt does to the stored tries: nothing, or a new state written if nobody wrote in between. */
interface TriesWrite {
  readonly wrongTries: number;
  readonly lockedUntil?: number;
  /** The wrong PIN just counted; absent clears it. */
  readonly lastWrong?: string;
}

type Decision = { readonly result: PinCheck } | { readonly result: PinCheck; readonly write: TriesWrite };

function decide(item: PinItem, matches: boolean, attempt: PinAttempt): Decision {
  if (matches) return { result: { kind: 'accepted' }, write: { wrongTries: 0 } };
  const lastWrong = wrongPinKey(attempt.pin, item.pinHash);
  // The wrong PIN just counted, said again (a platform's retry): it tells a guesser nothing new.
  if (item.lastAttemptKey === lastWrong) return { result: { kind: 'wrong', triesLeft: PIN_TRIES_BEFORE_LOCKOUT - item.wrongTries } };
  const tries = item.wrongTries + 1;
  if (tries >= PIN_TRIES_BEFORE_LOCKOUT) {
    const until = attempt.at.getTime() + attempt.lockoutMs;
    // A lock that runs out gives a fresh set of tries.
    return { result: { kind: 'locked', until: new Date(until) }, write: { wrongTries: 0, lockedUntil: until } };
  }
  return { result: { kind: 'wrong', triesLeft: PIN_TRIES_BEFORE_LOCKOUT - tries }, write: { wrongTries: tries, lastWrong } };
}

/**
 * Purchase PINs on DynamoDB, with the embedded store's rules: the hash is checked outside any
 * write (scrypt is slow on purpose), then the outcome is written with a condition on the revision
 * it was worked out from. When another try wrote first, the item is read again and the attempt
 * decided anew, so concurrent wrong tries are all counted, the same wrong PIN retried is counted
 * once, and a lock taken meanwhile still holds. Tries are the shopper's, whatever conversation
 * they come from.
 */
export function createDynamoPurchasePins(documents: DocumentClient, tableName: string): PurchasePins & PurchasePinAdmin {
  async function read(shopperId: string): Promise<PinItem | undefined> {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: { pk: shopperId }, ConsistentRead: true }));
    return Item as PinItem | undefined;
  }

  /** Writes the new tries unless the item changed since `seen`; resolves whether it was written. */
  async function save(seen: PinItem, write: TriesWrite): Promise<boolean> {
    const set = ['wrongTries = :tries', 'revision = :next'];
    const remove: string[] = [];
    if (write.lockedUntil === undefined) remove.push('lockedUntil');
    else set.push('lockedUntil = :until');
    if (write.lastWrong === undefined) remove.push('lastAttemptKey');
    else set.push('lastAttemptKey = :key');
    try {
      await documents.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: seen.pk },
          UpdateExpression: `SET ${set.join(', ')}${remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : ''}`,
          ConditionExpression: 'revision = :seen AND pinHash = :hash',
          ExpressionAttributeValues: {
            ':tries': write.wrongTries,
            ':next': seen.revision + 1,
            ':seen': seen.revision,
            ':hash': seen.pinHash,
            ...(write.lockedUntil === undefined ? {} : { ':until': write.lockedUntil }),
            ...(write.lastWrong === undefined ? {} : { ':key': write.lastWrong }),
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailed(error)) return false;
      throw error;
    }
  }

  return {
    async status(shopperId, at) {
      return blockedAt(await read(shopperId), at) ?? { kind: 'ready' };
    },

    async check(attempt) {
      let verified: { readonly hash: string; readonly matches: boolean } | undefined;
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        const item = await read(attempt.shopperId);
        const blocked = blockedAt(item, attempt.at);
        if (blocked || !item) return blocked ?? { kind: 'not-set' };
        // The PIN is hashed again only when the stored PIN itself changed between rounds.
        if (verified?.hash !== item.pinHash) verified = { hash: item.pinHash, matches: await verifyPurchasePin(attempt.pin, item.pinHash) };
        const decision = decide(item, verified.matches, attempt);
        if (!('write' in decision)) return decision.result;
        if (await save(item, decision.write)) return decision.result;
      }
      throw new Error('The purchase PIN could not be checked: its tries kept changing');
    },

    async setPin(shopperId, pin) {
      if (shopperId.trim() === '') throw new Error('A purchase PIN belongs to a shopper id');
      const hash = await hashPurchasePin(pin);
      await documents.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: shopperId },
          UpdateExpression:
            'SET pinHash = :hash, wrongTries = :none, revision = if_not_exists(revision, :none) + :one REMOVE lockedUntil, lastAttemptKey',
          ExpressionAttributeValues: { ':hash': hash, ':none': 0, ':one': 1 },
        }),
      );
    },

    async alwaysRequired(shopperId) {
      return (await read(shopperId))?.alwaysRequired === true;
    },

    async setAlwaysRequired(shopperId, always) {
      try {
        await documents.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: shopperId },
            UpdateExpression: 'SET alwaysRequired = :always',
            // Only on a PIN that exists: the update would otherwise create an item without one.
            ConditionExpression: 'attribute_exists(pinHash)',
            ExpressionAttributeValues: { ':always': always },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailed(error)) return false;
        throw error;
      }
    },

    async clearPin(shopperId) {
      const { Attributes } = await documents.send(new DeleteCommand({ TableName: tableName, Key: { pk: shopperId }, ReturnValues: 'ALL_OLD' }));
      return Attributes !== undefined;
    },
  };
}
