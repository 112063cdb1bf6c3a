import { sql } from 'kysely';
import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../errors.ts';
import type { Actor } from '../policy/actor.ts';
import { authorize } from '../policy/policy.ts';
import type { JobListQuery } from '../../shared/schemas/notifications.ts';
import { writeWithAudit } from '../modules/audit/audit.writer.ts';
import { who } from '../modules/org/org.service.ts';
import type { JobTable } from './jobs.types.ts';
import { orderByList, pageOf, type SortColumns } from '../lib/list.ts';
import type { LIST_SORTS } from '../../shared/schemas/common.ts';

const JOB_SORT: SortColumns<(typeof LIST_SORTS.jobs.keys)[number]> = {
  updatedAt: { column: 'updatedAt' },
  createdAt: { column: 'createdAt' },
  runAt: { column: 'runAt' },
  kind: { column: 'kind', text: true },
  status: { column: 'status' },
};

/**
 * The admin's view of background jobs: the tenant's own jobs only (system jobs with no tenant,
 * such as the daily scans, are visible to platform operators), and a retry for failed/dead ones.
 */
export function presentJob(j: JobTable) {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    isSystem: j.tenantId === null,
    attempts: j.attempts,
    maxAttempts: j.maxAttempts,
    runAt: j.runAt,
    lastError: j.lastError,
    createdAt: j.createdAt,
    updatedAt: j.updatedAt,
    finishedAt: j.finishedAt,
  };
}

export function createJobsService(deps: Deps) {
  const { db, clock } = deps;
  const visible = (actor: Actor) =>
    db.selectFrom('jobs').where((eb) => (actor.isPlatformAdmin ? eb.or([eb('tenantId', '=', actor.tenantId), eb('tenantId', 'is', null)]) : eb('tenantId', '=', actor.tenantId)));

  return {
    async list(actor: Actor, q: JobListQuery) {
      authorize(actor, 'job.read', { tenantId: actor.tenantId });
      let base = visible(actor);
      if (q.status) base = base.where('status', '=', q.status);
      const total = Number((await base.select(sql<number>`count(*)`.as('n')).executeTakeFirst())?.n ?? 0);
      const rows = await base.selectAll().$call((qb) => pageOf(orderByList(qb, q.sort, JOB_SORT, 'id', deps.dialect), q)).execute();
      const counts = await visible(actor).select(['status', sql<number>`count(*)`.as('n')]).groupBy('status').execute();
      return {
        items: rows.map(presentJob),
        total,
        page: q.page,
        pageSize: q.pageSize,
        counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
      };
    },

    /** Run a failed or dead job again now, with a fresh set of attempts. */
    async retry(actor: Actor, id: string, requestId?: string) {
      authorize(actor, 'job.manage', { tenantId: actor.tenantId });
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const job = await tx
          .selectFrom('jobs')
          .selectAll()
          .where('id', '=', id)
          .where((eb) => (actor.isPlatformAdmin ? eb.or([eb('tenantId', '=', actor.tenantId), eb('tenantId', 'is', null)]) : eb('tenantId', '=', actor.tenantId)))
          .executeTakeFirst();
        if (!job) throw notFound('job');
        if (job.status !== 'failed' && job.status !== 'dead') throw new AppError('CONFLICT', 'errors.jobNotRetryable', { status: job.status });
        const now = clock.now().toISOString();
        await tx
          .updateTable('jobs')
          .set({ status: 'queued', attempts: 0, runAt: now, finishedAt: null, updatedAt: now })
          .where('id', '=', id)
          .where('status', 'in', ['failed', 'dead'])
          .execute();
        await audit.record({ entityType: 'job', entityId: id, action: 'retry', changes: { status: { before: job.status, after: 'queued' }, kind: { before: job.kind, after: job.kind } } });
        return presentJob({ ...job, status: 'queued', attempts: 0, runAt: now, finishedAt: null, updatedAt: now });
      });
    },
  };
}
