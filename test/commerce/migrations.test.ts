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
