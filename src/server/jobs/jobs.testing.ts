import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { openDatabase, type DialectName } from '../db/db.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Deps } from '../deps.ts';
import type { Clock } from '../lib/clock.ts';
import { createFsBlobStore } from '../modules/evidence/blob-store.ts';
import { PG_URL } from '../testing/harness.ts';
import { createPgSchema, dropPgSchema, withPgSchemaLock } from '../testing/pg-schemas.ts';

/**
 * A database that outlives its connections, for tests that "restart the server": a SQLite FILE
 * in a temp directory (":memory:" dies with its connection) or a throwaway PostgreSQL schema.
 * Every open() is a fresh connection (pool) to the same database, as a new process would get.
 */
export interface DurableTestDb {
  open(clock: Clock, env?: Record<string, string>): Promise<Deps & { close(): Promise<void> }>;
  cleanup(): Promise<void>;
}

export async function createDurableTestDb(dialect: DialectName): Promise<DurableTestDb> {
  const dir = mkdtempSync(path.join(tmpdir(), 'serasan-jobs-'));
  let schema: string | undefined;
  if (dialect === 'postgres') {
    schema = `j_${randomBytes(6).toString('hex')}`;
    await createPgSchema(PG_URL, schema);
  }
  let migrated = false;
  return {
    async open(clock, env = {}) {
      const database = openDatabase(
        dialect === 'postgres' ? { databaseUrl: PG_URL, pgSchema: schema, pgPoolSize: 4 } : { sqliteFile: path.join(dir, 'serasan.db') },
      );
      if (!migrated) {
        if (schema) await withPgSchemaLock(PG_URL, () => migrateToLatest(database.db, schema));
        else await migrateToLatest(database.db);
        migrated = true;
      }
      const config = loadConfig({ SERASAN_DATA_DIR: dir, ...env } as NodeJS.ProcessEnv);
      return {
        db: database.db,
        dialect: database.dialect,
        clock,
        config,
        blobs: createFsBlobStore(path.join(dir, 'blobs')),
        close: () => database.close(),
      };
    },
    async cleanup() {
      if (schema) {
        await dropPgSchema(PG_URL, schema);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
