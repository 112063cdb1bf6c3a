import type { PkStatus } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { PkAgreementTable, PkIndicatorTable, PkRealisationTable } from '../../db/schema.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize } from '../../policy/policy.ts';
import { notFound } from '../../errors.ts';
import { Fraction } from '../../rules/fraction.ts';
import { capaian, capaianStatus, exact, type CapaianStatus } from '../../rules/sakip/capaian.ts';
import { annualOf, createKinerjaService } from './kinerja.service.ts';
import { DEFAULT_PK_SETTINGS, quarterFigure, quarterTarget, settingsOf, type PkCapaianSettings } from './pk-realisation.service.ts';
import { pkRealisationRepo } from './pk-realisation.repo.ts';
import { sakipReportsRepo } from './sakip-reports.repo.ts';

/**
 * SAKIP reports (issue 11 items 3 and 4): the pemda-wide quarterly recap (JSON and Excel), the
 * quarterly monitoring notula of a unit's PK and the LKjIP of the pemda or of a unit. Every figure
 * comes from VERIFIED realisations only, through `rules/sakip/capaian.ts` (`capaian`,
 * `annualValue` via `annualOf`); nothing derived is stored.
 */

/** A corrective action of a red quarter (kendala, solusi, rencana tindak lanjut with PIC and deadline). */
export interface CorrectiveAction {
  indicatorId: string;
  quarter: number;
  kendala: string;
  solusi: string | null;
  tindakLanjut: string;
  pic: string;
  due: string | null;
}

/**
 * Inputs that other parts of the SAKIP module own (being built in parallel): the plan with its
 * medium-term (Renstra/RPJMD) targets and budgets, and the corrective actions of red quarters.
 * Until they are wired (in `sakip-reports.routes.ts`, where the service is created), the default
 * `NO_EXTRAS` answers nothing and the documents print "belum tersedia" / "—".
 */
export interface SakipExtras {
  /** The medium-term target of each indicator (by indicator id), when the plan links it to one. */
  mediumTermTargets(tenantId: string, indicators: PkIndicatorTable[]): Promise<Map<string, { target: number; year: number }>>;
  /** Pagu and realised budget of a unit (null = the whole pemda) for a year, in rupiah (realised null: not recorded yet). */
  budget(tenantId: string, unitId: string | null, year: number): Promise<{ pagu: number; realised: number | null } | null>;
  /** Corrective actions recorded for these indicators in a quarter of a year. */
  correctiveActions(tenantId: string, indicatorIds: string[], year: number, quarter: number): Promise<CorrectiveAction[]>;
}

export const NO_EXTRAS: SakipExtras = {
  mediumTermTargets: async () => new Map(),
  budget: async () => null,
  correctiveActions: async () => [],
};

type PkRow = Awaited<ReturnType<typeof sakipReportsRepo.agreements>>[number];

export interface RecapIndicator {
  id: string;
  sasaran: string;
  name: string;
  unit: string;
  polarity: 'higher' | 'lower';
  aggregation: PkIndicatorTable['aggregation'];
  target: number;
  quarterTarget: number;
  /** The quarter's realisation status (draft = entered, not yet reported), null when nothing entered. */
  quarterStatus: PkRealisationTable['status'] | null;
  /** The quarter's VERIFIED value and its capaian against the quarter target. */
  quarterValue: number | null;
  quarterCapaian: number | null;
  quarterCapaianStatus: CapaianStatus | null;
  /** Year to date: the annual value from the verified quarters up to this one, against the annual target. */
  toDate: { value: number | null; capaian: number | null; status: CapaianStatus | null; explanation: string };
}

export interface RecapUnit {
  unitId: string | null;
  unitName: string;
  pkId: string | null;
  level: PkAgreementTable['level'] | null;
  /** none = no PK for the year yet. */
  pkStatus: 'none' | PkStatus;
  holder: string | null;
  indicators: number;
  /** Indicators whose quarter value was submitted to the verifier or verified. */
  reported: number;
  verified: number;
  /** Mean of the indicators' quarter capaian (verified only), half-up to two decimals; null when none. */
  averageCapaian: number | null;
  status: CapaianStatus | null;
  items: RecapIndicator[];
}

/** Mean of two-decimal percentages, exact, half-up to two decimals. */
export function meanCapaian(values: number[]): number | null {
  if (!values.length) return null;
  return values
    .map(exact)
    .reduce((a, b) => a.add(b), new Fraction(0n, 1n))
    .div(values.length)
    .roundHalfUp(2);
}

/**
 * One indicator's quarter figures from its realisations (verified values only count), computed by
 * the realisation side's `quarterFigure`/`annualOf` with the tenant's status bands, so the recap,
 * the notula and the PK's realisation page never disagree.
 */
export function recapIndicator(i: PkIndicatorTable, rs: PkRealisationTable[], quarter: number, settings: PkCapaianSettings = DEFAULT_PK_SETTINGS): RecapIndicator {
  const r = rs.find((x) => x.quarter === quarter) ?? null;
  const q = quarterFigure(i, quarter, r, settings);
  const toDate = annualOf(i, rs.filter((x) => x.quarter <= quarter), settings);
  return {
    id: i.id,
    sasaran: i.sasaran,
    name: i.name,
    unit: i.unit,
    polarity: i.polarity,
    aggregation: i.aggregation,
    target: i.target,
    quarterTarget: quarterTarget(i, quarter),
    quarterStatus: r?.status ?? null,
    quarterValue: q.value,
    quarterCapaian: q.capaian,
    quarterCapaianStatus: q.status,
    toDate,
  };
}

/**
 * The PKs that count for a year: a revised PK (perubahan) takes over once it is signed; until
 * then the PK it replaces is the one reported on (realisations stay on it, ARCHITECTURE "Signing
 * season").
 */
export function currentPks<T extends Pick<PkAgreementTable, 'id' | 'status' | 'replacedById' | 'replacesId'>>(pks: T[]): T[] {
  const status = new Map(pks.map((p) => [p.id, p.status]));
  return pks.filter((p) => (p.replacedById ? status.get(p.replacedById) !== 'signed' : !(p.replacesId && p.status !== 'signed')));
}

const PEMDA_LABEL = 'Pemerintah Daerah (PK Kepala Daerah)';

export function createSakipReportsService(deps: Deps, extras: SakipExtras = NO_EXTRAS) {
  const { db } = deps;
  const kinerja = createKinerjaService(deps);

  /** Indicators and realisations of the given years, grouped by PK and by indicator. */
  async function load(tenantId: string, years: number[], upToQuarter = 4) {
    const [pks, indicators, realisations] = await Promise.all([
      sakipReportsRepo.agreements(db, tenantId, years),
      sakipReportsRepo.indicators(db, tenantId, years),
      sakipReportsRepo.realisations(db, tenantId, years, upToQuarter),
    ]);
    const byPk = new Map<string, PkIndicatorTable[]>();
    for (const i of indicators) (byPk.get(i.pkId) ?? byPk.set(i.pkId, []).get(i.pkId)!).push(i);
    const byIndicator = new Map<string, PkRealisationTable[]>();
    for (const r of realisations) (byIndicator.get(r.indicatorId) ?? byIndicator.set(r.indicatorId, []).get(r.indicatorId)!).push(r);
    return { pks, byPk, byIndicator };
  }

  return {
    /**
     * The pemda recap of a quarter: one row per PK of the year (the head of region's first), plus
     * one row per active top-level unit that has no PK yet. Tenant-wide readers only.
     */
    async recap(actor: Actor, year: number, quarter: number) {
      authorize(actor, 'sakip.recap', { tenantId: actor.tenantId });
      const [units, data, settingsRow] = await Promise.all([sakipReportsRepo.topUnits(db, actor.tenantId), load(actor.tenantId, [year], quarter), pkRealisationRepo.settings(db, actor.tenantId)]);
      const settings = settingsOf(settingsRow);
      const pks = currentPks(data.pks);
      const rows: RecapUnit[] = pks.map((pk) => {
        const items = (data.byPk.get(pk.id) ?? []).map((i) => recapIndicator(i, data.byIndicator.get(i.id) ?? [], quarter, settings));
        const avg = meanCapaian(items.flatMap((x) => (x.quarterCapaian === null ? [] : [x.quarterCapaian])));
        return {
          unitId: pk.unitId,
          unitName: pk.unitName ?? PEMDA_LABEL,
          pkId: pk.id,
          level: pk.level,
          pkStatus: pk.status,
          holder: pk.firstName,
          indicators: items.length,
          reported: items.filter((x) => x.quarterStatus === 'submitted' || x.quarterStatus === 'verified').length,
          verified: items.filter((x) => x.quarterStatus === 'verified').length,
          averageCapaian: avg,
          status: avg === null ? null : capaianStatus(avg, settings.bands),
          items,
        };
      });
      const withPk = new Set(pks.map((p) => p.unitId));
      for (const u of units) {
        if (withPk.has(u.id)) continue;
        rows.push({ unitId: u.id, unitName: u.name, pkId: null, level: null, pkStatus: 'none', holder: null, indicators: 0, reported: 0, verified: 0, averageCapaian: null, status: null, items: [] });
      }
      rows.sort((a, b) => (a.unitId === null ? -1 : b.unitId === null ? 1 : a.unitName.localeCompare(b.unitName, 'id') || (a.pkId ?? '').localeCompare(b.pkId ?? '')));
      const all = rows.flatMap((r) => r.items);
      const avg = meanCapaian(all.flatMap((x) => (x.quarterCapaian === null ? [] : [x.quarterCapaian])));
      return {
        year,
        quarter,
        totals: {
          units: rows.length,
          withPk: rows.filter((r) => r.pkId).length,
          signed: rows.filter((r) => r.pkStatus === 'signed').length,
          indicators: all.length,
          reported: rows.reduce((a, r) => a + r.reported, 0),
          verified: rows.reduce((a, r) => a + r.verified, 0),
          averageCapaian: avg,
          status: avg === null ? null : capaianStatus(avg, settings.bands),
        },
        units: rows,
      };
    },

    /** The data of a PK's quarterly monitoring notula (read access to the PK's unit). */
    async notula(actor: Actor, pkId: string, quarter: number) {
      const { pk, indicators } = await kinerja.get(actor, pkId);
      const settings = settingsOf(await pkRealisationRepo.settings(db, pk.tenantId));
      const items = indicators.map((v) => recapIndicator(v.indicator, v.realisations, quarter, settings));
      const previous = quarter > 1 ? await extras.correctiveActions(pk.tenantId, items.map((x) => x.id), pk.year, quarter - 1) : [];
      const actions = await extras.correctiveActions(pk.tenantId, items.map((x) => x.id), pk.year, quarter);
      return { pk, items, actions, previous, quarter };
    },

    /**
     * The LKjIP data of a year, for a unit (its PKs of the year) or for the pemda: the Bupati's PK,
     * or — when the head of region has none for the year — every JPT Pratama PK (heads of OPD and
     * camat), which the document says. Previous years: the PKs chosen the same way for the unit or
     * the pemda (same unit; the indicator matched by name and satuan).
     */
    async lkjip(actor: Actor, year: number, unitId: string | null) {
      if (unitId) authorize(actor, 'pk.read', { tenantId: actor.tenantId, unitId });
      else authorize(actor, 'sakip.recap', { tenantId: actor.tenantId });
      const unit = unitId ? await sakipReportsRepo.unit(db, actor.tenantId, unitId) : null;
      if (unitId && !unit) throw notFound('unit');
      const years = [year - 2, year - 1, year];
      const data = await load(actor.tenantId, years);
      const choose = (y: number): { pks: PkRow[]; basis: 'unit' | 'bupati' | 'jpt_pratama' | 'none' } => {
        const ofYear = currentPks(data.pks.filter((p) => p.year === y));
        if (unitId) {
          const own = ofYear.filter((p) => p.unitId === unitId);
          return { pks: own, basis: own.length ? 'unit' : 'none' };
        }
        const bupati = ofYear.filter((p) => p.level === 'bupati');
        if (bupati.length) return { pks: bupati, basis: 'bupati' };
        const jpt = ofYear.filter((p) => p.level === 'jpt_pratama');
        return { pks: jpt, basis: jpt.length ? 'jpt_pratama' : 'none' };
      };
      const current = choose(year);
      const key = (i: PkIndicatorTable) => `${i.name.trim().toLowerCase()}|${i.unit.trim().toLowerCase()}`;
      const pastYears = [year - 2, year - 1].map((y) => {
        const m = new Map<string, ReturnType<typeof annualOf>>();
        for (const pk of choose(y).pks) for (const i of data.byPk.get(pk.id) ?? []) m.set(`${pk.unitId}|${key(i)}`, annualOf(i, data.byIndicator.get(i.id) ?? []));
        return { year: y, byKey: m };
      });
      const indicators = current.pks.flatMap((pk) => (data.byPk.get(pk.id) ?? []).map((i) => ({ pk, i })));
      const mediumTerm = await extras.mediumTermTargets(actor.tenantId, indicators.map((x) => x.i));
      const rows = indicators.map(({ pk, i }) => {
        const annual = annualOf(i, data.byIndicator.get(i.id) ?? []);
        const mt = mediumTerm.get(i.id) ?? null;
        const mtCapaian = mt ? capaian({ polarity: i.polarity }, mt.target, annual.value) : null;
        return {
          pk,
          indicator: i,
          annual,
          previous: pastYears.map((p) => ({ year: p.year, annual: p.byKey.get(`${pk.unitId}|${key(i)}`) ?? null })),
          mediumTerm: mt ? { ...mt, capaian: mtCapaian?.ok ? mtCapaian.value : null } : null,
        };
      });
      const budget = await extras.budget(actor.tenantId, unitId, year);
      return { year, unit: unit ?? null, basis: current.basis, pks: current.pks, rows, previousYears: [year - 2, year - 1], budget };
    },
  };
}
export type SakipReportsService = ReturnType<typeof createSakipReportsService>;
