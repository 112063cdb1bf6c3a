import { sql, type Kysely } from 'kysely';

/**
 * Workflow: one review log for every state machine (innovation now, PK signing, TPI review and
 * action plans later), and competition entries that pin the proposal version that is scored.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Polymorphic on purpose (entity_type, entity_id): one timeline table for every workflow, so no
  // foreign key to the entity; tenant_id leads every key.
  await db.schema
    .createTable('review_log')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('review_log_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('review_log_entity_idx').on('review_log').columns(['tenant_id', 'entity_type', 'entity_id', 'at']).execute();

  // The innovation timeline moves into the review log (same ids, so links stay valid); nothing
  // else reads innovation_reviews, so it is dropped.
  await sql`insert into review_log (tenant_id, id, entity_type, entity_id, from_state, to_state, action, actor_id, actor_name, at, note)
    select tenant_id, id, 'innovation', innovation_id, from_status, to_status, action, actor_id, actor_name, at, comment from innovation_reviews`.execute(db);
  await db.schema.dropTable('innovation_reviews').execute();

  // One row per proposal entered in a competition. The unique key (competition, innovation) stops
  // an innovation entering the same competition twice, even with two different proposals.
  // `version` is the proposal's revision (its count of saved section versions) at entry;
  // `section_versions` maps each section to the version judges read and score (JSON text).
  await db.schema
    .createTable('competition_entries')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('competition_id', 'text', (c) => c.notNull())
    .addColumn('proposal_id', 'text', (c) => c.notNull())
    .addColumn('innovation_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('section_versions', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text')
    .addPrimaryKeyConstraint('competition_entries_pk', ['tenant_id', 'competition_id', 'proposal_id'])
    .addUniqueConstraint('competition_entries_innovation_uq', ['tenant_id', 'competition_id', 'innovation_id'])
    .addForeignKeyConstraint('competition_entries_competition_fk', ['tenant_id', 'competition_id'], 'competitions', ['tenant_id', 'id'])
    .addForeignKeyConstraint('competition_entries_proposal_fk', ['tenant_id', 'proposal_id'], 'proposals', ['tenant_id', 'id'])
    .addForeignKeyConstraint('competition_entries_innovation_fk', ['tenant_id', 'innovation_id'], 'innovations', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('competition_entries_proposal_idx').on('competition_entries').columns(['tenant_id', 'proposal_id']).execute();

  // Existing entries (proposals.competition_id) become entry rows: the first proposal (lowest id)
  // per innovation and competition; a second proposal of the same innovation is taken out of the
  // competition (it could not have entered under the new rule).
  await sql`insert into competition_entries (tenant_id, competition_id, proposal_id, innovation_id, title, version, section_versions, entered_at, entered_by)
    select p.tenant_id, p.competition_id, p.id, p.innovation_id, p.title,
      (select count(*) from proposal_versions v where v.tenant_id = p.tenant_id and v.proposal_id = p.id), '{}', p.updated_at, null
    from proposals p
    where p.competition_id is not null
      and p.id = (select min(q.id) from proposals q where q.tenant_id = p.tenant_id and q.competition_id = p.competition_id and q.innovation_id = p.innovation_id)`.execute(db);
  await sql`update proposals set competition_id = null
    where competition_id is not null
      and not exists (select 1 from competition_entries e where e.tenant_id = proposals.tenant_id and e.competition_id = proposals.competition_id and e.proposal_id = proposals.id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Serasan migrations are append-only; restore a backup instead of migrating down.');
}
