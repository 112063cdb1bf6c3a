import type { Kysely } from 'kysely';

/** Placeholder: filled by the change that introduces these tables. */
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(): Promise<void> {
  throw new Error('Serasan migrations are append-only; restore a backup instead of migrating down.');
}
