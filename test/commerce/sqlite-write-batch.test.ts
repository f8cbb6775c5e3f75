import { openDatabase, type SqliteDatabase } from '../../lambda/commerce/sqlite/open-database';
import { createWriteBatch } from '../../lambda/commerce/sqlite/write-batch';

let db: SqliteDatabase;
beforeEach(() => {
  db = openDatabase(':memory:');
  db.exec(`
    CREATE TABLE parents (id INTEGER PRIMARY KEY);
    CREATE TABLE lines (id INTEGER PRIMARY KEY, text TEXT NOT NULL CHECK (text <> ''));
    -- Checked only at COMMIT, so a row that breaks it makes the commit itself fail.
    CREATE TABLE children (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED);
  `);
});
afterEach(() => db.close());

const lineTexts = () => db.prepare('SELECT text FROM lines ORDER BY id').pluck().all();

describe('createWriteBatch', () => {
  it('commits the writes asked for together in one transaction, in the order asked, each resolving to its own result', async () => {
    const batch = createWriteBatch(db);
    const insert = db.prepare('INSERT INTO lines (text) VALUES (?)');
    const inTransaction: boolean[] = [];
    const write = (text: string) =>
      batch.write(() => {
        inTransaction.push(db.inTransaction);
        return insert.run(text).lastInsertRowid;
      });

    const written = Promise.all([write('first'), write('second')]);
    expect(lineTexts()).toEqual([]);
    expect(await written).toEqual([1, 2]);
    expect(inTransaction).toEqual([true, true]);
    expect(db.inTransaction).toBe(false);
    expect(lineTexts()).toEqual(['first', 'second']);
  });

  it('fails a write whose statement fails, alone: the others of its batch are committed', async () => {
    const batch = createWriteBatch(db);
    const insert = db.prepare('INSERT INTO lines (text) VALUES (?)');
    const outcomes = await Promise.allSettled([
      batch.write(() => insert.run('kept')),
      batch.write(() => insert.run('')),
      batch.write(() => insert.run('kept too')),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/CHECK constraint failed/);
    expect(lineTexts()).toEqual(['kept', 'kept too']);
  });

  it('fails every write of a batch whose commit fails, and keeps none of them', async () => {
    const batch = createWriteBatch(db);
    const outcomes = await Promise.allSettled([
      batch.write(() => db.prepare('INSERT INTO lines (text) VALUES (?)').run('undone')),
      batch.write(() => db.prepare('INSERT INTO children (parent) VALUES (42)').run()),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    for (const outcome of outcomes) expect(String((outcome as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY constraint failed/);
    expect(lineTexts()).toEqual([]);
    expect(db.inTransaction).toBe(false);
  });

  it('starts a new batch for writes asked for once the last one is committed', async () => {
    const batch = createWriteBatch(db);
    const insert = db.prepare('INSERT INTO lines (text) VALUES (?)');
    await batch.write(() => insert.run('one'));
    await batch.write(() => insert.run('two'));
    expect(lineTexts()).toEqual(['one', 'two']);
  });
});
