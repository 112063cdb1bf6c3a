import type { Kysely } from 'kysely';

/**
 * 0023-pk-plan-link: a PK indicator remembers the plan indicator (RPJMD/Renstra, plan_indicators)
 * it comes from, so the LKjIP reads the medium-term target through the link instead of matching by
 * name. Nullable: indicators typed by hand stay unlinked. No foreign key: SQLite cannot add a
 * composite (tenant_id, id) constraint to an existing table, and a deleted plan indicator must not
 * block a signed PK; a link whose plan indicator is gone reads as unlinked.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pk_indicators').addColumn('plan_indicator_id', 'text').execute();
  await db.schema.createIndex('pk_indicators_plan_idx').on('pk_indicators').columns(['tenant_id', 'plan_indicator_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Serasan migrations are append-only; restore a backup instead of migrating down.');
}
