import type { Kysely } from 'kysely';

/**
 * 0017-kinerja: Perjanjian Kinerja (PermenPANRB 53/2014, RULES.md §2.5–2.6) with its indicators
 * (rencana aksi: TW I–IV targets) and the quarterly realisations that are entered, submitted and
 * verified before they count. The parties are positions; the names, pangkat and NIP printed are a
 * snapshot of the holders at the signing date (kept when the holder later changes). A PK of the
 * head of region has no position (he is elected; RULES §2.6 "PK Bupati": no pihak kedua).
 * Numbers are `double precision` (never `numeric`: STACK.md).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pk_agreements')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull()) // bupati | jpt_pratama | administrator | pengawas
    .addColumn('position_id', 'text') // null = the head of region
    .addColumn('unit_id', 'text')
    .addColumn('second_position_id', 'text') // null = the head of region (jpt_pratama) or none (bupati)
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft')) // draft | signed
    .addColumn('signed_on', 'text')
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('first_title', 'text', (c) => c.notNull())
    .addColumn('first_nip', 'text')
    .addColumn('first_rank', 'text')
    .addColumn('first_kind', 'text', (c) => c.notNull()) // definitif | plt | plh | kepala_daerah
    .addColumn('second_name', 'text')
    .addColumn('second_title', 'text')
    .addColumn('second_nip', 'text')
    .addColumn('second_rank', 'text')
    .addColumn('second_kind', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pk_agreements_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('pk_agreements_position_fk', ['tenant_id', 'position_id'], 'positions', ['tenant_id', 'id'])
    .addForeignKeyConstraint('pk_agreements_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('pk_agreements_year_idx').on('pk_agreements').columns(['tenant_id', 'year', 'unit_id']).execute();
  await db.schema.createIndex('pk_agreements_position_idx').on('pk_agreements').columns(['tenant_id', 'position_id', 'year']).execute();

  await db.schema
    .createTable('pk_indicators')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('pk_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('sasaran', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull()) // satuan
    .addColumn('polarity', 'text', (c) => c.notNull()) // higher | lower
    .addColumn('aggregation', 'text', (c) => c.notNull()) // sum | last | average | min | max
    .addColumn('allow_negative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('q1_target', 'double precision', (c) => c.notNull())
    .addColumn('q2_target', 'double precision', (c) => c.notNull())
    .addColumn('q3_target', 'double precision', (c) => c.notNull())
    .addColumn('q4_target', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pk_indicators_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('pk_indicators_pk_fk', ['tenant_id', 'pk_id'], 'pk_agreements', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('pk_indicators_pk_idx').on('pk_indicators').columns(['tenant_id', 'pk_id', 'seq']).execute();

  await db.schema
    .createTable('pk_realisations')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('quarter', 'integer', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // draft | submitted | verified
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('verified_by', 'text')
    .addColumn('verified_at', 'text')
    .addPrimaryKeyConstraint('pk_realisations_pk', ['tenant_id', 'indicator_id', 'quarter'])
    .addForeignKeyConstraint('pk_realisations_indicator_fk', ['tenant_id', 'indicator_id'], 'pk_indicators', ['tenant_id', 'id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Serasan migrations are append-only; restore a backup instead of migrating down.');
}
