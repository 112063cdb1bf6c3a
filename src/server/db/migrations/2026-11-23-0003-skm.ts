import type { Kysely } from 'kysely';

/** Survei Kepuasan Masyarakat: services, surveys, responses, incremental aggregates, follow-up. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('skm_services')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('skm_services_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('skm_services_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('skm_services_unit_uq').on('skm_services').columns(['tenant_id', 'unit_id', 'name']).unique().execute();

  await db.schema
    .createTable('skm_surveys')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    // Short public code for the form link and QR poster; looked up without a tenant.
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('period_kind', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('population', 'integer')
    .addColumn('rulebook_id', 'text', (c) => c.notNull())
    .addColumn('active_unsur', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('skm_surveys_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('skm_surveys_service_fk', ['tenant_id', 'service_id'], 'skm_services', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('skm_surveys_code_uq').on('skm_surveys').column('code').unique().execute();
  await db.schema.createIndex('skm_surveys_unit_idx').on('skm_surveys').columns(['tenant_id', 'unit_id', 'period_start']).execute();

  const responses = db.schema
    .createTable('skm_responses')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull());
  let r = responses;
  // One column per unsur code (answers are stored by code, never by position).
  for (let i = 1; i <= 9; i++) r = r.addColumn(`u${i}`, 'integer');
  await r
    .addColumn('sex', 'text')
    .addColumn('age_band', 'text')
    .addColumn('education', 'text')
    .addColumn('occupation', 'text')
    .addColumn('suggestion', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('skm_responses_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('skm_responses_survey_idx').on('skm_responses').columns(['tenant_id', 'survey_id', 'submitted_at']).execute();

  // Running totals, updated in the same transaction as each response: results never recount.
  let a = db.schema
    .createTable('skm_aggregates')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull().defaultTo(0));
  for (let i = 1; i <= 9; i++) a = a.addColumn(`s_u${i}`, 'integer', (c) => c.notNull().defaultTo(0)).addColumn(`c_u${i}`, 'integer', (c) => c.notNull().defaultTo(0));
  await a.addColumn('updated_at', 'text').addPrimaryKeyConstraint('skm_aggregates_pk', ['tenant_id', 'survey_id']).execute();

  await db.schema
    .createTable('skm_profile_counts')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('skm_profile_counts_pk', ['tenant_id', 'survey_id', 'dimension', 'value'])
    .execute();

  // Single-use form tokens: a nonce is written when its submission is stored.
  await db.schema
    .createTable('skm_used_tokens')
    .addColumn('nonce', 'text', (c) => c.primaryKey())
    .addColumn('survey_code', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text', (c) => c.notNull())
    .execute();

  // Rejected submissions, counted per survey code, day and reason (no personal data).
  await db.schema
    .createTable('skm_rejections')
    .addColumn('survey_code', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('skm_rejections_pk', ['survey_code', 'day', 'reason'])
    .execute();

  await db.schema
    .createTable('skm_actions')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('unsur', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('owner_position_id', 'text')
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('rencana'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('skm_actions_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('skm_actions_survey_fk', ['tenant_id', 'survey_id'], 'skm_surveys', ['tenant_id', 'id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Serasan migrations are append-only; restore a backup instead of migrating down.');
}
