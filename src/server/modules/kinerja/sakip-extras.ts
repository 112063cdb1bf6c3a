import type { Deps } from '../../deps.ts';
import type { PkIndicatorTable } from '../../db/schema.ts';
import { budgetOf, loadPlan } from './plan.service.ts';
import { planRepo } from './plan.repo.ts';
import { pkRealisationRepo } from './pk-realisation.repo.ts';
import { kinerjaRepo } from './kinerja.repo.ts';
import type { CorrectiveAction, SakipExtras } from './sakip-reports.service.ts';

/** Names compared as people type them: case, spaces and punctuation do not matter. */
const norm = (s: string) => s.toLocaleLowerCase('id-ID').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The SAKIP reports' inputs from the other parts of the module (issue 11): the plan's medium-term
 * targets and budgets (`plan.*`) and the corrective actions of red quarters (`pk-realisation.*`).
 *
 * - Medium-term target: a PK indicator linked to its plan indicator (`plan_indicator_id`, set when it
 *   is drawn from the plan) gets that indicator's final target at its period's end year, whatever
 *   the names say. An unlinked indicator (typed by hand, or whose plan indicator was deleted) falls
 *   back to the plan indicator of the same name (case and punctuation ignored), as a planner would
 *   match by hand. Two queries at most, whatever the number of periods.
 * - Budget: the sum of the unit's programmes (pagu and realisasi, `budgetOf`: own row, else the sum
 *   of its kegiatan/sub-kegiatan) for the year; the pemda's = all units. Null when the plan has none;
 *   realised null when no realisasi anggaran is recorded (the LKjIP says "belum tersedia", not 0 %).
 * - Corrective actions: the quarter's action per indicator, with the PIC position's title.
 */
export function sakipExtras(deps: Deps): SakipExtras {
  const { db } = deps;
  return {
    async mediumTermTargets(tenantId: string, indicators: PkIndicatorTable[]) {
      const out = new Map<string, { target: number; year: number }>();
      if (!indicators.length) return out;
      // The link first: one query for every linked indicator's plan indicator.
      const linked = new Map((await kinerjaRepo.planFinalTargets(db, tenantId, indicators.map((i) => i.planIndicatorId).filter((x): x is string => !!x))).map((p) => [p.id, p]));
      const unlinked: PkIndicatorTable[] = [];
      for (const i of indicators) {
        const p = i.planIndicatorId ? linked.get(i.planIndicatorId) : undefined;
        // A link whose plan indicator is gone reads as unlinked; a linked one without a final target has none.
        if (!p) unlinked.push(i);
        else if (p.finalTarget !== null) out.set(i.id, { target: p.finalTarget, year: p.endYear });
      }
      if (!unlinked.length) return out;
      // Fallback for hand-typed indicators: the plan indicator of the same name (earliest period first).
      const byName = new Map<string, { target: number; year: number }>();
      for (const p of await kinerjaRepo.planFinalTargets(db, tenantId, 'all')) {
        const key = norm(p.name);
        if (!byName.has(key)) byName.set(key, { target: p.finalTarget!, year: p.endYear });
      }
      for (const i of unlinked) {
        const t = byName.get(norm(i.name));
        if (t) out.set(i.id, t);
      }
      return out;
    },

    async budget(tenantId: string, unitId: string | null, year: number) {
      const period = await planRepo.periodOfYear(db, tenantId, year);
      if (!period) return null;
      const plan = await loadPlan(db, tenantId, period, unitId ?? undefined);
      let pagu = 0;
      let realised = 0;
      let any = false;
      let anyRealised = false;
      for (const p of plan.programs.filter((x) => x.level === 'program')) {
        const b = budgetOf(plan, p.id, year);
        if (b.pagu === null) continue;
        any = true;
        pagu += b.pagu;
        if (b.realisasi !== null) {
          anyRealised = true;
          realised += b.realisasi;
        }
      }
      // No realisasi anggaran recorded yet: "belum tersedia", not 0 %.
      return any ? { pagu, realised: anyRealised ? realised : null } : null;
    },

    async correctiveActions(tenantId: string, indicatorIds: string[], _year: number, quarter: number) {
      const rows = (await Promise.all(indicatorIds.map((id) => pkRealisationRepo.correctiveActionFor(db, tenantId, id, quarter)))).filter((x) => !!x);
      const titles = new Map<string, string>();
      for (const r of rows) {
        if (!titles.has(r.picPositionId)) titles.set(r.picPositionId, (await kinerjaRepo.position(db, tenantId, r.picPositionId))?.title ?? '—');
      }
      return rows.map(
        (r): CorrectiveAction => ({ indicatorId: r.indicatorId, quarter: r.quarter, kendala: r.kendala, solusi: r.solusi, tindakLanjut: r.rencana, pic: titles.get(r.picPositionId) ?? '—', due: r.deadline }),
      );
    },
  };
}
