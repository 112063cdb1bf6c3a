import type { Deps } from '../../deps.ts';
import type { ClaimedJob } from '../../jobs/jobs.queue.ts';
import type { JobRegistry } from '../../jobs/jobs.runner.ts';
import { auditRecorder } from '../audit/audit.writer.ts';
import { notify } from '../notifications/notify.ts';
import { pkRealisationRepo } from './pk-realisation.repo.ts';

export const PK_REPORT_DUE_SCAN_JOB = 'pk.reportDueScan';

const DAY_MS = 24 * 3600_000;
const WIB_OFFSET_MS = 7 * 3600_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The reporting deadline of a quarter: `dueDays` days after the quarter's last day (e.g. TW I → 10 April). */
export function quarterDeadline(year: number, quarter: number, dueDays: number): string {
  const lastDay = Date.UTC(year, quarter * 3, 0); // day 0 of the next month = last day of the quarter
  return isoDay(lastDay + dueDays * DAY_MS);
}

/**
 * The daily scan: for each quarter whose reporting deadline (config.pkReportDueDays after the
 * quarter ends) is at most config.pkRemindDaysBefore days away (dates in WIB), every signed PK of
 * that year with indicators lacking a submitted or verified value for the quarter notifies its
 * unit's operators and head, once per PK and quarter (outbox dedupe key), with an audit entry.
 */
export async function scanPkReportsDue(_job: ClaimedJob | null, deps: Deps): Promise<number> {
  const { db, clock, config } = deps;
  const nowWib = clock.now().getTime() + WIB_OFFSET_MS;
  const today = isoDay(nowWib);
  const year = new Date(nowWib).getUTCFullYear();
  let sent = 0;
  for (const [y, q] of [[year - 1, 4], [year, 1], [year, 2], [year, 3], [year, 4]] as const) {
    const due = quarterDeadline(y, q, config.pkReportDueDays);
    const from = isoDay(Date.parse(`${due}T00:00:00Z`) - config.pkRemindDaysBefore * DAY_MS);
    if (today < from || today > due) continue;
    const days = Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
    for (const pk of await pkRealisationRepo.signedPksMissingQuarter(db, y, q)) {
      await db.transaction().execute(async (tx) => {
        const outboxId = await notify(tx, clock, {
          tenantId: pk.tenantId,
          kind: 'pk.reportDue',
          recipients: { roles: ['unit_operator', 'unit_head'], unitIds: pk.unitId ? [pk.unitId] : [] },
          message: { key: 'pk.reportDue', params: { quarter: ['I', 'II', 'III', 'IV'][q - 1]!, year: y, position: pk.firstTitle, missing: Number(pk.missing), due: `#date:${due}`, days } },
          link: `/sakip/pk/${pk.id}/realisasi`,
          dedupeKey: `pk.reportDue:${pk.id}:${y}-${q}`,
        });
        if (outboxId) {
          sent++;
          await auditRecorder(tx, { tenantId: pk.tenantId, actorId: null, actorName: 'Serasan (jadwal harian)' }, clock).record({
            entityType: 'pk',
            entityId: pk.id,
            action: 'remind_report_due',
            changes: { quarter: { before: null, after: `${y}-TW${q}` }, outboxId: { before: null, after: outboxId } },
          });
        }
      });
    }
  }
  return sent;
}

export function registerPkRealisationJobs(registry: JobRegistry): void {
  registry.register(PK_REPORT_DUE_SCAN_JOB, async (job, deps) => {
    await scanPkReportsDue(job, deps);
  });
  // 07:00 WIB, before office hours.
  registry.daily(PK_REPORT_DUE_SCAN_JOB, 7);
}
