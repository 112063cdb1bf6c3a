import { Migrator } from 'kysely';
import type { Db } from './db.ts';
import { migrationProvider } from './migrations/index.ts';

/**
 * `schema` pins Kysely's bookkeeping tables to one PostgreSQL schema: its existence check looks
 * across schemas, so parallel test schemas would otherwise see each other's tables.
 */
export async function migrateToLatest(db: Db, schema?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
