import { sql } from 'kysely';
import type { Db, DialectName } from '../../db/db.ts';

/** One accepted citizen's answers, checked already, ready to be stored with its token. */
export interface SubmissionRow {
  nonce: string;
  surveyCode: string;
  tenantId: string;
  surveyId: string;
  id: string;
  at: string;
  /** Answers to U1…U9 (null: unsur not asked). */
  v: ReadonlyArray<number | null>;
  profile: ReadonlyArray<readonly [dimension: string, value: string]>;
  suggestion: string | null;
}

/** 'replayed': the token was used before (nothing was written). */
export type StoreSubmission = (r: SubmissionRow) => Promise<'stored' | 'replayed'>;

/**
 * The public form's write: the used token, the response, the running totals and the profile
 * counters, all or nothing. One dialect helper, so the service stays portable:
 *
 * - SQLite (in-process, statements are cheap): one transaction of fixed SQL texts (prepared once);
 *   a replayed token fails the primary key of skm_used_tokens and rolls everything back.
 * - PostgreSQL (every statement is a network round trip): one statement with data-modifying CTEs,
 *   sent in one round trip and committed on its own. The token insert does nothing on conflict
 *   (a concurrent insert of the same nonce waits for the other to commit, then does nothing), and
 *   every other part writes only when the token row was inserted.
 */
export function submissionWriter(db: Db, dialect: DialectName): StoreSubmission {
  return dialect === 'postgres' ? (r) => storePostgres(db, r) : (r) => storeSqlite(db, r);
}

async function storeSqlite(db: Db, r: SubmissionRow): Promise<'stored' | 'replayed'> {
  const { v } = r;
  const a = v.map((x) => x ?? 0);
  const c = v.map((x) => (x === null ? 0 : 1));
  try {
    await db.transaction().execute(async (tx) => {
      await sql`insert into skm_used_tokens (nonce, survey_code, used_at) values (${r.nonce}, ${r.surveyCode}, ${r.at})`.execute(tx);
      await sql`insert into skm_responses (tenant_id, id, survey_id, submitted_at, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, education, occupation, suggestion, is_demo)
        values (${r.tenantId}, ${r.id}, ${r.surveyId}, ${r.at}, ${v[0]}, ${v[1]}, ${v[2]}, ${v[3]}, ${v[4]}, ${v[5]}, ${v[6]}, ${v[7]}, ${v[8]},
                ${dim(r, 'sex')}, ${dim(r, 'ageBand')}, ${dim(r, 'education')}, ${dim(r, 'occupation')}, ${r.suggestion}, 0)`.execute(tx);
      await sql`update skm_aggregates set n = n + 1, updated_at = ${r.at},
        s_u1 = s_u1 + ${a[0]}, c_u1 = c_u1 + ${c[0]}, s_u2 = s_u2 + ${a[1]}, c_u2 = c_u2 + ${c[1]}, s_u3 = s_u3 + ${a[2]}, c_u3 = c_u3 + ${c[2]},
        s_u4 = s_u4 + ${a[3]}, c_u4 = c_u4 + ${c[3]}, s_u5 = s_u5 + ${a[4]}, c_u5 = c_u5 + ${c[4]}, s_u6 = s_u6 + ${a[5]}, c_u6 = c_u6 + ${c[5]},
        s_u7 = s_u7 + ${a[6]}, c_u7 = c_u7 + ${c[6]}, s_u8 = s_u8 + ${a[7]}, c_u8 = c_u8 + ${c[7]}, s_u9 = s_u9 + ${a[8]}, c_u9 = c_u9 + ${c[8]}
        where tenant_id = ${r.tenantId} and survey_id = ${r.surveyId}`.execute(tx);
      for (const [dimension, value] of r.profile) {
        await sql`insert into skm_profile_counts (tenant_id, survey_id, dimension, value, n) values (${r.tenantId}, ${r.surveyId}, ${dimension}, ${value}, 1)
          on conflict (tenant_id, survey_id, dimension, value) do update set n = skm_profile_counts.n + 1`.execute(tx);
      }
    });
  } catch (e) {
    // A nonce seen before: the same form sent twice (double tap, replay).
    if (/unique|constraint/i.test(String((e as Error).message))) return 'replayed';
    throw e;
  }
  return 'stored';
}

async function storePostgres(db: Db, r: SubmissionRow): Promise<'stored' | 'replayed'> {
  const { v } = r;
  const a = v.map((x) => x ?? 0);
  const c = v.map((x) => (x === null ? 0 : 1));
  // The profile rows as a VALUES list (0–4 rows: at most five SQL texts in all).
  const profile = r.profile.length
    ? sql`, prof as (
        insert into skm_profile_counts (tenant_id, survey_id, dimension, value, n)
        select ${r.tenantId}::text, ${r.surveyId}::text, p.d, p.v, 1
        from used, (values ${sql.join(r.profile.map(([d, val]) => sql`(${d}::text, ${val}::text)`))}) as p(d, v)
        on conflict (tenant_id, survey_id, dimension, value) do update set n = skm_profile_counts.n + 1
        returning 1)`
    : sql``;
  const res = await sql<{ used: number }>`
    with used as (
      insert into skm_used_tokens (nonce, survey_code, used_at) values (${r.nonce}, ${r.surveyCode}, ${r.at})
      on conflict (nonce) do nothing
      returning nonce
    ), resp as (
      insert into skm_responses (tenant_id, id, survey_id, submitted_at, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, education, occupation, suggestion, is_demo)
      select ${r.tenantId}::text, ${r.id}::text, ${r.surveyId}::text, ${r.at}::text,
             ${v[0]}::int, ${v[1]}::int, ${v[2]}::int, ${v[3]}::int, ${v[4]}::int, ${v[5]}::int, ${v[6]}::int, ${v[7]}::int, ${v[8]}::int,
             ${dim(r, 'sex')}::text, ${dim(r, 'ageBand')}::text, ${dim(r, 'education')}::text, ${dim(r, 'occupation')}::text, ${r.suggestion}::text, 0
      from used
      returning id
    ), agg as (
      update skm_aggregates set n = n + 1, updated_at = ${r.at}::text,
        s_u1 = s_u1 + ${a[0]}::int, c_u1 = c_u1 + ${c[0]}::int, s_u2 = s_u2 + ${a[1]}::int, c_u2 = c_u2 + ${c[1]}::int, s_u3 = s_u3 + ${a[2]}::int, c_u3 = c_u3 + ${c[2]}::int,
        s_u4 = s_u4 + ${a[3]}::int, c_u4 = c_u4 + ${c[3]}::int, s_u5 = s_u5 + ${a[4]}::int, c_u5 = c_u5 + ${c[4]}::int, s_u6 = s_u6 + ${a[5]}::int, c_u6 = c_u6 + ${c[5]}::int,
        s_u7 = s_u7 + ${a[6]}::int, c_u7 = c_u7 + ${c[6]}::int, s_u8 = s_u8 + ${a[7]}::int, c_u8 = c_u8 + ${c[7]}::int, s_u9 = s_u9 + ${a[8]}::int, c_u9 = c_u9 + ${c[8]}::int
      where tenant_id = ${r.tenantId}::text and survey_id = ${r.surveyId}::text and exists (select 1 from used)
      returning n
    )${profile}
    select (select count(*) from used)::int as used`.execute(db);
  return Number(res.rows[0]?.used ?? 0) === 1 ? 'stored' : 'replayed';
}

function dim(r: SubmissionRow, d: string): string | null {
  return r.profile.find(([k]) => k === d)?.[1] ?? null;
}
