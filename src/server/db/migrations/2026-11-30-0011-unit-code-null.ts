import type { Kysely } from 'kysely';

/**
 * An empty unit code means "no code". Rows written before the API normalised it keep "" and
 * block every other unit from leaving its code empty (unique (tenant_id, code)): make them null.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.updateTable('units').set({ code: null }).where('code', '=', '').execute();
}

export async function down(): Promise<void> {
  throw new Error('Serasan migrations are append-only; restore a backup instead of migrating down.');
}
