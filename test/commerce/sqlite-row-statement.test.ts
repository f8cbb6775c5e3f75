import { openDatabase, type SqliteDatabase } from '../../lambda/commerce/sqlite/open-database';
import { prepareRows } from '../../lambda/commerce/sqlite/row-statement';

let db: SqliteDatabase;
beforeAll(() => {
  db = openDatabase(':memory:');
  db.exec(`
    CREATE TABLE items (id TEXT PRIMARY KEY, price_minor INTEGER NOT NULL, note TEXT, weight REAL);
    INSERT INTO items VALUES ('a', 1299, NULL, 0.5), ('b', 0, 'fragile', NULL), ('c', 42, '', 12);
  `);
});
afterAll(() => db.close());

interface ItemRow {
  readonly id: string;
  readonly price_minor: number;
  readonly note: string | null;
  readonly weight: number | null;
  readonly tags: string;
}

const SQL = `SELECT id, price_minor, note, weight, json_array(id, price_minor) AS tags FROM items WHERE price_minor >= ? ORDER BY id`;

describe('prepareRows', () => {
  it("reads every row exactly as better-sqlite3's own row objects: same keys in the same order, same values", () => {
    const rows = prepareRows<[number], ItemRow>(db, SQL).all(0);
    const own = db.prepare<[number], ItemRow>(SQL).all(0);
    expect(rows).toHaveLength(3);
    expect(rows).toStrictEqual(own);
    expect(rows.map((row) => Object.keys(row))).toEqual(own.map((row) => Object.keys(row)));
  });

  it('reads one row, or undefined when there is none', () => {
    const statement = prepareRows<[number], ItemRow>(db, SQL);
    expect(statement.get(1000)).toStrictEqual({ id: 'a', price_minor: 1299, note: null, weight: 0.5, tags: '["a",1299]' });
    expect(statement.get(100_000)).toBeUndefined();
    expect(statement.all(100_000)).toEqual([]);
  });

  it('names a column as its alias says, the later of two alike winning as in better-sqlite3', () => {
    const sql = "SELECT id AS name, note AS name, price_minor AS price FROM items WHERE id = 'b'";
    expect(prepareRows<[], { name: unknown; price: number }>(db, sql).get()).toStrictEqual(db.prepare(sql).get());
  });
});
