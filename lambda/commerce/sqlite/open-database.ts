import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

const IN_MEMORY = ':memory:';

/**
 * Opens (creating if needed) the SQLite file with the settings the store relies on: WAL so readers
 * never wait for the writer, foreign keys enforced, and a busy timeout for a second process.
 */
export function openDatabase(filePath: string): SqliteDatabase {
  if (filePath !== IN_MEMORY && filePath !== '') {
    mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  }
  const db = new Database(filePath);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
