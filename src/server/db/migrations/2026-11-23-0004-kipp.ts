import type { Kysely } from 'kysely';

/** KIPP proposals (sections, versions, comments, attachments) and internal competitions. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('proposals')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('innovation_id', 'text', (c) => c.notNull())
    .addColumn('rulebook_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('based_on_id', 'text')
    .addColumn('competition_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('proposals_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('proposals_innovation_fk', ['tenant_id', 'innovation_id'], 'innovations', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('proposals_innovation_idx').on('proposals').columns(['tenant_id', 'innovation_id']).execute();
  await db.schema.createIndex('proposals_competition_idx').on('proposals').columns(['tenant_id', 'competition_id']).execute();

  await db.schema
    .createTable('proposal_sections')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('proposal_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('prefill_source', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('proposal_sections_pk', ['tenant_id', 'proposal_id', 'key'])
    .addForeignKeyConstraint('proposal_sections_proposal_fk', ['tenant_id', 'proposal_id'], 'proposals', ['tenant_id', 'id'])
    .execute();

  // Every save is a version: any two can be compared.
  await db.schema
    .createTable('proposal_versions')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('proposal_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text')
    .addColumn('saved_by_name', 'text')
    .addPrimaryKeyConstraint('proposal_versions_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('proposal_versions_uq').on('proposal_versions').columns(['tenant_id', 'proposal_id', 'key', 'version']).unique().execute();

  await db.schema
    .createTable('proposal_comments')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('proposal_id', 'text', (c) => c.notNull())
    .addColumn('section_key', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('author_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .addPrimaryKeyConstraint('proposal_comments_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('proposal_comments_idx').on('proposal_comments').columns(['tenant_id', 'proposal_id', 'section_key']).execute();

  await db.schema
    .createTable('proposal_attachments')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('proposal_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('evidence_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('proposal_attachments_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('proposal_attachments_evidence_fk', ['tenant_id', 'evidence_id'], 'evidence', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('proposal_attachments_idx').on('proposal_attachments').columns(['tenant_id', 'proposal_id', 'kind']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Serasan migrations are append-only; restore a backup instead of migrating down.');
}
