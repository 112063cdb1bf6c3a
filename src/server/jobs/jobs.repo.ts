import { sql, type ExpressionBuilder } from 'kysely';
import type { DialectName, Executor } from '../db/db.ts';
import type { DB } from '../db/schema.ts';
import { orderByList, pageOf, type SortColumns } from '../lib/list.ts';
import type { LIST_SORTS, SortValue } from '../../shared/schemas/common.ts';
import type { JobStatus } from './jobs.types.ts';

type JobSortKey = (typeof LIST_SORTS.jobs.keys)[number];
const JOB_SORT: SortColumns<JobSortKey> = {
  updatedAt: { column: 'updatedAt' },
  createdAt: { column: 'createdAt' },
  runAt: { column: 'runAt' },
  kind: { column: 'kind', text: true },
  status: { column: 'status' },
};

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
  /** One page in the chosen order (most recently changed first by default). */
  page(db: Executor, scope: JobScope, f: { status?: JobStatus; page: number; pageSize: number; sort: SortValue<JobSortKey> }, dialect: DialectName) {
    let q = db.selectFrom('jobs').where(visible(scope));
    if (f.status) q = q.where('status', '=', f.status);
    return q.selectAll().$call((qb) => pageOf(orderByList(qb, f.sort, JOB_SORT, 'id', dialect), f)).execute();
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
