import fs from 'node:fs';
import path from 'node:path';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { MIGRATIONS, migrate, schemaVersion } from '../../lambda/commerce/sqlite/migrations';
import { openDatabase } from '../../lambda/commerce/sqlite/open-database';
import { SEED_NOW, temporaryStorePath } from './demo-store-fixtures';

const newest = Math.max(...MIGRATIONS.map((step) => step.version));

function schemaOf(db: ReturnType<typeof openDatabase>): unknown[] {
  return db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();
}

describe('opening the database', () => {
  let store: ReturnType<typeof temporaryStorePath>;
  beforeEach(() => {
    store = temporaryStorePath();
  });
  afterEach(() => store.cleanup());

  it('creates the parent folder, and turns on WAL and foreign keys', () => {
    expect(fs.existsSync(path.dirname(store.file))).toBe(false);
    const db = openDatabase(store.file);
    try {
      expect(fs.existsSync(store.file)).toBe(true);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });
});

describe('migrations', () => {
  it('are numbered 1, 2, … without gaps', () => {
    expect(MIGRATIONS.map((step) => step.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
  });

  it('bring an empty database to the newest version with every table, then re-running is a no-op', () => {
    const db = openDatabase(':memory:');
    try {
      expect(schemaVersion(db)).toBe(0);
      expect(migrate(db)).toBe(MIGRATIONS.length);
      expect(schemaVersion(db)).toBe(newest);
      const tables = db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .all()
        .map((row) => row.name);
      expect(tables).toEqual(
        expect.arrayContaining([
          'meta',
          'shoppers',
          'products',
          'orders',
          'order_lines',
          'shipments',
          'shipment_lines',
          'tracking_events',
          'handoffs',
          'return_policy',
          'returns',
          'conversation_turns',
          'checkouts',
          'purchase_pins',
          'checkout_claims',
        ]),
      );
      const before = schemaOf(db);
      expect(migrate(db)).toBe(0);
      expect(schemaOf(db)).toEqual(before);
      expect(schemaVersion(db)).toBe(newest);
    } finally {
      db.close();
    }
  });

  it('apply only the steps a database is missing', () => {
    const db = openDatabase(':memory:');
    try {
      migrate(db, MIGRATIONS.slice(0, 1));
      expect(schemaVersion(db)).toBe(1);
      expect(migrate(db)).toBe(MIGRATIONS.length - 1);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'handoffs'").get()).toBeDefined();
    } finally {
      db.close();
    }
  });

  it('keep the PINs stored before step 6, which lets a PIN belong to a shopper this file does not hold', () => {
    const db = openDatabase(':memory:');
    try {
      migrate(db, MIGRATIONS.filter((step) => step.version <= 5));
      db.prepare("INSERT INTO shoppers (id, given_name, family_name, email, locale) VALUES ('shopper-ava', 'Ava', 'Reyes', 'ava@example.com', 'en-US')").run();
      db.prepare("INSERT INTO purchase_pins (shopper_id, pin_hash, wrong_tries, locked_until, last_attempt_key) VALUES ('shopper-ava', 'scrypt$hash', 2, 99, 'try-2')").run();
      expect(() => db.prepare("INSERT INTO purchase_pins (shopper_id, pin_hash) VALUES ('shopper-elsewhere', 'scrypt$other')").run()).toThrow(/FOREIGN KEY/);

      expect(migrate(db)).toBe(MIGRATIONS.length - 5);
      expect(db.prepare('SELECT * FROM purchase_pins').all()).toEqual([
        // A PIN from before step 13 asks only as the store's policy does.
        { shopper_id: 'shopper-ava', pin_hash: 'scrypt$hash', wrong_tries: 2, locked_until: 99, last_attempt_key: 'try-2', always_required: 0 },
      ]);
      db.prepare("INSERT INTO purchase_pins (shopper_id, pin_hash) VALUES ('shopper-elsewhere', 'scrypt$other')").run();
      expect(db.pragma('foreign_key_list(purchase_pins)')).toEqual([]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('roll a failing step back completely, leaving the version where it was', () => {
    const db = openDatabase(':memory:');
    try {
      migrate(db);
      const broken = [...MIGRATIONS, { version: newest + 1, name: 'broken', sql: 'CREATE TABLE half (id INTEGER); SELECT nope FROM nowhere;' }];
      expect(() => migrate(db, broken)).toThrow();
      expect(schemaVersion(db)).toBe(newest);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    } finally {
      db.close();
    }
  });

  it('refuse a database written by a newer build', () => {
    const db = openDatabase(':memory:');
    try {
      db.pragma(`user_version = ${newest + 5}`);
      expect(() => migrate(db)).toThrow(/newer/);
    } finally {
      db.close();
    }
  });

  it('leave a reopened, up-to-date store file exactly as it was', () => {
    const store = temporaryStorePath();
    try {
      const first = openEmbeddedStore(store.file, { now: SEED_NOW });
      const schema = schemaOf(first.db);
      const counts = first.db.prepare('SELECT (SELECT count(*) FROM orders) o, (SELECT count(*) FROM products) p').get();
      first.close();

      const second = openEmbeddedStore(store.file, { now: SEED_NOW });
      try {
        expect(schemaVersion(second.db)).toBe(newest);
        expect(schemaOf(second.db)).toEqual(schema);
        expect(second.db.prepare('SELECT (SELECT count(*) FROM orders) o, (SELECT count(*) FROM products) p').get()).toEqual(
          counts,
        );
      } finally {
        second.close();
      }
    } finally {
      store.cleanup();
    }
  });
});
