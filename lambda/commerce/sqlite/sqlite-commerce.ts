import type { Commerce } from '../ports';
import type { SqliteDatabase } from './open-database';
import { createSqliteCatalog } from './sqlite-catalog';
import { createSqliteHandoffs, type HandoffOptions } from './sqlite-handoffs';
import { createSqliteOrders } from './sqlite-orders';
import { createSqliteShoppers } from './sqlite-shoppers';

export type SqliteCommerceOptions = HandoffOptions;

/** The embedded store behind every port; statements are prepared here, once, and reused per call. */
export function createSqliteCommerce(db: SqliteDatabase, options: SqliteCommerceOptions = {}): Commerce {
  return {
    shoppers: createSqliteShoppers(db),
    orders: createSqliteOrders(db),
    catalog: createSqliteCatalog(db),
    handoffs: createSqliteHandoffs(db, options),
  };
}
