import { sql, type ExpressionBuilder } from 'kysely';
import type { Executor } from '../db/db.ts';
import type { DB } from '../db/schema.ts';
import type { JobStatus } from './jobs.types.ts';

/**
 * The admin's view of the jobs table; every function takes tenantId explicitly. `withSystem`
 * adds the system jobs (no tenant, such as the daily scans) that platform operators see.
 */
export interface JobScope {
  tenantId: string;
  withSystem: boolean;
}

const visible = (scope: JobScope) => (eb: ExpressionBuilder<DB, 'jobs'>) =>
  scope.withSystem ? eb.or([eb('tenantId', '=', scope.tenantId), eb('tenantId', 'is', null)]) : eb('tenantId', '=', scope.tenantId);

export const jobsRepo = {
  async count(db: Executor, scope: JobScope, status?: JobStatus) {
    let q = db.selectFrom('jobs').where(visible(scope));
    if (status) q = q.where('status', '=', status);
    return Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirst())?.n ?? 0);
  },
  /** One page, most recently changed first. */
  page(db: Executor, scope: JobScope, f: { status?: JobStatus; page: number; pageSize: number }) {
    let q = db.selectFrom('jobs').where(visible(scope));
    if (f.status) q = q.where('status', '=', f.status);
    return q.selectAll().orderBy('updatedAt', 'desc').orderBy('id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  },
  async countsByStatus(db: Executor, scope: JobScope) {
    const rows = await db.selectFrom('jobs').where(visible(scope)).select(['status', sql<number>`count(*)`.as('n')]).groupBy('status').execute();
    return Object.fromEntries(rows.map((c) => [c.status, Number(c.n)]));
  },
  find(db: Executor, scope: JobScope, id: string) {
    return db.selectFrom('jobs').selectAll().where('id', '=', id).where(visible(scope)).executeTakeFirst();
  },
  /** Queues a failed or dead job again now with a fresh set of attempts (no-op for any other status). */
  async requeue(db: Executor, scope: JobScope, id: string, now: string) {
    await db
      .updateTable('jobs')
      .set({ status: 'queued', attempts: 0, runAt: now, finishedAt: null, updatedAt: now })
      .where('id', '=', id)
      .where(visible(scope))
      .where('status', 'in', ['failed', 'dead'])
      .execute();
  },
};
