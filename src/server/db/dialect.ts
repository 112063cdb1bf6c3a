import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { DialectName, Executor } from './db.ts';

/**
 * The only place where SQL differs between SQLite and PostgreSQL. Callers never branch on the
 * dialect themselves (STACK.md, portable rules).
 */

/** Case-insensitive "contains" match that behaves the same on both databases. */
export function ilikeContains(column: string, needle: string): RawBuilder<boolean> {
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like lower(${pattern}) escape '\\'`;
}

/**
 * Lock the selected rows until the transaction ends. PostgreSQL needs FOR UPDATE. On SQLite,
 * Kysely runs every transaction on the one better-sqlite3 connection behind a mutex, so
 * transactions are already serialised and the plain select is enough.
 */
export function forUpdate<QB extends SelectQueryBuilder<any, any, any>>(qb: QB, dialect: DialectName): QB {
  return dialect === 'postgres' ? (qb.forUpdate() as QB) : qb;
}

export async function dialectOf(db: Executor): Promise<DialectName> {
  const adapter = db.getExecutor().adapter;
  return adapter.constructor.name.toLowerCase().includes('postgres') ? 'postgres' : 'sqlite';
}

/**
 * Lock the selected rows and skip rows another transaction holds (job claims). PostgreSQL:
 * FOR UPDATE SKIP LOCKED, so concurrent runners take different jobs without waiting. SQLite has
 * one writer at a time: a write statement takes the database write lock before it reads, so
 * the claiming UPDATE … WHERE id IN (SELECT …) is already exclusive.
 */
export function forUpdateSkipLocked<QB extends SelectQueryBuilder<any, any, any>>(qb: QB, dialect: DialectName): QB {
  return dialect === 'postgres' ? (qb.forUpdate().skipLocked() as QB) : qb;
}

/**
 * A text sort key that orders the same on both databases: lower() (ASCII case folding on
 * SQLite) compared byte-wise. PostgreSQL gets an explicit COLLATE "C" so a database created
 * with a locale collation (en_US, id_ID: punctuation and spaces ignored) does not order
 * differently from SQLite's BINARY.
 */
export function textSortKey(column: string, dialect: DialectName): RawBuilder<string> {
  return dialect === 'postgres' ? sql<string>`lower(${sql.ref(column)}) collate "C"` : sql<string>`lower(${sql.ref(column)})`;
}
