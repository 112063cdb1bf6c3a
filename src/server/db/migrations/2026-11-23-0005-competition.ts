import type { Kysely } from 'kysely';

/** Internal competitions: entries, judges with declared conflicts, scores, frozen decision. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('competitions')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('rulebook_id', 'text', (c) => c.notNull())
    .addColumn('registration_close', 'text', (c) => c.notNull())
    .addColumn('quota', 'integer', (c) => c.notNull())
    .addColumn('is_blind', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('margin', 'double precision', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('decision', 'text')
    .addColumn('decision_number', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('competitions_pk', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('competition_judges')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('competition_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('conflicts', 'text', (c) => c.notNull().defaultTo('[]'))
    .addPrimaryKeyConstraint('competition_judges_pk', ['tenant_id', 'competition_id', 'user_id'])
    .addForeignKeyConstraint('competition_judges_competition_fk', ['tenant_id', 'competition_id'], 'competitions', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('judge_scores')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('competition_id', 'text', (c) => c.notNull())
    .addColumn('proposal_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('scores', 'text', (c) => c.notNull())
    .addColumn('total', 'double precision', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('judge_scores_pk', ['tenant_id', 'competition_id', 'proposal_id', 'user_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Serasan migrations are append-only; restore a backup instead of migrating down.');
}
