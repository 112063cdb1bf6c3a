import type { Tx } from '../db/db.ts';
import { newId } from '../lib/ids.ts';
import { newSurveyCode } from '../modules/skm/skm.service.ts';
import { AGE_BANDS, EDUCATIONS, OCCUPATIONS, SEXES } from '../../shared/schemas/skm.ts';
import { seededRandom as rng } from '../lib/seeded-random.ts';

/**
 * Demo satisfaction surveys with generated answers (is_demo = 1, "data demo" in exports): four
 * services, quarterly from 2025 to the current quarter, a few dozen to a hundred-odd answers each,
 * with a weak unsur per service that improves over time, so trends and follow-up show something.
 */
const SERVICES = [
  { unit: { short: 'Disdukcapil' }, name: 'Perekaman KTP-el', weak: 'U3', base: 3.1, noFee: false },
  { unit: { short: 'Disdukcapil' }, name: 'Akta Kelahiran', weak: 'U2', base: 3.3, noFee: true },
  { unit: { short: 'RSUD dr. H.M. Rabain' }, name: 'Rawat Jalan', weak: 'U9', base: 2.9, noFee: false },
  { unit: { code: '16.03.02' }, name: 'PATEN (Pelayanan Administrasi Terpadu Kecamatan)', weak: 'U8', base: 3.0, noFee: false },
];


function quarters(today: string) {
  const out: Array<{ start: string; end: string; open: boolean }> = [];
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  for (let year = 2025; year <= y; year++) {
    for (let q = 0; q < 4; q++) {
      const startMonth = q * 3 + 1;
      if (year === y && startMonth > m) break;
      const endDay = new Date(Date.UTC(year, startMonth + 2, 0)).getUTCDate();
      const start = `${year}-${String(startMonth).padStart(2, '0')}-01`;
      const end = `${year}-${String(startMonth + 2).padStart(2, '0')}-${endDay}`;
      out.push({ start, end, open: today >= start && today <= end });
    }
  }
  return out;
}

export async function seedDemoSkm(tx: Tx, tenantId: string, now: string): Promise<number> {
  const units = await tx.selectFrom('units').select(['id', 'shortName', 'code']).where('tenantId', '=', tenantId).execute();
  const r = rng(16_03);
  let total = 0;
  for (const svc of SERVICES) {
    const unit = units.find((u) => ('short' in svc.unit ? u.shortName === svc.unit.short : u.code === svc.unit.code));
    if (!unit) continue;
    const serviceId = newId();
    await tx.insertInto('skmServices').values({ tenantId, id: serviceId, unitId: unit.id, name: svc.name, description: null, isActive: 1, createdAt: now, updatedAt: now }).execute();
    const active = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].filter((c) => !(svc.noFee && c === 'U4'));
    const periods = quarters(now.slice(0, 10));
    for (const [pi, p] of periods.entries()) {
      const surveyId = newId();
      await tx
        .insertInto('skmSurveys')
        .values({ tenantId, id: surveyId, serviceId, unitId: unit.id, code: newSurveyCode(), periodKind: 'triwulan', periodStart: p.start, periodEnd: p.end, population: 900 + Math.floor(r() * 900), rulebookId: 'skm-2017', activeUnsur: JSON.stringify(active), status: p.open ? 'open' : 'closed', isDemo: 1, createdBy: null, createdAt: now, updatedAt: now })
        .execute();
      const n = p.open ? 40 + Math.floor(r() * 40) : 90 + Math.floor(r() * 120);
      const sums: Record<string, number> = {};
      const counts: Record<string, number> = {};
      const profile = new Map<string, number>();
      const rows = [];
      for (let k = 0; k < n; k++) {
        const row: Record<string, unknown> = { tenantId, id: newId(), surveyId, submittedAt: `${p.start}T0${1 + (k % 8)}:00:00.000Z`, isDemo: 1 };
        for (let i = 1; i <= 9; i++) {
          const code = `U${i}`;
          if (!active.includes(code)) {
            row[`u${i}`] = null;
            continue;
          }
          // The weak unsur starts lower and improves as follow-up takes effect.
          const mean = code === svc.weak ? svc.base - 0.4 + pi * 0.06 : svc.base + 0.2 + (code === 'U4' ? 0.5 : 0);
          const v = Math.max(1, Math.min(4, Math.round(mean + (r() - 0.5) * 1.6)));
          row[`u${i}`] = v;
          sums[code] = (sums[code] ?? 0) + v;
          counts[code] = (counts[code] ?? 0) + 1;
        }
        const dims = { sex: SEXES[Math.floor(r() * 2)], ageBand: AGE_BANDS[Math.min(5, Math.floor(r() * r() * 8))], education: EDUCATIONS[Math.min(5, 1 + Math.floor(r() * 4))], occupation: OCCUPATIONS[Math.floor(r() * 6)] };
        Object.assign(row, dims, { suggestion: k % 17 === 0 ? 'Mohon antrean dipercepat pada jam sibuk. (data demo)' : null });
        for (const [d, v] of Object.entries(dims)) profile.set(`${d}|${v}`, (profile.get(`${d}|${v}`) ?? 0) + 1);
        rows.push(row);
      }
      for (let i = 0; i < rows.length; i += 100) await tx.insertInto('skmResponses').values(rows.slice(i, i + 100) as never).execute();
      const agg: Record<string, unknown> = { tenantId, surveyId, n, updatedAt: now };
      for (let i = 1; i <= 9; i++) {
        agg[`sU${i}`] = sums[`U${i}`] ?? 0;
        agg[`cU${i}`] = counts[`U${i}`] ?? 0;
      }
      await tx.insertInto('skmAggregates').values(agg as never).execute();
      for (const [key, count] of profile) {
        const [dimension, value] = key.split('|');
        await tx.insertInto('skmProfileCounts').values({ tenantId, surveyId, dimension, value, n: count }).execute();
      }
      total += n;
    }
  }
  return total;
}
