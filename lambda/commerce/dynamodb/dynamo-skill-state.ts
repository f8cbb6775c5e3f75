import type { PurchasePins, SkillState } from '../ports';
import { createDynamoAccountLinks } from './dynamo-account-links';
import { createDynamoCallStates } from './dynamo-call-states';
import { createDynamoCheckoutClaims } from './dynamo-checkout-claims';
import { createDynamoClients, type DynamoSource } from './dynamo-client';
import { createDynamoConversationLog } from './dynamo-conversations';
import { createDynamoErasure } from './dynamo-erasure';
import { createDynamoHandoffOutbox, createDynamoHandoffs } from './dynamo-handoffs';
import { createDynamoNotificationSubscriptions, createDynamoOrderNotifications } from './dynamo-order-notifications';
import { createDynamoPurchasePins, type PurchasePinAdmin } from './dynamo-purchase-pins';
import { createDynamoSharedAccounts } from './dynamo-shared-accounts';
import { createDynamoTurnEvents } from './dynamo-turn-events';
import {
  ACCOUNT_LINKS_TABLE,
  CALL_STATES_TABLE,
  CHECKOUT_CLAIMS_TABLE,
  CONVERSATIONS_TABLE,
  HANDOFFS_TABLE,
  ORDER_NOTIFICATIONS_TABLE,
  PURCHASE_PINS_TABLE,
  SHARED_ACCOUNTS_TABLE,
  stateTableName,
  TURN_EVENTS_TABLE,
} from './tables';

export interface DynamoSkillStateOptions {
  /** "Now" for filing tickets and for when transcripts expire; the real time by default. */
  readonly clock?: () => Date;
  /** Draws a candidate 6-digit handoff reference; replaceable so tests can force collisions. */
  readonly drawReference?: () => string;
  /** How long transcripts are kept; 30 days by default. */
  readonly transcriptRetentionDays?: number;
  /** How long turn events are kept before TTL deletes them; 90 days by default. */
  readonly turnEventRetentionDays?: number;
}

export type DynamoSkillState = SkillState & {
  readonly purchasePins: PurchasePins & PurchasePinAdmin;
  /** Releases the client's connections. */
  close(): void;
};

/**
 * The skill's own state on DynamoDB, in the tables named `<tablePrefix>-<suffix>` (see tables.ts):
 * handoff tickets and their webhook queue, conversation turns, purchase PINs, checkout claims and
 * turn events, phone calls in progress, shared household accounts, order notifications and the
 * shoppers' word on them, the account linking served for a Medusa store; and the erasure of what
 * was kept from shoppers' voices, across two of them.
 * Nothing is kept in the process, so any instance can answer any turn.
 */
export function createDynamoSkillState(source: DynamoSource, options: DynamoSkillStateOptions = {}): DynamoSkillState {
  const { client, documents } = createDynamoClients(source);
  const handoffsTable = stateTableName(source.tablePrefix, HANDOFFS_TABLE.suffix);
  const conversationsTable = stateTableName(source.tablePrefix, CONVERSATIONS_TABLE.suffix);
  const notificationsTable = stateTableName(source.tablePrefix, ORDER_NOTIFICATIONS_TABLE.suffix);
  return {
    handoffs: createDynamoHandoffs(documents, handoffsTable, options),
    handoffOutbox: createDynamoHandoffOutbox(documents, handoffsTable),
    conversations: createDynamoConversationLog(documents, conversationsTable, {
      clock: options.clock,
      retentionDays: options.transcriptRetentionDays,
    }),
    purchasePins: createDynamoPurchasePins(documents, stateTableName(source.tablePrefix, PURCHASE_PINS_TABLE.suffix)),
    checkoutClaims: createDynamoCheckoutClaims(documents, stateTableName(source.tablePrefix, CHECKOUT_CLAIMS_TABLE.suffix)),
    turnEvents: createDynamoTurnEvents(documents, stateTableName(source.tablePrefix, TURN_EVENTS_TABLE.suffix), {
      clock: options.clock,
      retentionDays: options.turnEventRetentionDays,
    }),
    erasure: createDynamoErasure(documents, { handoffs: handoffsTable, conversations: conversationsTable }),
    callStates: createDynamoCallStates(documents, stateTableName(source.tablePrefix, CALL_STATES_TABLE.suffix), { clock: options.clock }),
    sharedAccounts: createDynamoSharedAccounts(documents, stateTableName(source.tablePrefix, SHARED_ACCOUNTS_TABLE.suffix)),
    notificationSubscriptions: createDynamoNotificationSubscriptions(documents, notificationsTable),
    orderNotifications: createDynamoOrderNotifications(documents, notificationsTable),
    accountLinks: createDynamoAccountLinks(documents, stateTableName(source.tablePrefix, ACCOUNT_LINKS_TABLE.suffix)),
    close() {
      client.destroy();
    },
  };
}
