import type { Kysely } from 'kysely';

/**
 * 0020-pk-realisation: the realisation side of the Perjanjian Kinerja (issue 11 items 3 and 6).
 * - pk_indicators gets its rencana aksi details: formula text and data source.
 * - pk_realisations gets the verifier's return note (state 'returned').
 * - pk_realisation_corrections: every audited correction of a verified value (who, when, before,
 *   after, reason); the realisation row holds the corrected value that the capaian uses.
 * - pk_settings: per tenant, the capaian status bands and an optional display cap.
 * - pk_corrective_actions: the follow-up of a red quarter (kendala, solusi, rencana tindak lanjut,
 *   PIC position, deadline), open → done.
 * Numbers are `double precision`; booleans integer 0/1; dates ISO text.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pk_indicators').addColumn('formula', 'text').execute();
  await db.schema.alterTable('pk_indicators').addColumn('data_source', 'text').execute();
  await db.schema.alterTable('pk_realisations').addColumn('return_note', 'text').execute();
  await db.schema.alterTable('pk_realisations').addColumn('returned_by', 'text').execute();
  await db.schema.alterTable('pk_realisations').addColumn('returned_at', 'text').execute();

  await db.schema
    .createTable('pk_realisation_corrections')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('quarter', 'integer', (c) => c.notNull())
    .addColumn('value_before', 'double precision', (c) => c.notNull())
    .addColumn('value_after', 'double precision', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('corrected_by', 'text', (c) => c.notNull())
    .addColumn('corrected_by_name', 'text')
    .addColumn('corrected_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pk_realisation_corrections_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('pk_realisation_corrections_r_fk', ['tenant_id', 'indicator_id', 'quarter'], 'pk_realisations', ['tenant_id', 'indicator_id', 'quarter'])
    .execute();
  await db.schema.createIndex('pk_realisation_corrections_idx').on('pk_realisation_corrections').columns(['tenant_id', 'indicator_id', 'quarter', 'corrected_at']).execute();

  await db.schema
    .createTable('pk_settings')
    .addColumn('tenant_id', 'text', (c) => c.notNull().primaryKey().references('tenants.id'))
    .addColumn('red_below', 'double precision', (c) => c.notNull())
    .addColumn('green_above', 'double precision', (c) => c.notNull())
    .addColumn('display_cap', 'double precision')
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('pk_corrective_actions')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('quarter', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('kendala', 'text', (c) => c.notNull())
    .addColumn('solusi', 'text', (c) => c.notNull())
    .addColumn('rencana', 'text', (c) => c.notNull())
    .addColumn('pic_position_id', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // open | done
    .addColumn('result', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_by', 'text')
    .addColumn('done_at', 'text')
    .addPrimaryKeyConstraint('pk_corrective_actions_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('pk_corrective_actions_quarter_uq', ['tenant_id', 'indicator_id', 'quarter'])
    .addForeignKeyConstraint('pk_corrective_actions_indicator_fk', ['tenant_id', 'indicator_id'], 'pk_indicators', ['tenant_id', 'id'])
    .addForeignKeyConstraint('pk_corrective_actions_pic_fk', ['tenant_id', 'pic_position_id'], 'positions', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('pk_corrective_actions_status_idx').on('pk_corrective_actions').columns(['tenant_id', 'status', 'deadline']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Serasan migrations are append-only; restore a backup instead of migrating down.');
}
