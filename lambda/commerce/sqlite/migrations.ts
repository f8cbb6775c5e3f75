import type { SqliteDatabase } from './open-database';

export interface Migration {
  /** Written to PRAGMA user_version once applied; strictly increasing from 1. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Append only: a released step is never edited, a change is a new step. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'catalog, shoppers, orders and shipping',
    sql: `
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE shoppers (
        id                  TEXT PRIMARY KEY,
        given_name          TEXT NOT NULL,
        family_name         TEXT NOT NULL,
        email               TEXT NOT NULL,
        phone               TEXT,
        locale              TEXT NOT NULL,
        address_line1       TEXT,
        address_city        TEXT,
        address_region      TEXT,
        address_postal_code TEXT,
        address_country     TEXT,
        payment_brand       TEXT,
        payment_last4       TEXT CHECK (payment_last4 IS NULL OR length(payment_last4) = 4)
      ) STRICT;

      CREATE TABLE products (
        id          TEXT PRIMARY KEY,
        sku         TEXT NOT NULL UNIQUE,
        name        TEXT NOT NULL,
        spoken_name TEXT NOT NULL,
        brand       TEXT NOT NULL,
        category    TEXT NOT NULL,
        description TEXT NOT NULL,
        price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
        currency    TEXT NOT NULL,
        stock       INTEGER NOT NULL CHECK (stock >= 0),
        restock_on  TEXT,
        final_sale  INTEGER NOT NULL DEFAULT 0 CHECK (final_sale IN (0, 1)),
        attributes  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes))
      ) STRICT;
      CREATE INDEX products_by_category ON products (category);

      CREATE TABLE orders (
        number       TEXT PRIMARY KEY,
        shopper_id   TEXT NOT NULL REFERENCES shoppers (id),
        placed_at    INTEGER NOT NULL,
        cancelled_at INTEGER,
        currency     TEXT NOT NULL,
        total_minor  INTEGER NOT NULL CHECK (total_minor >= 0)
      ) STRICT;
      CREATE INDEX orders_by_shopper_newest ON orders (shopper_id, placed_at DESC, number DESC);

      CREATE TABLE order_lines (
        id               TEXT PRIMARY KEY,
        order_number     TEXT NOT NULL REFERENCES orders (number) ON DELETE CASCADE,
        position         INTEGER NOT NULL,
        product_id       TEXT NOT NULL REFERENCES products (id),
        -- What was sold, as sold: later catalog edits do not rewrite order history. The spoken
        -- name is deliberately not copied; it is voice styling, read live from the product.
        sku              TEXT NOT NULL,
        name             TEXT NOT NULL,
        category         TEXT NOT NULL,
        quantity         INTEGER NOT NULL CHECK (quantity > 0),
        unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0),
        currency         TEXT NOT NULL,
        final_sale       INTEGER NOT NULL DEFAULT 0 CHECK (final_sale IN (0, 1)),
        UNIQUE (order_number, position)
      ) STRICT;
      CREATE INDEX order_lines_by_product ON order_lines (product_id);

      CREATE TABLE shipments (
        id              TEXT PRIMARY KEY,
        order_number    TEXT NOT NULL REFERENCES orders (number) ON DELETE CASCADE,
        carrier         TEXT NOT NULL,
        tracking_number TEXT NOT NULL,
        status          TEXT NOT NULL,
        shipped_at      INTEGER,
        expected_on     INTEGER,
        delivered_at    INTEGER
      ) STRICT;
      CREATE INDEX shipments_by_order ON shipments (order_number, shipped_at);

      CREATE TABLE shipment_lines (
        shipment_id TEXT NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
        line_id     TEXT NOT NULL REFERENCES order_lines (id) ON DELETE CASCADE,
        PRIMARY KEY (shipment_id, line_id)
      ) STRICT, WITHOUT ROWID;
      -- Lets deleting an order line find its shipment rows without a scan (foreign key check).
      CREATE INDEX shipment_lines_by_line ON shipment_lines (line_id);

      CREATE TABLE tracking_events (
        id          INTEGER PRIMARY KEY,
        shipment_id TEXT NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
        at          INTEGER NOT NULL,
        status      TEXT NOT NULL,
        description TEXT NOT NULL,
        location    TEXT
      ) STRICT;
      CREATE INDEX tracking_events_by_shipment_newest ON tracking_events (shipment_id, at DESC);
    `,
  },
  {
    version: 2,
    name: 'handoff tickets',
    sql: `
      CREATE TABLE handoffs (
        id              INTEGER PRIMARY KEY,
        reference       TEXT NOT NULL UNIQUE CHECK (length(reference) = 6),
        idempotency_key TEXT NOT NULL UNIQUE,
        -- No foreign key: a ticket may come from a shopper this store has never seen, or none at all.
        shopper_id      TEXT,
        reason          TEXT NOT NULL,
        summary         TEXT NOT NULL,
        order_number    TEXT,
        locale          TEXT NOT NULL,
        platform        TEXT NOT NULL,
        status          TEXT NOT NULL DEFAULT 'open',
        created_at      INTEGER NOT NULL
      ) STRICT;
    `,
  },
];

export function schemaVersion(db: SqliteDatabase): number {
  const version = db.pragma('user_version', { simple: true });
  return typeof version === 'number' ? version : 0;
}

/**
 * Brings the schema up to the newest step. Each step and its version bump commit together, so a
 * crash never leaves a half-applied step behind. Returns how many steps ran (0 when up to date).
 */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = schemaVersion(db);
  const newest = migrations.reduce((max, step) => Math.max(max, step.version), 0);
  if (current > newest) {
    throw new Error(`Store schema version ${current} is newer than this build knows (${newest}).`);
  }
  const pending = migrations.filter((step) => step.version > current).sort((a, b) => a.version - b.version);
  const apply = db.transaction((step: Migration) => {
    db.exec(step.sql);
    db.pragma(`user_version = ${Math.trunc(step.version)}`);
  });
  for (const step of pending) apply.immediate(step);
  return pending.length;
}
