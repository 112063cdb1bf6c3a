import type { Deps } from '../../deps.ts';
import type { ClaimedJob } from '../../jobs/jobs.queue.ts';
import type { JobRegistry } from '../../jobs/jobs.runner.ts';
import { regionDate } from '../../../shared/region-time.ts';
import { auditRecorder } from '../audit/audit.writer.ts';
import { notify } from '../notifications/notify.ts';
import { pkSeasonRepo } from './pk-season.repo.ts';

export const PK_SIGN_LATE_SCAN_JOB = 'pk.signLateScan';

const STATUS_WORD = { none: 'belum dibuat', draft: 'draf', submitted: 'diajukan', agreed: 'disetujui' } as const;

/**
 * The daily scan of the signing season: once the region's calendar day is past the signing
 * deadline of its year (config `pkSignDeadline`, MM-DD, default 31 January), every top-level unit
 * whose head has no signed PK for that year is reminded (its unit head and operators), once per
 * unit and year (outbox dedupe key), each in its own transaction with its audit entry.
 */
export async function scanPkSignLate(_job: ClaimedJob, deps: Deps): Promise<void> {
  const { db, clock, config } = deps;
  for (const t of await pkSeasonRepo.tenants(db)) {
    const today = regionDate(clock.now(), t.regionCode);
    const year = Number(today.slice(0, 4));
    const deadline = `${year}-${config.pkSignDeadline}`;
    if (today <= deadline) continue;
    const [heads, pks] = await Promise.all([pkSeasonRepo.topLevelHeads(db, t.id), pkSeasonRepo.seasonPks(db, t.id, year)]);
    const current = new Map(pks.filter((p) => !p.replacedById && p.positionId).map((p) => [p.positionId!, p]));
    for (const h of heads) {
      const pk = current.get(h.positionId);
      // A signed PK, or one whose revision is pending while the signed original stands, is on time.
      if (pk?.status === 'signed' || (pk?.replacesId && pks.some((o) => o.id === pk.replacesId && o.status === 'signed'))) continue;
      const status = pk ? STATUS_WORD[pk.status as keyof typeof STATUS_WORD] : STATUS_WORD.none;
      await db.transaction().execute(async (tx) => {
        const outboxId = await notify(tx, clock, {
          tenantId: t.id,
          kind: 'pk.signLate',
          recipients: { roles: ['unit_head', 'unit_operator'], unitIds: [h.unitId] },
          message: { key: 'pk.signLate', params: { year, unit: h.unitName, position: h.positionTitle, status, deadline: `#date:${deadline}` } },
          link: pk ? `/sakip/pk/${pk.id}` : '/sakip',
          dedupeKey: `pk.signLate:${h.unitId}:${year}`,
        });
        if (outboxId) {
          await auditRecorder(tx, { tenantId: t.id, actorId: null, actorName: 'Serasan (jadwal harian)' }, clock).record({
            entityType: pk ? 'pk' : 'unit',
            entityId: pk?.id ?? h.unitId,
            action: 'remind_pk_unsigned',
            changes: { deadline: { before: null, after: deadline }, outboxId: { before: null, after: outboxId } },
          });
        }
      });
    }
  }
}

export function registerPkSeasonJobs(registry: JobRegistry): void {
  registry.register(PK_SIGN_LATE_SCAN_JOB, scanPkSignLate);
  // 07:00 WIB, before office hours.
  registry.daily(PK_SIGN_LATE_SCAN_JOB, 7);
}
