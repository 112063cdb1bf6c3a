import { sql, type Kysely } from 'kysely';
import { newId } from '../../lib/ids.ts';

/**
 * One answers store for every assessment worksheet (IID, LKE AKIP, LKE ZI, RB …): per question
 * the unit's own answer and the evaluator's answer, each with its note, who and when. Evidence is
 * linked once through `evidence_links` (entity_type 'assessment_answer'), never copied, so one
 * record can back criteria in many worksheets. Replaces `iid_answers`, whose rows move here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assessment_answers')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('worksheet_kind', 'text', (c) => c.notNull()) // 'iid', 'lke_akip', 'lke_zi' …
    .addColumn('scope', 'text', (c) => c.notNull()) // 'innovation:<id>', 'region:2026', 'unit:<id>:2026' …
    .addColumn('rulebook_id', 'text', (c) => c.notNull())
    .addColumn('question_code', 'text', (c) => c.notNull())
    .addColumn('own_value', 'text')
    .addColumn('own_basis', 'text')
    .addColumn('own_note', 'text')
    .addColumn('own_by', 'text')
    .addColumn('own_at', 'text')
    .addColumn('eval_value', 'text')
    .addColumn('eval_basis', 'text')
    .addColumn('eval_note', 'text')
    .addColumn('eval_by', 'text')
    .addColumn('eval_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_answers_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('assessment_answers_uq')
    .on('assessment_answers')
    .columns(['tenant_id', 'worksheet_kind', 'scope', 'rulebook_id', 'question_code'])
    .unique()
    .execute();
  // "Evidence used by": from one evidence record to every record (answer) it backs.
  await db.schema.createIndex('evidence_links_evidence_idx').on('evidence_links').columns(['tenant_id', 'evidence_id']).execute();

  // Move the IID answers (portable SQL: one insert … select, CAST to text on both databases).
  await sql`
    insert into assessment_answers
      (tenant_id, id, worksheet_kind, scope, rulebook_id, question_code, own_value, own_basis, own_note, own_at, created_at, updated_at)
    select tenant_id, id, 'iid', scope, rulebook_id, indicator,
           case when choice > 0 then cast(choice as text) else null end,
           basis, note, updated_at, updated_at, updated_at
    from iid_answers`.execute(db);
  // Their evidence lists (a JSON array per row) become links; JSON is read here, not in SQL,
  // because json_each / jsonb_array_elements differ between the dialects.
  // (The app's Kysely instance maps camelCase names to snake_case columns, both ways.)
  const rows = await db.selectFrom('iid_answers').select(['tenantId', 'id', 'evidenceIds', 'updatedAt']).where('evidenceIds', '!=', '[]').execute();
  for (const r of rows) {
    const ids = [...new Set(JSON.parse(r.evidenceIds) as string[])];
    for (const evidenceId of ids) {
      const ev = await db.selectFrom('evidence').select('id').where('tenantId', '=', r.tenantId).where('id', '=', evidenceId).executeTakeFirst();
      if (!ev) continue; // a dangling id (never possible through the API) is dropped, not invented
      await db
        .insertInto('evidence_links')
        .values({ tenantId: r.tenantId, id: newId(), evidenceId, entityType: 'assessment_answer', entityId: r.id, createdAt: r.updatedAt })
        .execute();
    }
  }
  await db.schema.dropTable('iid_answers').execute();
}

export async function down(): Promise<void> {
  throw new Error('Serasan migrations are append-only; restore a backup instead of migrating down.');
}
