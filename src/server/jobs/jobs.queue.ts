import { sql } from 'kysely';
import type { DialectName, Executor } from '../db/db.ts';
import { forUpdateSkipLocked } from '../db/dialect.ts';
import { newId } from '../lib/ids.ts';
import type { Clock } from '../lib/clock.ts';
import type { JobStatus, JobTable } from './jobs.types.ts';

/**
 * The durable queue: Kysely only, no handlers here. Times are ISO text in UTC, so "due" and
 * "lease expired" are plain string comparisons on both databases.
 */

export interface EnqueueInput {
  kind: string;
  payload?: unknown;
  tenantId?: string | null;
  /** Default: now. */
  runAt?: Date;
  maxAttempts?: number;
  /** When set, a second enqueue with the same key is a no-op (answers null). */
  dedupeKey?: string | null;
}

export interface ClaimedJob {
  id: string;
  tenantId: string | null;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  leaseOwner: string;
  leaseUntil: string;
}

export const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * Enqueue inside the caller's transaction (pass `tx`), so a job exists exactly when the change
 * that asked for it commits.
 */
export async function enqueueJob(ex: Executor, clock: Clock, input: EnqueueInput): Promise<string | null> {
  const now = clock.now().toISOString();
  const id = newId();
  const result = await ex
    .insertInto('jobs')
    .values({
      id,
      tenantId: input.tenantId ?? null,
      kind: input.kind,
      payload: JSON.stringify(input.payload ?? {}),
      status: 'queued',
      runAt: (input.runAt ?? clock.now()).toISOString(),
      attempts: 0,
      maxAttempts: input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      leaseOwner: null,
      leaseUntil: null,
      lastError: null,
      dedupeKey: input.dedupeKey ?? null,
      createdAt: now,
      updatedAt: now,
      finishedAt: null,
    })
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? id : null;
}

/**
 * Claim up to `limit` due jobs for `owner` in one statement: queued or failed jobs whose time has
 * come, and running jobs whose lease has expired (their runner died). Each claim counts as an
 * attempt. PostgreSQL skips rows another runner is claiming at that moment; SQLite serialises
 * writers (dialect.ts), so two runners never hold the same job at once.
 */
export async function claimJobs(
  ex: Executor,
  dialect: DialectName,
  clock: Clock,
  opts: { owner: string; leaseMs: number; limit: number; kinds?: string[] },
): Promise<ClaimedJob[]> {
  const now = clock.now();
  const nowIso = now.toISOString();
  const leaseUntil = new Date(now.getTime() + opts.leaseMs).toISOString();
  let due = ex
    .selectFrom('jobs')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', 'in', ['queued', 'failed']), eb('runAt', '<=', nowIso)]),
        eb.and([eb('status', '=', 'running'), eb('leaseUntil', '<', nowIso)]),
      ]),
    )
    .orderBy('runAt')
    .orderBy('id')
    .limit(opts.limit);
  if (opts.kinds?.length) due = due.where('kind', 'in', opts.kinds);
  due = forUpdateSkipLocked(due, dialect);
  const rows = await ex
    .updateTable('jobs')
    .set({
      status: 'running',
      leaseOwner: opts.owner,
      leaseUntil,
      attempts: sql<number>`attempts + 1`,
      updatedAt: nowIso,
    })
    .where('id', 'in', due)
    // Re-checked on the row itself: on PostgreSQL a row changed after the sub-select is skipped.
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['queued', 'failed']),
        eb.and([eb('status', '=', 'running'), eb('leaseUntil', '<', nowIso)]),
      ]),
    )
    .returningAll()
    .execute();
  return rows
    .sort((a, b) => (a.runAt < b.runAt ? -1 : a.runAt > b.runAt ? 1 : a.id < b.id ? -1 : 1))
    .map((r) => ({
      id: r.id,
      tenantId: r.tenantId,
      kind: r.kind,
      payload: JSON.parse(r.payload),
      attempts: r.attempts,
      maxAttempts: r.maxAttempts,
      leaseOwner: opts.owner,
      leaseUntil,
    }));
}

/** Mark done, but only while `owner` still holds the lease (a runner that lost it changes nothing). */
export async function completeJob(ex: Executor, clock: Clock, job: ClaimedJob): Promise<boolean> {
  const now = clock.now().toISOString();
  const r = await ex
    .updateTable('jobs')
    .set({ status: 'done', finishedAt: now, updatedAt: now, leaseOwner: null, leaseUntil: null, lastError: null })
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('leaseOwner', '=', job.leaseOwner)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Exponential backoff: base × 2^(attempt−1), capped. */
export function backoffMs(attempt: number, baseMs: number, capMs = 6 * 60 * 60 * 1000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** A failed attempt: retried later with backoff, or `dead` once max_attempts are used up. */
export async function failJob(
  ex: Executor,
  clock: Clock,
  job: ClaimedJob,
  error: string,
  baseBackoffMs: number,
): Promise<JobStatus> {
  const now = clock.now();
  const isDead = job.attempts >= job.maxAttempts;
  const status: JobStatus = isDead ? 'dead' : 'failed';
  await ex
    .updateTable('jobs')
    .set({
      status,
      lastError: error.slice(0, 2000),
      runAt: isDead ? now.toISOString() : new Date(now.getTime() + backoffMs(job.attempts, baseBackoffMs)).toISOString(),
      finishedAt: isDead ? now.toISOString() : null,
      leaseOwner: null,
      leaseUntil: null,
      updatedAt: now.toISOString(),
    })
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('leaseOwner', '=', job.leaseOwner)
    .execute();
  return status;
}

export type JobRow = JobTable;
