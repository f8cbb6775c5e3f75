import type { Commerce, CurrencyCode, SkillState, StoreCommerce } from '../ports';
import type { SqliteDatabase } from './open-database';
import { createSqliteCallStates } from './sqlite-call-states';
import { createSqliteCatalog } from './sqlite-catalog';
import { createSqliteCheckout } from './sqlite-checkout';
import { createSqliteCheckoutClaims } from './sqlite-checkout-claims';
import { createSqliteConversationLog } from './sqlite-conversations';
import { createSqliteErasure } from './sqlite-erasure';
import { createSqliteHandoffOutbox, createSqliteHandoffs, type HandoffOptions } from './sqlite-handoffs';
import { createSqliteNotificationSubscriptions, createSqliteOrderNotifications } from './sqlite-order-notifications';
import { createSqliteOrders } from './sqlite-orders';
import { createSqlitePurchasePins } from './sqlite-purchase-pins';
import { createSqliteReturns, type ReturnOptions } from './sqlite-returns';
import { createSqliteSharedAccounts } from './sqlite-shared-accounts';
import { createSqliteAccountLinks } from './sqlite-account-links';
import { createSqliteShoppers } from './sqlite-shoppers';
import { createSqliteTurnEvents, type SqliteTurnEventOptions } from './sqlite-turn-events';
import { createWriteBatch } from './write-batch';

export type SqliteCommerceOptions = HandoffOptions & ReturnOptions;
export type SqliteSkillStateOptions = HandoffOptions & Pick<SqliteTurnEventOptions, 'retentionDays'>;

/** The store's half of the embedded file: shoppers, orders, catalog, returns and checkout. */
export function createSqliteStoreCommerce(db: SqliteDatabase, options: ReturnOptions & { readonly currency?: CurrencyCode } = {}): StoreCommerce {
  return {
    shoppers: createSqliteShoppers(db),
    orders: createSqliteOrders(db),
    catalog: createSqliteCatalog(db, undefined, options.currency),
    returns: createSqliteReturns(db, options),
    checkout: createSqliteCheckout(db),
  };
}

/** The skill's own half: handoff tickets and their webhook queue, transcripts, PIN tries, checkout claims, turn events and their erasure. */
export function createSqliteSkillState(db: SqliteDatabase, options: SqliteSkillStateOptions = {}): SkillState {
  // A turn's conversation-log line and turn event are committed together.
  const turnRecordWrites = createWriteBatch(db);
  return {
    handoffs: createSqliteHandoffs(db, options),
    handoffOutbox: createSqliteHandoffOutbox(db),
    conversations: createSqliteConversationLog(db, { clock: options.clock, writes: turnRecordWrites }),
    purchasePins: createSqlitePurchasePins(db),
    checkoutClaims: createSqliteCheckoutClaims(db),
    turnEvents: createSqliteTurnEvents(db, { clock: options.clock, retentionDays: options.retentionDays, writes: turnRecordWrites }),
    erasure: createSqliteErasure(db),
    callStates: createSqliteCallStates(db),
    sharedAccounts: createSqliteSharedAccounts(db),
    accountLinks: createSqliteAccountLinks(db),
    notificationSubscriptions: createSqliteNotificationSubscriptions(db),
    orderNotifications: createSqliteOrderNotifications(db),
  };
}

/** The embedded store behind every port; statements are prepared here, once, and reused per call. */
export function createSqliteCommerce(db: SqliteDatabase, options: SqliteCommerceOptions = {}): Commerce {
  const { handoffOutbox: _outbox, turnEvents: _events, erasure: _erasure, callStates: _calls, ...state } = createSqliteSkillState(db, options);
  return { ...createSqliteStoreCommerce(db, options), ...state };
}
