import { sql, type Kysely } from 'kysely';

/** Inovasi Daerah: records, innovators, reviews, index answers, replications, search index. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('innovations')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('acronym', 'text')
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('initiator_class', 'text', (c) => c.notNull().defaultTo('opd'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('is_digital', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('urusan_main', 'text')
    .addColumn('urusan_other', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('initiated_on', 'text', (c) => c.notNull())
    .addColumn('trial_on', 'text')
    .addColumn('applied_on', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('goals', 'text')
    .addColumn('benefits', 'text')
    .addColumn('results', 'text')
    .addColumn('legal_basis_doc', 'text')
    .addColumn('legal_basis_level', 'text')
    .addColumn('budget', 'double precision')
    .addColumn('video_url', 'text')
    .addColumn('lifecycle', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('retired_reason', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('source_note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addPrimaryKeyConstraint('innovations_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('innovations_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('innovations_status_idx').on('innovations').columns(['tenant_id', 'status', 'year']).execute();
  await db.schema.createIndex('innovations_unit_idx').on('innovations').columns(['tenant_id', 'unit_id']).execute();
  await db.schema.createIndex('innovations_public_idx').on('innovations').columns(['status', 'published_at']).execute();

  await db.schema
    .createTable('innovation_innovators')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('innovation_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('external_name', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('innovation_innovators_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('innovation_innovators_innovation_fk', ['tenant_id', 'innovation_id'], 'innovations', ['tenant_id', 'id'])
    .addForeignKeyConstraint('innovation_innovators_person_fk', ['tenant_id', 'person_id'], 'people', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('innovation_innovators_idx').on('innovation_innovators').columns(['tenant_id', 'innovation_id']).execute();

  await db.schema
    .createTable('innovation_reviews')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('innovation_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('innovation_reviews_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('innovation_reviews_innovation_fk', ['tenant_id', 'innovation_id'], 'innovations', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('innovation_reviews_idx').on('innovation_reviews').columns(['tenant_id', 'innovation_id', 'at']).execute();

  // Index answers: per innovation (SID) or per region and year (SPD), per rulebook.
  await db.schema
    .createTable('iid_answers')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('rulebook_id', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull()) // 'innovation:<id>' | 'region:<year>'
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('choice', 'integer', (c) => c.notNull())
    .addColumn('basis', 'text')
    .addColumn('evidence_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('note', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('iid_answers_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('iid_answers_uq').on('iid_answers').columns(['tenant_id', 'scope', 'rulebook_id', 'indicator']).unique().execute();

  await db.schema
    .createTable('innovation_replications')
    .addColumn('tenant_id', 'text', (c) => c.notNull()) // tenant of the replicating record
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('innovation_id', 'text', (c) => c.notNull())
    .addColumn('origin_tenant_id', 'text')
    .addColumn('origin_innovation_id', 'text')
    .addColumn('external_origin', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('confirmed_by', 'text')
    .addPrimaryKeyConstraint('innovation_replications_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('innovation_replications_innovation_fk', ['tenant_id', 'innovation_id'], 'innovations', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('innovation_replications_uq').on('innovation_replications').columns(['tenant_id', 'innovation_id']).unique().execute();
  await db.schema.createIndex('innovation_replications_origin_idx').on('innovation_replications').columns(['origin_tenant_id', 'origin_innovation_id']).execute();

  // Full-text search over stemmed text (sastrawijs): FTS5 on SQLite, tsvector('simple') + GIN on
  // PostgreSQL. `scope` holds tokens for the tenant and for "published", so a query restricted
  // to one region or to public records intersects posting lists instead of filtering afterwards.
  const isPostgres = db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres');
  await db.schema
    .createTable('innovation_search')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('innovation_id', 'text', (c) => c.notNull())
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('stems', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('innovation_search_pk', ['tenant_id', 'innovation_id'])
    .execute();
  if (isPostgres) {
    await sql`alter table innovation_search add column tsv tsvector generated always as (to_tsvector('simple', stems || ' ' || scope)) stored`.execute(db);
    await sql`create index innovation_search_tsv_idx on innovation_search using gin (tsv)`.execute(db);
  } else {
    await sql`create virtual table innovation_fts using fts5(body, tenant_id unindexed, innovation_id unindexed, tokenize = 'unicode61', detail = 'column')`.execute(db);
  }
  // Document frequency per stem across all records: "similar" queries use a draft's rarest terms.
  // Derived statistics, not tenant data.
  await db.schema
    .createTable('search_terms')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('df', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Serasan migrations are append-only; restore a backup instead of migrating down.');
}
