import type { Commerce } from '../ports';
import type { SqliteDatabase } from './open-database';
import { createSqliteCatalog } from './sqlite-catalog';
import { createSqliteCheckout } from './sqlite-checkout';
import { createSqliteConversationLog } from './sqlite-conversations';
import { createSqliteHandoffs, type HandoffOptions } from './sqlite-handoffs';
import { createSqliteOrders } from './sqlite-orders';
import { createSqlitePurchasePins } from './sqlite-purchase-pins';
import { createSqliteReturns, type ReturnOptions } from './sqlite-returns';
import { createSqliteShoppers } from './sqlite-shoppers';

export type SqliteCommerceOptions = HandoffOptions & ReturnOptions;

/** The embedded store behind every port; statements are prepared here, once, and reused per call. */
export function createSqliteCommerce(db: SqliteDatabase, options: SqliteCommerceOptions = {}): Commerce {
  return {
    shoppers: createSqliteShoppers(db),
    orders: createSqliteOrders(db),
    catalog: createSqliteCatalog(db),
    handoffs: createSqliteHandoffs(db, options),
    returns: createSqliteReturns(db, options),
    conversations: createSqliteConversationLog(db, options),
    checkout: createSqliteCheckout(db),
    purchasePins: createSqlitePurchasePins(db),
  };
}
