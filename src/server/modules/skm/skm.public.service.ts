import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { ODBL_ATTRIBUTION } from '../../lib/open-data.ts';
import { computeIkm } from '../../rules/skm/index.ts';
import { rulebookOf, totalsOf } from './skm.service.ts';
import { skmRepo } from './skm.repo.ts';

/**
 * Public SKM results of one region (no sign-in): the current IKM and mutu per service (its
 * latest survey with answers) and per unit, with the trend over periods.
 */
export function createSkmPublicService(deps: Deps) {
  const { db } = deps;

  async function results(region: string) {
    const tenant = await skmRepo.tenantByRegion(db, region);
    if (!tenant) throw notFound('tenant');
    const rows = await skmRepo.surveysWithAnswers(db, tenant.id);
    const resultOf = (rs: typeof rows) => {
      const rb = rulebookOf(rs[0].rulebookId);
      const active = rb.body.unsur.map((u) => u.code).filter((c) => rs.some((x) => (JSON.parse(x.activeUnsur) as string[]).includes(c)));
      const { totals, n } = totalsOf(rs);
      return computeIkm(rb, active, totals, n);
    };
    const byService = new Map<string, typeof rows>();
    for (const row of rows) byService.set(row.serviceId, [...(byService.get(row.serviceId) ?? []), row]);
    const items = [...byService.values()].map((list) => {
      const latest = list.at(-1)!;
      const res = resultOf([latest]);
      return {
        unitName: latest.unitName,
        serviceName: latest.serviceName,
        surveyId: latest.surveyId,
        periodStart: latest.periodStart,
        periodEnd: latest.periodEnd,
        n: res.n,
        ikmConverted: res.ikmConverted,
        mutu: res.mutu,
        kinerja: res.kinerja,
        isDemo: latest.isDemo === 1,
        trend: list.map((x) => {
          const t = resultOf([x]);
          return { periodStart: x.periodStart, periodEnd: x.periodEnd, n: t.n, ikmConverted: t.ikmConverted, mutu: t.mutu };
        }),
      };
    });
    // Per unit: every survey of the latest year with answers, taken together.
    const latestYear = rows.length ? rows.at(-1)!.periodStart.slice(0, 4) : null;
    const byUnit = new Map<string, typeof rows>();
    for (const row of rows.filter((x) => x.periodStart.startsWith(latestYear ?? ''))) byUnit.set(row.unitId, [...(byUnit.get(row.unitId) ?? []), row]);
    const units = [...byUnit.values()].map((list) => {
      const res = resultOf(list);
      return { unitName: list[0].unitName, year: Number(latestYear), surveys: list.length, n: res.n, ikmConverted: res.ikmConverted, mutu: res.mutu, kinerja: res.kinerja };
    });
    return {
      regionCode: tenant.regionCode,
      regionName: tenant.name,
      items: items.sort((a, b) => a.unitName.localeCompare(b.unitName) || a.serviceName.localeCompare(b.serviceName)),
      units: units.sort((a, b) => a.unitName.localeCompare(b.unitName)),
      basis: 'Peraturan Menteri PANRB Nomor 14 Tahun 2017',
      attribution: ODBL_ATTRIBUTION,
    };
  }

  return { results };
}
