import type { Kysely } from 'kysely';

/**
 * 0022-lhe-issued: the LHE (laporan hasil evaluasi AKIP) of a unit-year, or of the pemda-level
 * self-evaluation, issued as an official document (type `laporan_hasil_evaluasi`): one row per
 * evaluation once issued, pointing to the frozen `official_documents` row (number, PDF hash,
 * verification code). `target` is the unit id or 'pemda' so the one-LHE-per-evaluation key is
 * a plain unique constraint on both databases (a nullable unit_id would not be unique).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sakip_lhe_issues')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull()) // unit id | 'pemda'
    .addColumn('unit_id', 'text') // null = pemda
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('document_date', 'text', (c) => c.notNull()) // YYYY-MM-DD, the region's day
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text')
    .addPrimaryKeyConstraint('sakip_lhe_issues_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('sakip_lhe_issues_target_uq', ['tenant_id', 'target', 'year'])
    .addForeignKeyConstraint('sakip_lhe_issues_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'id'])
    .addForeignKeyConstraint('sakip_lhe_issues_document_fk', ['tenant_id', 'document_id'], 'official_documents', ['tenant_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sakip_lhe_issues').execute();
}
