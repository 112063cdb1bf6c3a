import type { Kysely } from 'kysely';

/** Placeholder migration (0015-competition-rules): filled by the work that needs it, or left as a no-op. */
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(): Promise<void> {
  throw new Error('Serasan migrations are append-only; restore a backup instead of migrating down.');
}
