import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { DB } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Anything queries can run on: the pool or an open transaction. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database_ {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
  /** Raw SQLite handle (backups); undefined on PostgreSQL. */
  sqlite?: Database.Database;
}

// pg returns int8 (count(*)) as strings; Serasan's counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
// float8 already parses as number; numeric is banned by the portable rules.

export interface OpenOptions {
  databaseUrl?: string;
  /** SQLite file path; ':memory:' for tests. */
  sqliteFile?: string;
  /** PostgreSQL schema to use (tests isolate themselves in a throwaway schema). */
  pgSchema?: string;
  pgPoolSize?: number;
}

export function openDatabase(opts: OpenOptions): Database_ {
  const plugins = [new CamelCasePlugin()];
  if (opts.databaseUrl && /^postgres(ql)?:\/\//.test(opts.databaseUrl)) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.pgPoolSize ?? 10,
      ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  if (opts.databaseUrl) throw new Error(`Unsupported DATABASE_URL (expected postgres://…): ${opts.databaseUrl}`);
  const file = opts.sqliteFile ?? ':memory:';
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins });
  return { db, dialect: 'sqlite', close: () => db.destroy(), sqlite };
}

/**
 * Kysely's SQLite driver prepares every statement anew; preparing is a large share of a small
 * write (measured on the public survey form). Prepared statements are cached by SQL text.
 */
function withStatementCache(sqlite: Database.Database): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = (source: string) => {
    let stmt = cache.get(source);
    if (!stmt) {
      stmt = sqlite.prepare(source);
      if (cache.size >= 1000) cache.delete(cache.keys().next().value!);
      cache.set(source, stmt);
    }
    return stmt;
  };
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop === 'prepare') return prepare;
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
