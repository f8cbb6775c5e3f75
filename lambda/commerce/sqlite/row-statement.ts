import type { SqliteDatabase } from './open-database';

/** A prepared SELECT that reads its rows as objects keyed by column name, as better-sqlite3's own would. */
export interface RowStatement<Params extends unknown[], Row> {
  all(...params: Params): Row[];
  get(...params: Params): Row | undefined;
}

/**
 * Prepares a SELECT whose rows are read as arrays and named here. better-sqlite3 builds each row
 * object in C++ one named property at a time, which costs about twice what reading the values as an
 * array and naming them in JavaScript does; on the statements a warm turn runs, that is most of what
 * reading their rows costs.
 */
export function prepareRows<Params extends unknown[], Row extends object>(db: SqliteDatabase, sql: string): RowStatement<Params, Row> {
  const statement = db.prepare<Params, unknown[]>(sql);
  const names = statement.columns().map((column) => column.name);
  statement.raw(true);
  const named = (values: readonly unknown[]): Row => {
    const row: Record<string, unknown> = {};
    for (let index = 0; index < names.length; index += 1) row[names[index]!] = values[index];
    return row as Row;
  };
  return {
    all: (...params) => statement.all(...params).map(named),
    get: (...params) => {
      const values = statement.get(...params);
      return values === undefined ? undefined : named(values);
    },
  };
}
