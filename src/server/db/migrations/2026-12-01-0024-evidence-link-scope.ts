import type { Kysely } from 'kysely';

/**
 * 0024-evidence-link-scope: each evidence link remembers who may read the record it points to,
 * as the record type's registered resolver answered: `read_action` (the policy action that reads
 * the record) and `unit_id` (the record's unit, null = tenant-wide record). The evidence list
 * filters on them in SQL so that it shows only the files its reader may open (paging and totals
 * stay exact). Both nullable: a link written before this migration, or by a module that inserts
 * links itself, has `read_action` null until the evidence service resolves it (lazily, before
 * every list, through the resolvers: db/ cannot call module code). A link whose record no longer
 * exists is resolved to `read_action` '-', which no actor holds.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('evidence_links').addColumn('read_action', 'text').execute();
  await db.schema.alterTable('evidence_links').addColumn('unit_id', 'text').execute();
  await db.schema.createIndex('evidence_links_scope_idx').on('evidence_links').columns(['tenant_id', 'read_action', 'unit_id', 'evidence_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Serasan migrations are append-only; restore a backup instead of migrating down.');
}
