import type { Kysely } from 'kysely';

/**
 * 0021-sakip-evaluation: the LHE (laporan hasil evaluasi) of the internal SAKIP evaluation
 * (PermenPANRB 88/2021, RULES.md §2.1–2.3). The worksheet answers themselves live in the one
 * answers store (`assessment_answers`, kinds `sakip_unit` / `sakip_pemda`); this table holds the
 * Inspektorat's findings and recommendations per unit-year (unit_id null = the pemda-level
 * self-evaluation) and the unit's follow-up of each recommendation: open → answered → accepted.
 * Follow-up evidence is linked through `evidence_links` (entity_type 'sakip_followup').
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sakip_lhe_items')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text') // null = pemda
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('sub_component', 'text') // e.g. "1.b"; null = general
    .addColumn('finding', 'text', (c) => c.notNull())
    .addColumn('recommendation', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open')) // open | answered | accepted
    .addColumn('follow_up', 'text')
    .addColumn('follow_up_by', 'text')
    .addColumn('follow_up_at', 'text')
    .addColumn('review_note', 'text')
    .addColumn('accepted_by', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sakip_lhe_items_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('sakip_lhe_items_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('sakip_lhe_items_scope_idx').on('sakip_lhe_items').columns(['tenant_id', 'year', 'unit_id', 'seq']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sakip_lhe_items').execute();
}
