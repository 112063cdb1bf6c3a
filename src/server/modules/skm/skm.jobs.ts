import type { Deps } from '../../deps.ts';
import type { ClaimedJob } from '../../jobs/jobs.queue.ts';
import type { JobRegistry } from '../../jobs/jobs.runner.ts';
import { auditRecorder } from '../audit/audit.writer.ts';
import { notify } from '../notifications/notify.ts';
import { skmRepo } from './skm.repo.ts';
import { regionDate } from '../../../shared/region-time.ts';

/** Remind a unit this many days (or fewer) before its survey period ends. */
export const SKM_PERIOD_REMINDER_DAYS = 7;
export const SKM_PERIOD_SCAN_JOB = 'skm.periodEndingScan';

const DAY_MS = 24 * 3600_000;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/**
 * The daily scan: every open survey whose period ends within SKM_PERIOD_REMINDER_DAYS days
 * (today included, in the region's own day: WIB, WITA or WIT) notifies the unit's operators and
 * heads, once per survey (outbox dedupe key), each in its own transaction with its audit entry.
 */
export async function scanSkmPeriodsEnding(_job: ClaimedJob, deps: Deps): Promise<void> {
  const { db, clock } = deps;
  const now = clock.now();
  // WIB's day is the earliest in Indonesia and WIT's the latest: ask for the union, keep each region's own window.
  const candidates = await skmRepo.openSurveysEnding(db, regionDate(now, '31'), addDays(regionDate(now, '91'), SKM_PERIOD_REMINDER_DAYS));
  for (const s of candidates) {
    const today = regionDate(now, s.regionCode);
    if (s.periodEnd < today || s.periodEnd > addDays(today, SKM_PERIOD_REMINDER_DAYS)) continue;
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
