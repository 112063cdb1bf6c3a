import type { Deps } from '../../deps.ts';
import type { ClaimedJob } from '../../jobs/jobs.queue.ts';
import type { JobRegistry } from '../../jobs/jobs.runner.ts';
import { auditRecorder } from '../audit/audit.writer.ts';
import { notify } from '../notifications/notify.ts';
import { skmRepo } from './skm.repo.ts';

/** Remind a unit this many days (or fewer) before its survey period ends. */
export const SKM_PERIOD_REMINDER_DAYS = 7;
export const SKM_PERIOD_SCAN_JOB = 'skm.periodEndingScan';

const DAY_MS = 24 * 3600_000;
const WIB_OFFSET_MS = 7 * 3600_000;

/**
 * The daily scan: every open survey whose period ends within SKM_PERIOD_REMINDER_DAYS days
 * (today included, dates in WIB) notifies the unit's operators and heads, once per survey
 * (outbox dedupe key), each in its own transaction with its audit entry.
 */
export async function scanSkmPeriodsEnding(_job: ClaimedJob, deps: Deps): Promise<void> {
  const { db, clock } = deps;
  const nowWib = new Date(clock.now().getTime() + WIB_OFFSET_MS);
  const today = nowWib.toISOString().slice(0, 10);
  const until = new Date(nowWib.getTime() + SKM_PERIOD_REMINDER_DAYS * DAY_MS).toISOString().slice(0, 10);
  const surveys = await skmRepo.openSurveysEnding(db, today, until);
  for (const s of surveys) {
    const days = Math.round((Date.parse(`${s.periodEnd}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
    await db.transaction().execute(async (tx) => {
      const outboxId = await notify(tx, clock, {
        tenantId: s.tenantId,
        kind: 'skm.periodEnding',
        recipients: { roles: ['unit_operator', 'unit_head'], unitIds: [s.unitId] },
        message: { key: 'skm.periodEnding', params: { service: s.service, unit: s.unit, end: `#date:${s.periodEnd}`, days, responses: s.n ?? 0 } },
        link: `/skm/${s.id}`,
        dedupeKey: `skm.periodEnding:${s.id}:${s.periodEnd}`,
      });
      if (outboxId) {
        await auditRecorder(tx, { tenantId: s.tenantId, actorId: null, actorName: 'Serasan (jadwal harian)' }, clock).record({
          entityType: 'skm_survey',
          entityId: s.id,
          action: 'remind_period_end',
          changes: { periodEnd: { before: null, after: s.periodEnd }, outboxId: { before: null, after: outboxId } },
        });
      }
    });
  }
}

export function registerSkmJobs(registry: JobRegistry): void {
  registry.register(SKM_PERIOD_SCAN_JOB, scanSkmPeriodsEnding);
  // 07:00 WIB, before office hours.
  registry.daily(SKM_PERIOD_SCAN_JOB, 7);
}
