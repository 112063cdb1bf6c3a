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
  /** Connections of the public survey form's own pool (see Config.pgFormPoolSize). */
  pgFormPoolSize?: number;
}

export function openDatabase(opts: OpenOptions): Database_ {
  const plugins = [new CamelCasePlugin()];
  if (opts.databaseUrl && /^postgres(ql)?:\/\//.test(opts.databaseUrl)) {
    const connection = {
      connectionString: opts.databaseUrl,
      ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
    };
    const pool = new pg.Pool({ ...connection, max: opts.pgPoolSize ?? 10 });
    // Connects only when the first survey answer arrives; idle clients never hold the process.
    const formPool = new pg.Pool({ ...connection, max: opts.pgFormPoolSize ?? 4, allowExitOnIdle: true });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins });
    formPools.set(db, formPool);
    return {
      db,
      dialect: 'postgres',
      close: async () => {
        await db.destroy();
        await formPool.end();
      },
    };
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
  sqliteHandles.set(db, sqlite);
  return { db, dialect: 'sqlite', close: () => db.destroy(), sqlite };
}

const sqliteHandles = new WeakMap<Db, Database.Database>();
const formPools = new WeakMap<Db, pg.Pool>();

/**
 * The public survey form's own small pg pool beside a PostgreSQL Kysely instance (undefined on
 * SQLite): its one statement goes there as a named prepared statement (skm.write.ts), parsed and
 * planned once per connection instead of once per submission.
 */
export function pgFormPoolOf(db: Db): pg.Pool | undefined {
  return formPools.get(db);
}

/**
 * The better-sqlite3 handle under a SQLite Kysely instance (undefined on PostgreSQL), for the one
 * hot path that runs prepared statements directly (the public survey form, skm.write.ts). Use it
 * only while holding Kysely's connection (`db.connection().execute(...)`), so that no Kysely
 * transaction is open on the same connection at the time.
 */
export function sqliteHandleOf(db: Db): Database.Database | undefined {
  return sqliteHandles.get(db);
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
