import type { Kysely } from 'kysely';

/**
 * Official documents kit (tata naskah dinas): letterheads per tenant and unit, the numbering
 * register (templates, yearly counters, every issued or cancelled number), frozen issued documents
 * and the global verification-code table (a public QR link carries no tenant).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('doc_tenant_settings')
    .addColumn('tenant_id', 'text', (c) => c.notNull().primaryKey().references('tenants.id'))
    .addColumn('emblem_evidence_id', 'text')
    .addColumn('government_line', 'text') // "PEMERINTAH KABUPATEN MUARA ENIM"; null = derived from the tenant
    .addColumn('head_title', 'text') // "BUPATI MUARA ENIM" (emblem-only kop and the head-of-region signer)
    .addColumn('head_name', 'text') // the elected head of region (not an ASN: no NIP)
    .addColumn('place', 'text') // "Muara Enim": where documents are issued
    .addColumn('address', 'text')
    .addColumn('phone', 'text')
    .addColumn('website', 'text')
    .addColumn('email', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('doc_unit_letterheads')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text') // kode unit pengolah for document numbers
    .addColumn('address', 'text')
    .addColumn('phone', 'text')
    .addColumn('website', 'text')
    .addColumn('email', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('doc_unit_letterheads_pk', ['tenant_id', 'unit_id'])
    .addForeignKeyConstraint('doc_unit_letterheads_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('doc_number_templates')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('doc_number_templates_pk', ['tenant_id', 'doc_type'])
    .execute();

  await db.schema
    .createTable('doc_number_counters')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('doc_number_counters_pk', ['tenant_id', 'doc_type', 'year'])
    .execute();

  await db.schema
    .createTable('doc_numbers')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // issued | cancelled
    .addColumn('cancel_reason', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('cancelled_by', 'text')
    .addColumn('document_id', 'text')
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text')
    .addPrimaryKeyConstraint('doc_numbers_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('doc_numbers_seq_uq', ['tenant_id', 'doc_type', 'year', 'seq'])
    .execute();

  await db.schema
    .createTable('official_documents')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('number_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('issuer', 'text', (c) => c.notNull()) // office name snapshot
    .addColumn('signer', 'text', (c) => c.notNull()) // JSON snapshot of the signature block
    .addColumn('document_date', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('evidence_id', 'text', (c) => c.notNull())
    .addColumn('verification_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // issued | withdrawn
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_reason', 'text')
    .addColumn('withdrawn_by', 'text')
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addPrimaryKeyConstraint('official_documents_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('official_documents_number_fk', ['tenant_id', 'number_id'], 'doc_numbers', ['tenant_id', 'id'])
    .addForeignKeyConstraint('official_documents_evidence_fk', ['tenant_id', 'evidence_id'], 'evidence', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('official_documents_entity_idx').on('official_documents').columns(['tenant_id', 'entity_type', 'entity_id']).execute();

  // Global on purpose: the public verification link carries only the code.
  await db.schema
    .createTable('document_verifications')
    .addColumn('code', 'text', (c) => c.notNull().primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('document_verifications_document_fk', ['tenant_id', 'document_id'], 'official_documents', ['tenant_id', 'id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Serasan migrations are append-only; restore a backup instead of migrating down.');
}
