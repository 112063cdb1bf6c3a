import type { Kysely } from 'kysely';

/**
 * 0018-sakip-plan: the medium-term plan behind the Perjanjian Kinerja (issue 11 item 1).
 * - plan_periods: the RPJMD period of the pemda (start_year..end_year; periods do not overlap);
 *   is_demo marks the demo region's plan (and so everything under it).
 * - plan_tujuan: pemda tujuan of a period.
 * - plan_sasaran: sasaran of a period, pemda level (unit_id null, under a tujuan) or unit level
 *   (Renstra: unit_id set, linked to a pemda sasaran by pemda_sasaran_id; null = feeds nothing,
 *   which the cascade check reports).
 * - plan_indicators + plan_targets: indicators of a sasaran with baseline, final target and one
 *   target per year of the period.
 * - plan_programs + plan_budgets: programme → kegiatan → sub-kegiatan of a unit (parent_id), each
 *   with pagu and realisasi anggaran per year (rupiah), optionally serving a unit sasaran.
 * Uniqueness: codes are unique per tenant and period (tujuan, sasaran and indicator codes are the
 * region's own numbering, e.g. "T1", "S1.2", "DUK-S1"); programme codes are the national
 * nomenclature shared by many units, so they are unique per tenant, period and unit.
 * Numbers are double precision; every table is tenant-scoped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plan_periods')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_year', 'integer', (c) => c.notNull())
    .addColumn('end_year', 'integer', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0)) // the demo region's plan (everything under it is demo data)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_periods_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('plan_periods_start_uq', ['tenant_id', 'start_year'])
    .execute();

  await db.schema
    .createTable('plan_tujuan')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_tujuan_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('plan_tujuan_code_uq', ['tenant_id', 'period_id', 'code'])
    .addForeignKeyConstraint('plan_tujuan_period_fk', ['tenant_id', 'period_id'], 'plan_periods', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('plan_sasaran')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text') // null = pemda level
    .addColumn('tujuan_id', 'text') // pemda level: the tujuan it serves
    .addColumn('pemda_sasaran_id', 'text') // unit level: the pemda sasaran it feeds (null = none)
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_sasaran_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('plan_sasaran_code_uq', ['tenant_id', 'period_id', 'code'])
    .addForeignKeyConstraint('plan_sasaran_period_fk', ['tenant_id', 'period_id'], 'plan_periods', ['tenant_id', 'id'])
    .addForeignKeyConstraint('plan_sasaran_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'id'])
    .addForeignKeyConstraint('plan_sasaran_tujuan_fk', ['tenant_id', 'tujuan_id'], 'plan_tujuan', ['tenant_id', 'id'])
    .addForeignKeyConstraint('plan_sasaran_pemda_fk', ['tenant_id', 'pemda_sasaran_id'], 'plan_sasaran', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('plan_sasaran_unit_idx').on('plan_sasaran').columns(['tenant_id', 'period_id', 'unit_id']).execute();

  await db.schema
    .createTable('plan_indicators')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('sasaran_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('satuan', 'text', (c) => c.notNull())
    .addColumn('polarity', 'text', (c) => c.notNull()) // higher | lower
    .addColumn('baseline', 'double precision')
    .addColumn('final_target', 'double precision')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_indicators_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('plan_indicators_code_uq', ['tenant_id', 'period_id', 'code'])
    .addForeignKeyConstraint('plan_indicators_sasaran_fk', ['tenant_id', 'sasaran_id'], 'plan_sasaran', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('plan_targets')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_targets_pk', ['tenant_id', 'indicator_id', 'year'])
    .addForeignKeyConstraint('plan_targets_indicator_fk', ['tenant_id', 'indicator_id'], 'plan_indicators', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('plan_programs')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text') // null = programme
    .addColumn('level', 'text', (c) => c.notNull()) // program | kegiatan | sub_kegiatan
    .addColumn('sasaran_id', 'text') // the unit sasaran it serves
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_programs_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('plan_programs_code_uq', ['tenant_id', 'period_id', 'unit_id', 'code'])
    .addForeignKeyConstraint('plan_programs_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'id'])
    .addForeignKeyConstraint('plan_programs_parent_fk', ['tenant_id', 'parent_id'], 'plan_programs', ['tenant_id', 'id'])
    .addForeignKeyConstraint('plan_programs_sasaran_fk', ['tenant_id', 'sasaran_id'], 'plan_sasaran', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('plan_budgets')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('pagu', 'double precision', (c) => c.notNull())
    .addColumn('realisasi', 'double precision')
    .addPrimaryKeyConstraint('plan_budgets_pk', ['tenant_id', 'program_id', 'year'])
    .addForeignKeyConstraint('plan_budgets_program_fk', ['tenant_id', 'program_id'], 'plan_programs', ['tenant_id', 'id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Serasan migrations are append-only; restore a backup instead of migrating down.');
}
