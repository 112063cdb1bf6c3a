import type Database from 'better-sqlite3';
import { pgFormPoolOf, sqliteHandleOf, type Db, type DialectName } from '../../db/db.ts';

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
 * - SQLite (in-process): one synchronous better-sqlite3 transaction of statements prepared once,
 *   run while holding Kysely's single connection (so no Kysely transaction is open beside it);
 *   a replayed token fails the primary key of skm_used_tokens and rolls that submission back.
 *   Submissions that arrive together share one commit (group commit, each in its own savepoint). Going
 *   around Kysely here saves its per-statement compile, plugin and async hand-offs, most of the
 *   write's cost (profiled with bench/skm-load.ts).
 * - PostgreSQL (every statement is a network round trip): one statement with data-modifying CTEs,
 *   sent in one round trip as a named prepared statement over the form's own small pool
 *   (Config.pgFormPoolSize) and committed on its own. The token insert does nothing on conflict
 *   (a concurrent insert of the same nonce waits for the other to commit, then does nothing), and
 *   every other part writes only when the token row was inserted.
 */
export function submissionWriter(db: Db, dialect: DialectName): StoreSubmission {
  if (dialect === 'postgres') return (r) => storePostgres(db, r);
  const raw = sqliteHandleOf(db);
  if (!raw) throw new Error('SQLite database without its better-sqlite3 handle');
  return sqliteWriter(db, raw);
}

/** Submissions that arrive together are committed together, at most this many per transaction. */
const SQLITE_BATCH_MAX = 64;

type Outcome = 'stored' | 'replayed' | { error: unknown };

function sqliteWriter(db: Db, raw: Database.Database): StoreSubmission {
  let writeBatch: ((rs: SubmissionRow[]) => Outcome[]) | undefined;
  // Prepared on first use: the tables exist once the migrations have run.
  const prepare = () => {
    const token = raw.prepare('insert into skm_used_tokens (nonce, survey_code, used_at) values (?, ?, ?)');
    const response = raw.prepare(`insert into skm_responses (tenant_id, id, survey_id, submitted_at, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, education, occupation, suggestion, is_demo)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`);
    const totals = raw.prepare(`update skm_aggregates set n = n + 1, updated_at = ?,
      s_u1 = s_u1 + ?, c_u1 = c_u1 + ?, s_u2 = s_u2 + ?, c_u2 = c_u2 + ?, s_u3 = s_u3 + ?, c_u3 = c_u3 + ?,
      s_u4 = s_u4 + ?, c_u4 = c_u4 + ?, s_u5 = s_u5 + ?, c_u5 = c_u5 + ?, s_u6 = s_u6 + ?, c_u6 = c_u6 + ?,
      s_u7 = s_u7 + ?, c_u7 = c_u7 + ?, s_u8 = s_u8 + ?, c_u8 = c_u8 + ?, s_u9 = s_u9 + ?, c_u9 = c_u9 + ?
      where tenant_id = ? and survey_id = ?`);
    // The ≤ 4 profile counters of a submission in one multi-row upsert, one statement per row count.
    const profileSql = (k: number) => `insert into skm_profile_counts (tenant_id, survey_id, dimension, value, n) values ${Array(k).fill('(?, ?, ?, ?, 1)').join(', ')}
      on conflict (tenant_id, survey_id, dimension, value) do update set n = skm_profile_counts.n + 1`;
    const profiles = [1, 2, 3, 4].map((k) => raw.prepare(profileSql(k)));
    const write = (r: SubmissionRow) => {
      const { v } = r;
      token.run(r.nonce, r.surveyCode, r.at);
      response.run(r.tenantId, r.id, r.surveyId, r.at, ...v, dim(r, 'sex'), dim(r, 'ageBand'), dim(r, 'education'), dim(r, 'occupation'), r.suggestion);
      const sums: Array<number> = [];
      for (const x of v) sums.push(x ?? 0, x === null ? 0 : 1);
      const changed = totals.run(r.at, ...sums, r.tenantId, r.surveyId).changes;
      if (changed !== 1) throw new Error(`skm_aggregates row missing for survey ${r.surveyId}`);
      if (r.profile.length) profiles[r.profile.length - 1]!.run(...r.profile.flatMap(([dimension, value]) => [r.tenantId, r.surveyId, dimension, value]));
    };
    // A nonce seen before: the same form sent twice (double tap, replay). The token is the first
    // write of a submission, so when it fails nothing of that submission was written.
    const isReplay = (e: unknown) => {
      const err = e as { code?: string; message?: string };
      return err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' && /skm_used_tokens/.test(err.message ?? '');
    };
    class Retry extends Error {}
    // The usual batch: no savepoints (they cost two statements per submission). A replay is
    // skipped (nothing of it was written); any other failure rolls the whole batch back ...
    const fast = raw.transaction((rs: SubmissionRow[]) =>
      rs.map((r): Outcome => {
        try {
          write(r);
          return 'stored';
        } catch (e) {
          if (isReplay(e)) return 'replayed';
          throw new Retry();
        }
      }),
    );
    // ... and the batch runs again with each submission in its own savepoint (better-sqlite3
    // nests a transaction as a savepoint), so the failure costs only that submission.
    const one = raw.transaction(write);
    const careful = raw.transaction((rs: SubmissionRow[]) =>
      rs.map((r): Outcome => {
        try {
          one(r);
          return 'stored';
        } catch (e) {
          return isReplay(e) ? 'replayed' : { error: e };
        }
      }),
    );
    return (rs: SubmissionRow[]): Outcome[] => {
      try {
        return fast(rs);
      } catch (e) {
        if (e instanceof Retry) return careful(rs);
        throw e;
      }
    };
  };

  // Group commit: submissions that arrive in the same turn of the event loop wait for one
  // setImmediate and are committed in one transaction (one WAL append instead of one per
  // submission). Each caller is answered only after that commit, so a 201 still means stored.
  let queue: Array<{ r: SubmissionRow; resolve: (x: 'stored' | 'replayed') => void; reject: (e: unknown) => void }> = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const items = queue.splice(0, SQLITE_BATCH_MAX);
    if (queue.length) schedule();
    // Kysely's single connection is held for the batch, so no Kysely transaction is open beside it.
    db.connection()
      .execute(async () => {
        writeBatch ??= prepare();
        return writeBatch(items.map((x) => x.r));
      })
      .then(
        (outcomes) =>
          outcomes.forEach((o, k) => {
            if (typeof o === 'string') items[k]!.resolve(o);
            else items[k]!.reject(o.error);
          }),
        (e) => items.forEach((x) => x.reject(e)),
      );
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };
  return (r) =>
    new Promise((resolve, reject) => {
      queue.push({ r, resolve, reject });
      schedule();
    });
}

/**
 * The PostgreSQL submission as one named prepared statement of fixed text (the profile rows go in
 * as two arrays), so each pooled connection parses and plans it once. Parameters: $1 nonce,
 * $2 survey code, $3 time, $4 tenant, $5 response id, $6 survey, $7–$15 U1…U9, $16–$19 profile
 * columns, $20 suggestion, $21–$38 the running-total increments (sum, count per unsur), $39/$40
 * the profile dimensions and values.
 */
const PG_SUBMIT = {
  name: 'serasan_skm_submit_v1',
  text: `
    with used as (
      insert into skm_used_tokens (nonce, survey_code, used_at) values ($1::text, $2::text, $3::text)
      on conflict (nonce) do nothing
      returning nonce
    ), resp as (
      insert into skm_responses (tenant_id, id, survey_id, submitted_at, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, education, occupation, suggestion, is_demo)
      select $4::text, $5::text, $6::text, $3::text, $7::int, $8::int, $9::int, $10::int, $11::int, $12::int, $13::int, $14::int, $15::int,
             $16::text, $17::text, $18::text, $19::text, $20::text, 0
      from used
      returning id
    ), agg as (
      update skm_aggregates set n = n + 1, updated_at = $3::text,
        s_u1 = s_u1 + $21::int, c_u1 = c_u1 + $22::int, s_u2 = s_u2 + $23::int, c_u2 = c_u2 + $24::int, s_u3 = s_u3 + $25::int, c_u3 = c_u3 + $26::int,
        s_u4 = s_u4 + $27::int, c_u4 = c_u4 + $28::int, s_u5 = s_u5 + $29::int, c_u5 = c_u5 + $30::int, s_u6 = s_u6 + $31::int, c_u6 = c_u6 + $32::int,
        s_u7 = s_u7 + $33::int, c_u7 = c_u7 + $34::int, s_u8 = s_u8 + $35::int, c_u8 = c_u8 + $36::int, s_u9 = s_u9 + $37::int, c_u9 = c_u9 + $38::int
      where tenant_id = $4::text and survey_id = $6::text and exists (select 1 from used)
      returning n
    ), prof as (
      insert into skm_profile_counts (tenant_id, survey_id, dimension, value, n)
      select $4::text, $6::text, p.d, p.v, 1
      from used, unnest($39::text[], $40::text[]) as p(d, v)
      on conflict (tenant_id, survey_id, dimension, value) do update set n = skm_profile_counts.n + 1
      returning 1
    )
    select (select count(*) from used)::int as used`,
};

async function storePostgres(db: Db, r: SubmissionRow): Promise<'stored' | 'replayed'> {
  const pool = pgFormPoolOf(db);
  if (!pool) throw new Error('PostgreSQL database without the survey form pool');
  const { v } = r;
  const sums: Array<number> = [];
  for (const x of v) sums.push(x ?? 0, x === null ? 0 : 1);
  const values = [
    r.nonce, r.surveyCode, r.at, r.tenantId, r.id, r.surveyId, ...v,
    dim(r, 'sex'), dim(r, 'ageBand'), dim(r, 'education'), dim(r, 'occupation'), r.suggestion,
    ...sums, r.profile.map(([d]) => d), r.profile.map(([, val]) => val),
  ];
  const res = await pool.query<{ used: number }>({ ...PG_SUBMIT, values });
  return Number(res.rows[0]?.used ?? 0) === 1 ? 'stored' : 'replayed';
}

function dim(r: SubmissionRow, d: string): string | null {
  return r.profile.find(([k]) => k === d)?.[1] ?? null;
}
