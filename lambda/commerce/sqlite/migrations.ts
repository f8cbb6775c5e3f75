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
  {
    version: 3,
    name: 'returns, the return policy, line variants, conversation turns, handoff context and webhook queue',
    sql: `
      ALTER TABLE order_lines ADD COLUMN variant TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(variant));

      -- One document, validated by the code that reads it; a store edits it to change its policy.
      CREATE TABLE return_policy (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        document   TEXT NOT NULL CHECK (json_valid(document)),
        updated_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO return_policy (id, document, updated_at) VALUES (1, json('{
        "windowDays": 30,
        "categoryWindowDays": { "audio": 15 },
        "excludedCategories": { "gift-cards": "gift-card", "beauty": "personal-item" },
        "conditions": {
          "*": ["original-packaging"],
          "shoes": ["unworn"],
          "apparel": ["unworn", "tags-attached"],
          "jackets": ["unworn", "tags-attached"],
          "audio": ["all-parts"]
        },
        "refund": "original-payment",
        "shipWithinDays": 14
      }'), 0);

      CREATE TABLE returns (
        id                INTEGER PRIMARY KEY,
        number            TEXT NOT NULL UNIQUE CHECK (length(number) = 6),
        idempotency_key   TEXT NOT NULL UNIQUE,
        shopper_id        TEXT NOT NULL REFERENCES shoppers (id),
        order_number      TEXT NOT NULL REFERENCES orders (number),
        line_id           TEXT NOT NULL REFERENCES order_lines (id),
        quantity          INTEGER NOT NULL CHECK (quantity > 0),
        reason            TEXT NOT NULL,
        note              TEXT,
        refund_minor      INTEGER NOT NULL CHECK (refund_minor >= 0),
        currency          TEXT NOT NULL,
        refund_method     TEXT NOT NULL CHECK (json_valid(refund_method)),
        label_delivery    TEXT NOT NULL,
        status            TEXT NOT NULL DEFAULT 'open',
        created_at        INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX returns_by_order ON returns (order_number, line_id);

      CREATE TABLE conversation_turns (
        id              INTEGER PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        at              INTEGER NOT NULL,
        heard           TEXT NOT NULL,
        slots           TEXT NOT NULL CHECK (json_valid(slots)),
        said            TEXT NOT NULL
      ) STRICT;
      CREATE INDEX conversation_turns_by_conversation ON conversation_turns (conversation_id, id);
      CREATE INDEX conversation_turns_by_age ON conversation_turns (at);

      -- Shopper, item, what was tried and the transcript, as JSON.
      ALTER TABLE handoffs ADD COLUMN context TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(context));
      -- Tickets filed from now on are queued for the helpdesk webhook until it accepts them.
      ALTER TABLE handoffs ADD COLUMN webhook_due_at INTEGER;
      ALTER TABLE handoffs ADD COLUMN webhook_attempts INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE handoffs ADD COLUMN webhook_delivered_at INTEGER;
      ALTER TABLE handoffs ADD COLUMN webhook_error TEXT;
      CREATE INDEX handoffs_webhook_queue ON handoffs (webhook_due_at) WHERE webhook_delivered_at IS NULL;
    `,
  },
  {
    version: 4,
    name: 'product search: attribute index, full-text index, words shoppers use for the catalog',
    sql: `
      CREATE INDEX products_by_category_and_price ON products (category, price_minor);
      CREATE INDEX products_by_brand ON products (brand);

      -- One row per attribute value, so filters use an index instead of parsing JSON per product.
      CREATE TABLE product_attributes (
        product_id TEXT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        name       TEXT NOT NULL,
        value      TEXT NOT NULL,
        PRIMARY KEY (name, value, product_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX product_attributes_by_product ON product_attributes (product_id);

      CREATE VIRTUAL TABLE products_fts USING fts5(
        name, spoken_name, brand, description, attribute_values,
        content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2'
      );

      CREATE TRIGGER products_indexed_on_insert AFTER INSERT ON products BEGIN
        INSERT INTO product_attributes (product_id, name, value)
          SELECT new.id, attribute.key, value.value FROM json_each(new.attributes) AS attribute, json_each(attribute.value) AS value;
        INSERT INTO products_fts (rowid, name, spoken_name, brand, description, attribute_values)
          VALUES (new.rowid, new.name, new.spoken_name, new.brand, new.description,
            (SELECT group_concat(value.value, ' ') FROM json_each(new.attributes) AS attribute, json_each(attribute.value) AS value));
      END;
      CREATE TRIGGER products_indexed_on_update AFTER UPDATE OF name, spoken_name, brand, description, attributes ON products BEGIN
        DELETE FROM product_attributes WHERE product_id = old.id;
        INSERT INTO product_attributes (product_id, name, value)
          SELECT new.id, attribute.key, value.value FROM json_each(new.attributes) AS attribute, json_each(attribute.value) AS value;
        DELETE FROM products_fts WHERE rowid = old.rowid;
        INSERT INTO products_fts (rowid, name, spoken_name, brand, description, attribute_values)
          VALUES (new.rowid, new.name, new.spoken_name, new.brand, new.description,
            (SELECT group_concat(value.value, ' ') FROM json_each(new.attributes) AS attribute, json_each(attribute.value) AS value));
      END;
      CREATE TRIGGER products_unindexed_on_delete AFTER DELETE ON products BEGIN
        DELETE FROM products_fts WHERE rowid = old.rowid;
      END;

      INSERT INTO product_attributes (product_id, name, value)
        SELECT p.id, attribute.key, value.value FROM products AS p, json_each(p.attributes) AS attribute, json_each(attribute.value) AS value;
      INSERT INTO products_fts (rowid, name, spoken_name, brand, description, attribute_values)
        SELECT p.rowid, p.name, p.spoken_name, p.brand, p.description,
          (SELECT group_concat(value.value, ' ') FROM json_each(p.attributes) AS attribute, json_each(attribute.value) AS value)
        FROM products AS p;

      -- The words shoppers use for categories and attribute values, per locale ("parka" → jackets).
      CREATE TABLE catalog_terms (
        locale TEXT NOT NULL,
        kind   TEXT NOT NULL CHECK (kind IN ('category', 'attribute')),
        key    TEXT NOT NULL,
        term   TEXT NOT NULL,
        PRIMARY KEY (locale, kind, key, term)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 5,
    name: 'checkouts placed by voice and purchase PINs',
    sql: `
      -- One row per placed order, keyed by the confirmation the shopper said yes to.
      CREATE TABLE checkouts (
        idempotency_key  TEXT PRIMARY KEY,
        order_number     TEXT NOT NULL UNIQUE REFERENCES orders (number),
        shopper_id       TEXT NOT NULL REFERENCES shoppers (id),
        payment_brand    TEXT NOT NULL,
        payment_last4    TEXT NOT NULL CHECK (length(payment_last4) = 4),
        ship_line1       TEXT NOT NULL,
        ship_city        TEXT NOT NULL,
        ship_region      TEXT NOT NULL,
        ship_postal_code TEXT NOT NULL,
        ship_country     TEXT NOT NULL,
        expected_on      INTEGER NOT NULL,
        created_at       INTEGER NOT NULL
      ) STRICT;

      -- scrypt hashes only; wrong tries and the lockout live here, never in a conversation.
      CREATE TABLE purchase_pins (
        shopper_id       TEXT PRIMARY KEY REFERENCES shoppers (id) ON DELETE CASCADE,
        pin_hash         TEXT NOT NULL,
        wrong_tries      INTEGER NOT NULL DEFAULT 0 CHECK (wrong_tries >= 0),
        locked_until     INTEGER,
        last_attempt_key TEXT
      ) STRICT;
    `,
  },
  {
    version: 6,
    name: 'checkout claims, and purchase PINs for shoppers of a store this file does not hold',
    sql: `
      -- The latest claim on each shopper's basket: the key its order is placed with, and until when
      -- another "yes" to the same basket counts as the same order.
      CREATE TABLE checkout_claims (
        shopper_id    TEXT NOT NULL,
        basket        TEXT NOT NULL,
        claim_key     TEXT NOT NULL,
        claimed_at    INTEGER NOT NULL,
        claimed_until INTEGER NOT NULL,
        PRIMARY KEY (shopper_id, basket)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX checkout_claims_by_expiry ON checkout_claims (claimed_until);

      -- PINs are the skill's own state; next to a store reached over HTTP, the shoppers they belong
      -- to are not in this file, so the table is rebuilt without its foreign key to shoppers.
      CREATE TABLE purchase_pins_without_shopper_key (
        shopper_id       TEXT PRIMARY KEY,
        pin_hash         TEXT NOT NULL,
        wrong_tries      INTEGER NOT NULL DEFAULT 0 CHECK (wrong_tries >= 0),
        locked_until     INTEGER,
        last_attempt_key TEXT
      ) STRICT;
      INSERT INTO purchase_pins_without_shopper_key (shopper_id, pin_hash, wrong_tries, locked_until, last_attempt_key)
        SELECT shopper_id, pin_hash, wrong_tries, locked_until, last_attempt_key FROM purchase_pins;
      DROP TABLE purchase_pins;
      ALTER TABLE purchase_pins_without_shopper_key RENAME TO purchase_pins;
    `,
  },
  {
    version: 7,
    name: 'turn events for the containment report',
    sql: `
      -- One row per answered turn: no token, no name, no raw shopper id. The shopper is a keyed
      -- hash only, so their rows can be counted and forgotten. Read by time window, purged by age.
      CREATE TABLE turn_events (
        id                   INTEGER PRIMARY KEY,
        at                   INTEGER NOT NULL,
        conversation_id      TEXT NOT NULL,
        platform             TEXT NOT NULL,
        locale               TEXT NOT NULL,
        intent               TEXT NOT NULL,
        flow                 TEXT,
        step                 TEXT,
        outcome              TEXT NOT NULL,
        goal                 TEXT,
        order_value_minor    INTEGER,
        order_value_currency TEXT,
        latency_ms           INTEGER NOT NULL CHECK (latency_ms >= 0),
        shopper_hash         TEXT,
        utterance            TEXT,
        CHECK ((order_value_minor IS NULL) = (order_value_currency IS NULL))
      ) STRICT;
      CREATE INDEX turn_events_by_time ON turn_events (at);
      CREATE INDEX turn_events_by_shopper ON turn_events (shopper_hash) WHERE shopper_hash IS NOT NULL;
    `,
  },
  {
    version: 8,
    name: 'spoken product names per locale',
    sql: `
      -- How a product is called aloud in a locale other than the catalog's own ("Trailblazer
      -- Laufschuhe"); products.spoken_name stays the catalog's own name and the fallback.
      CREATE TABLE product_spoken_names (
        product_id  TEXT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        locale      TEXT NOT NULL,
        spoken_name TEXT NOT NULL CHECK (length(spoken_name) > 0),
        PRIMARY KEY (product_id, locale)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 9,
    name: 'product search at scale: products and attribute values kept in the order search ranks them',
    sql: `
      DROP TRIGGER products_indexed_on_insert;
      DROP TRIGGER products_indexed_on_update;
      DROP TRIGGER products_unindexed_on_delete;
      DROP TABLE product_attributes;
      -- Both are prefixes of the ranked index below.
      DROP INDEX products_by_category;
      DROP INDEX products_by_category_and_price;
      DROP INDEX products_by_brand;

      -- Search ranks in stock first, then by price: a category's or a brand's products in that order,
      -- so the first page is read without sorting every match (only products of equal price are
      -- sorted, by id).
      CREATE INDEX products_by_category_rank ON products (category, stock > 0, price_minor);
      CREATE INDEX products_by_brand_rank ON products (brand, stock > 0, price_minor);
      -- And the whole catalog, for a budget alone ("anything under 20 dollars").
      CREATE INDEX products_by_rank ON products (stock > 0, price_minor);

      -- One row per attribute value, keyed in the same order within a category, so an attribute
      -- filter walks its own matches in rank order. A derived index like products_fts: keyed by the
      -- product's rowid, written by the triggers below (or in bulk, catalog-bulk-load.ts) from the
      -- product's own columns, so a product's old columns name exactly its rows: no second index.
      CREATE TABLE product_attributes (
        name          TEXT NOT NULL,
        value         TEXT NOT NULL,
        category      TEXT NOT NULL,
        in_stock      INTEGER NOT NULL CHECK (in_stock IN (0, 1)),
        price_minor   INTEGER NOT NULL,
        product_rowid INTEGER NOT NULL,
        PRIMARY KEY (name, value, category, in_stock, price_minor, product_rowid)
      ) STRICT, WITHOUT ROWID;

      INSERT INTO product_attributes (name, value, category, in_stock, price_minor, product_rowid)
        SELECT attribute.key, value.value, p.category, p.stock > 0, p.price_minor, p.rowid
        FROM products AS p, json_each(p.attributes) AS attribute, json_each(attribute.value) AS value;

      CREATE TRIGGER products_indexed_on_insert AFTER INSERT ON products BEGIN
        INSERT INTO product_attributes (name, value, category, in_stock, price_minor, product_rowid)
          SELECT attribute.key, value.value, new.category, new.stock > 0, new.price_minor, new.rowid
          FROM json_each(new.attributes) AS attribute, json_each(attribute.value) AS value;
        INSERT INTO products_fts (rowid, name, spoken_name, brand, description, attribute_values)
          VALUES (new.rowid, new.name, new.spoken_name, new.brand, new.description,
            (SELECT group_concat(value.value, ' ') FROM json_each(new.attributes) AS attribute, json_each(attribute.value) AS value));
      END;
      -- A sale that leaves stock above zero changes nothing search ranks by: no work.
      CREATE TRIGGER products_reranked_on_update AFTER UPDATE OF attributes, category, price_minor, stock ON products
        WHEN old.attributes IS NOT new.attributes OR old.category IS NOT new.category
          OR old.price_minor IS NOT new.price_minor OR (old.stock > 0) IS NOT (new.stock > 0)
      BEGIN
        DELETE FROM product_attributes WHERE (name, value, category, in_stock, price_minor, product_rowid) IN (
          SELECT attribute.key, value.value, old.category, old.stock > 0, old.price_minor, old.rowid
          FROM json_each(old.attributes) AS attribute, json_each(attribute.value) AS value);
        INSERT INTO product_attributes (name, value, category, in_stock, price_minor, product_rowid)
          SELECT attribute.key, value.value, new.category, new.stock > 0, new.price_minor, new.rowid
          FROM json_each(new.attributes) AS attribute, json_each(attribute.value) AS value;
      END;
      CREATE TRIGGER products_reindexed_on_update AFTER UPDATE OF name, spoken_name, brand, description, attributes ON products
        WHEN old.name IS NOT new.name OR old.spoken_name IS NOT new.spoken_name OR old.brand IS NOT new.brand
          OR old.description IS NOT new.description OR old.attributes IS NOT new.attributes
      BEGIN
        DELETE FROM products_fts WHERE rowid = old.rowid;
        INSERT INTO products_fts (rowid, name, spoken_name, brand, description, attribute_values)
          VALUES (new.rowid, new.name, new.spoken_name, new.brand, new.description,
            (SELECT group_concat(value.value, ' ') FROM json_each(new.attributes) AS attribute, json_each(attribute.value) AS value));
      END;
      CREATE TRIGGER products_unindexed_on_delete AFTER DELETE ON products BEGIN
        DELETE FROM product_attributes WHERE (name, value, category, in_stock, price_minor, product_rowid) IN (
          SELECT attribute.key, value.value, old.category, old.stock > 0, old.price_minor, old.rowid
          FROM json_each(old.attributes) AS attribute, json_each(attribute.value) AS value);
        DELETE FROM products_fts WHERE rowid = old.rowid;
      END;
    `,
  },
  {
    version: 10,
    name: 'phone calls: shoppers found by phone number, and the state of calls in progress',
    sql: `
      -- A caller is recognised by the number they call from.
      CREATE INDEX shoppers_by_phone ON shoppers (phone) WHERE phone IS NOT NULL;

      -- The phone carries no session: each call's state lives here, replaced after every turn,
      -- and is pruned once it expires shortly after the call.
      CREATE TABLE call_states (
        call_id    TEXT PRIMARY KEY,
        state      TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX call_states_by_expiry ON call_states (expires_at);
    `,
  },
  {
    version: 11,
    name: 'household: device accounts shared by several recognised speakers',
    sql: `
      -- An account on which Alexa recognised a speaker: several people talk through its devices.
      -- Keyed by an HMAC of the platform's account id (household/shared-account-key.ts).
      CREATE TABLE shared_accounts (
        account_key     TEXT PRIMARY KEY,
        first_marked_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 12,
    name: 'order notifications: shoppers subscribed through a platform, and one notification per order change',
    sql: `
      -- The shopper's latest word, per recipient (Alexa's userId), on being notified.
      CREATE TABLE notification_subscriptions (
        shopper_id TEXT NOT NULL,
        platform   TEXT NOT NULL,
        recipient  TEXT NOT NULL,
        locale     TEXT NOT NULL,
        subscribed INTEGER NOT NULL CHECK (subscribed IN (0, 1)),
        changed_at INTEGER NOT NULL,
        PRIMARY KEY (shopper_id, platform, recipient)
      ) STRICT, WITHOUT ROWID;

      -- One row per order change and recipient, ever: a change reported twice is sent once.
      CREATE TABLE order_notifications (
        change_key       TEXT NOT NULL,
        recipient        TEXT NOT NULL,
        shopper_id       TEXT NOT NULL,
        order_number     TEXT NOT NULL,
        status           TEXT NOT NULL,
        occurred_at      INTEGER NOT NULL,
        expected_arrival INTEGER,
        locale           TEXT NOT NULL,
        state            TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'dropped')),
        attempts         INTEGER NOT NULL DEFAULT 0,
        due_at           INTEGER,
        last_error       TEXT,
        settled_at       INTEGER,
        queued_at        INTEGER NOT NULL,
        PRIMARY KEY (change_key, recipient),
        CHECK ((state = 'queued') = (due_at IS NOT NULL))
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX order_notifications_due ON order_notifications (due_at) WHERE state = 'queued';
      CREATE INDEX order_notifications_by_shopper ON order_notifications (shopper_id);
    `,
  },
  {
    version: 13,
    name: 'purchase PINs: a shopper can have the PIN asked on every purchase of theirs',
    sql: `
      -- 1: the shopper turned the voice PIN on for their own account, whatever the store's policy
      -- and whoever Alexa recognises.
      ALTER TABLE purchase_pins ADD COLUMN always_required INTEGER NOT NULL DEFAULT 0 CHECK (always_required IN (0, 1));
    `,
  },
  {
    version: 14,
    name: 'account linking for Medusa stores: one-time codes and failed sign-ins, seen by every server on the file',
    sql: `
      -- A code Alexa redeems once, by the code's hash; the grant (the Medusa token) is sealed.
      CREATE TABLE link_codes (
        code_hash    TEXT PRIMARY KEY,
        sealed_grant TEXT NOT NULL,
        expires_at   INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX link_codes_by_expiry ON link_codes (expires_at);

      -- One row per failed sign-in, by the email's hash, until it leaves the window.
      CREATE TABLE sign_in_failures (
        email_hash   TEXT NOT NULL,
        failed_at    INTEGER NOT NULL,
        forget_after INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sign_in_failures_by_email ON sign_in_failures (email_hash, failed_at);
      CREATE INDEX sign_in_failures_by_expiry ON sign_in_failures (forget_after);
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
