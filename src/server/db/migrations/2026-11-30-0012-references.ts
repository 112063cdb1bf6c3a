import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

/**
 * Composite references (tenant_id, x_id) that the first schema left to the services (issue 9,
 * item 9): a row may only point at a row of its own tenant, or at none.
 *
 * PostgreSQL: real foreign keys, added NOT VALID so an installation with an old dangling row
 * still migrates; every new or changed row is checked. SQLite cannot add a foreign key without
 * rebuilding the table (and `users` is referenced by many tables), so it gets the same check as
 * BEFORE INSERT / BEFORE UPDATE triggers on the referencing table. Parents are never deleted by
 * the app (units, positions, people… are retired, not removed), so the child side is what matters.
 */
export const TENANT_REFERENCES: ReadonlyArray<{ table: string; column: string; parent: string }> = [
  { table: 'users', column: 'person_id', parent: 'people' },
  { table: 'skm_actions', column: 'owner_position_id', parent: 'positions' },
  { table: 'skm_surveys', column: 'unit_id', parent: 'units' },
  { table: 'skm_responses', column: 'survey_id', parent: 'skm_surveys' },
  { table: 'skm_aggregates', column: 'survey_id', parent: 'skm_surveys' },
  { table: 'skm_profile_counts', column: 'survey_id', parent: 'skm_surveys' },
  { table: 'proposals', column: 'based_on_id', parent: 'proposals' },
  { table: 'proposals', column: 'competition_id', parent: 'competitions' },
  { table: 'proposal_versions', column: 'proposal_id', parent: 'proposals' },
  { table: 'proposal_comments', column: 'proposal_id', parent: 'proposals' },
  { table: 'proposal_attachments', column: 'proposal_id', parent: 'proposals' },
  { table: 'judge_scores', column: 'competition_id', parent: 'competitions' },
  { table: 'judge_scores', column: 'proposal_id', parent: 'proposals' },
  { table: 'doc_tenant_settings', column: 'emblem_evidence_id', parent: 'evidence' },
  { table: 'doc_numbers', column: 'unit_id', parent: 'units' },
  { table: 'official_documents', column: 'unit_id', parent: 'units' },
];

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = (await dialectOf(db)) === 'postgres';
  for (const { table, column, parent } of TENANT_REFERENCES) {
    const name = `${table}_${column}_fk`;
    if (postgres) {
      await sql`alter table ${sql.table(table)} add constraint ${sql.ref(name)} foreign key (tenant_id, ${sql.ref(column)}) references ${sql.table(parent)} (tenant_id, id) not valid`.execute(db);
      continue;
    }
    const check = sql`when new.${sql.ref(column)} is not null and not exists (select 1 from ${sql.table(parent)} p where p.tenant_id = new.tenant_id and p.id = new.${sql.ref(column)})
      begin select raise(abort, ${sql.lit(`FOREIGN KEY constraint failed: ${table}.${column}`)}); end`;
    await sql`create trigger ${sql.ref(`${name}_insert`)} before insert on ${sql.table(table)} for each row ${check}`.execute(db);
    await sql`create trigger ${sql.ref(`${name}_update`)} before update of tenant_id, ${sql.ref(column)} on ${sql.table(table)} for each row ${check}`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Serasan migrations are append-only; restore a backup instead of migrating down.');
}
