import type { Deps } from '../deps.ts';
import { AppError, notFound } from '../errors.ts';
import type { Actor } from '../policy/actor.ts';
import { authorize } from '../policy/policy.ts';
import type { JobListQuery } from '../../shared/schemas/notifications.ts';
import { writeWithAudit } from '../modules/audit/audit.writer.ts';
import { who } from '../modules/org/org.service.ts';
import type { JobTable } from './jobs.types.ts';
import { jobsRepo, type JobScope } from './jobs.repo.ts';

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
  const scopeOf = (actor: Actor): JobScope => ({ tenantId: actor.tenantId, withSystem: actor.isPlatformAdmin });

  return {
    async list(actor: Actor, q: JobListQuery) {
      authorize(actor, 'job.read', { tenantId: actor.tenantId });
      const scope = scopeOf(actor);
      const total = await jobsRepo.count(db, scope, q.status);
      const rows = await jobsRepo.page(db, scope, q, deps.dialect);
      const counts = await jobsRepo.countsByStatus(db, scope);
      return {
        items: rows.map(presentJob),
        total,
        page: q.page,
        pageSize: q.pageSize,
        counts,
      };
    },

    /** Run a failed or dead job again now, with a fresh set of attempts. */
    async retry(actor: Actor, id: string, requestId?: string) {
      authorize(actor, 'job.manage', { tenantId: actor.tenantId });
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const job = await jobsRepo.find(tx, scopeOf(actor), id);
        if (!job) throw notFound('job');
        if (job.status !== 'failed' && job.status !== 'dead') throw new AppError('CONFLICT', 'errors.jobNotRetryable', { status: job.status });
        const now = clock.now().toISOString();
        await jobsRepo.requeue(tx, scopeOf(actor), id, now);
        await audit.record({ entityType: 'job', entityId: id, action: 'retry', changes: { status: { before: job.status, after: 'queued' }, kind: { before: job.kind, after: job.kind } } });
        return presentJob({ ...job, status: 'queued', attempts: 0, runAt: now, finishedAt: null, updatedAt: now });
      });
    },
  };
}
