import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { reindexAll } from '../../search/innovation-index.ts';

/**
 * Search that forgives (issue 10): the stored stems now carry synonym-group tokens, the long form
 * of an innovation's acronym name, and a "|" between the name part and the body. Existing
 * records are reindexed and the term statistics rebuilt; the tables stay as they are.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres');
  await reindexAll(db as Kysely<DB>, isPostgres ? 'postgres' : 'sqlite');
}

export async function down(): Promise<void> {
  throw new Error('Serasan migrations are append-only; restore a backup instead of migrating down.');
}
