import type { Deps } from '../../deps.ts';
import type { Executor } from '../../db/db.ts';
import type { PkAgreementTable, PkIndicatorTable, PkLevel, PkPartyKind, PkRealisationTable } from '../../db/schema.ts';
import { AppError, conflict, notFound, validation } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize, can } from '../../policy/policy.ts';
import { writeWithAudit } from '../audit/audit.writer.ts';
import { who } from '../org/org.service.ts';
import { headPositionOf, holderOf } from '../org/holder.ts';
import { tenantDocSettings } from '../../documents/official/letterhead.ts';
import { authorizeTransition, recordTransition } from '../../workflow/state-machine.ts';
import { annualValue, capaian, capaianStatus } from '../../rules/sakip/capaian.ts';
import type { CreatePkIndicatorInput, CreatePkInput, PkRealisationInput } from '../../../shared/schemas/kinerja.ts';
import { kinerjaRepo } from './kinerja.repo.ts';
import { pkMachine, pkRealisationMachine } from './kinerja.policy.ts';
import { regionToday } from '../tenants/tenants.region.ts';

/** One party of a PK as resolved at a date (snapshot printed on the document). */
export interface PkParty {
  positionId: string | null;
  title: string;
  name: string;
  nip: string | null;
  rank: string | null;
  kind: PkPartyKind;
}

interface Resolved {
  level: PkLevel;
  unitId: string | null;
  first: PkParty;
  second: PkParty | null;
}

/**
 * The PK level follows the organisation (RULES §2.6): the head of region → 'bupati' (a statement,
 * no pihak kedua); the head of a top-level unit (OPD, kecamatan, Sekretariat Daerah) →
 * 'jpt_pratama' with the head of region; the head of a sub-unit (bagian, bidang) →
 * 'administrator' with the head of the unit above; the head of a sub-sub-unit (subbagian, seksi,
 * UPTD under a bidang) → 'pengawas' with the administrator above. Deeper units have no PK level.
 */
async function resolveParties(db: Executor, tenantId: string, input: { positionId?: string; headOfRegion?: true }, date: string, check?: (unitId: string | null) => void): Promise<Resolved> {
  const headOfRegion = async (): Promise<PkParty> => {
    const t = await tenantDocSettings(db, tenantId);
    if (!t.headTitle || !t.headName) throw validation(input.positionId ? 'positionId' : 'headOfRegion', 'errors.pkHeadOfRegionMissing');
    return { positionId: null, title: t.headTitle, name: t.headName, nip: null, rank: null, kind: 'kepala_daerah' };
  };
  if (!input.positionId) {
    check?.(null);
    return { level: 'bupati', unitId: null, first: await headOfRegion(), second: null };
  }
  const position = await kinerjaRepo.position(db, tenantId, input.positionId);
  if (!position) throw notFound('position');
  check?.(position.unitId);
  if (!position.isHead) throw validation('positionId', 'errors.pkNotHead', { position: position.title });
  const chain: Array<{ id: string; parentId: string | null; name: string }> = [];
  let unit = await kinerjaRepo.unit(db, tenantId, position.unitId);
  while (unit && chain.length < 4) {
    chain.push(unit);
    unit = unit.parentId ? await kinerjaRepo.unit(db, tenantId, unit.parentId) : undefined;
  }
  const depth = chain.length - 1;
  const level: PkLevel | undefined = (['jpt_pratama', 'administrator', 'pengawas'] as const)[depth];
  if (!level) throw validation('positionId', 'errors.pkLevelTooDeep', { position: position.title });
  const holder = await holderOf(db, tenantId, position.id, date);
  if (!holder) throw validation('positionId', 'errors.pkNoHolder', { position: position.title, date: `#date:${date}` });
  const first: PkParty = { positionId: position.id, title: holder.positionTitle, name: holder.name, nip: holder.nip, rank: holder.rank, kind: holder.kind };
  if (level === 'jpt_pratama') return { level, unitId: position.unitId, first, second: await headOfRegion() };
  const parent = chain[1]!;
  const superior = await headPositionOf(db, tenantId, parent.id);
  if (!superior) throw validation('positionId', 'errors.pkNoSuperior', { unit: parent.name });
  const sh = await holderOf(db, tenantId, superior, date);
  if (!sh) throw validation('positionId', 'errors.pkSuperiorVacant', { unit: parent.name, date: `#date:${date}` });
  return { level, unitId: position.unitId, first, second: { positionId: superior, title: sh.positionTitle, name: sh.name, nip: sh.nip, rank: sh.rank, kind: sh.kind } };
}

const partyColumns = (r: Resolved) => ({
  firstName: r.first.name,
  firstTitle: r.first.title,
  firstNip: r.first.nip,
  firstRank: r.first.rank,
  firstKind: r.first.kind,
  secondPositionId: r.second?.positionId ?? null,
  secondName: r.second?.name ?? null,
  secondTitle: r.second?.title ?? null,
  secondNip: r.second?.nip ?? null,
  secondRank: r.second?.rank ?? null,
  secondKind: r.second?.kind ?? null,
});

export function partiesOf(pk: PkAgreementTable): { first: PkParty; second: PkParty | null } {
  return {
    first: { positionId: pk.positionId, title: pk.firstTitle, name: pk.firstName, nip: pk.firstNip, rank: pk.firstRank, kind: pk.firstKind },
    second: pk.secondName ? { positionId: pk.secondPositionId, title: pk.secondTitle ?? '', name: pk.secondName, nip: pk.secondNip, rank: pk.secondRank, kind: pk.secondKind ?? 'definitif' } : null,
  };
}

export interface IndicatorView {
  indicator: PkIndicatorTable;
  realisations: PkRealisationTable[];
  annual: { value: number | null; capaian: number | null; status: 'merah' | 'kuning' | 'hijau' | null; explanation: string };
}

/** The year's figures of one indicator from its VERIFIED quarters only (RULES §2.6). */
export function annualOf(i: PkIndicatorTable, realisations: PkRealisationTable[]): IndicatorView['annual'] {
  const verified: Array<number | null> = [1, 2, 3, 4].map((q) => realisations.find((r) => r.quarter === q && r.status === 'verified')?.value ?? null);
  const a = annualValue(i.aggregation, verified);
  const c = capaian({ polarity: i.polarity }, i.target, a.value);
  if (!c.ok) return { value: a.value, capaian: null, status: null, explanation: a.value === null ? a.explanation : `${a.explanation}; ${c.explanation}` };
  return { value: a.value, capaian: c.value, status: capaianStatus(c.value), explanation: `${a.explanation}; capaian ${c.explanation}` };
}

export function createKinerjaService(deps: Deps) {
  const { db, clock } = deps;
  const today = (tenantId: string) => regionToday(deps, tenantId);

  async function requirePk(actor: Actor, id: string) {
    const pk = await kinerjaRepo.find(db, actor.tenantId, id);
    if (!pk) throw notFound('pk');
    return pk;
  }

  async function requireIndicator(actor: Actor, id: string) {
    const i = await kinerjaRepo.indicatorWithPk(db, actor.tenantId, id);
    if (!i) throw notFound('pk_indicator');
    return i;
  }

  return {
    /** Draft a PK for a position (or the head of region); parties resolved at today's date. */
    async create(actor: Actor, input: CreatePkInput, requestId?: string) {
      const date = await today(actor.tenantId);
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const r = await resolveParties(tx, actor.tenantId, input, date, (unitId) => authorize(actor, 'pk.manage', { tenantId: actor.tenantId, unitId }));
        // One PK per position and year; a revised PK (perubahan) is a later step that keeps the old one.
        if (await kinerjaRepo.findFor(tx, actor.tenantId, r.first.positionId, input.year)) throw conflict('errors.pkExists', { year: input.year });
        const now = clock.now().toISOString();
        const row: PkAgreementTable = {
          tenantId: actor.tenantId,
          id: newId(),
          year: input.year,
          level: r.level,
          positionId: r.first.positionId,
          unitId: r.unitId,
          status: 'draft',
          signedOn: null,
          ...partyColumns(r),
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        };
        await kinerjaRepo.insert(tx, row);
        await audit.record({ entityType: 'pk', entityId: row.id, action: 'create', after: { ...row } });
        return row;
      });
    },

    /** The PKs of a year this actor may read (tenant-wide readers: all; unit roles: their units). */
    async list(actor: Actor, year: number) {
      const rows = await kinerjaRepo.list(db, actor.tenantId, year);
      return rows.filter((pk) => can(actor, 'pk.read', { tenantId: pk.tenantId, unitId: pk.unitId }));
    },

    async get(actor: Actor, id: string) {
      const pk = await requirePk(actor, id);
      authorize(actor, 'pk.read', { tenantId: pk.tenantId, unitId: pk.unitId });
      const [indicators, realisations] = await Promise.all([kinerjaRepo.indicators(db, pk.tenantId, pk.id), kinerjaRepo.realisationsOfPk(db, pk.tenantId, pk.id)]);
      const views: IndicatorView[] = indicators.map((i) => {
        const rs = realisations.filter((r) => r.indicatorId === i.id);
        return { indicator: i, realisations: rs, annual: annualOf(i, rs) };
      });
      return { pk, indicators: views };
    },

    /** Sign: the holders at the signing date are printed (Plt. shown as such); 400 when vacant. */
    async sign(actor: Actor, id: string, signedOn: string, requestId?: string) {
      const pk = await requirePk(actor, id);
      const to = authorizeTransition(pkMachine, pk.status, 'sign', actor, { tenantId: pk.tenantId, unitId: pk.unitId });
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const r = await resolveParties(tx, pk.tenantId, pk.positionId ? { positionId: pk.positionId } : { headOfRegion: true }, signedOn);
        const now = clock.now().toISOString();
        const set = { status: to, signedOn, ...partyColumns(r), updatedAt: now };
        await kinerjaRepo.update(tx, pk.tenantId, pk.id, set);
        await recordTransition(tx, { tenantId: pk.tenantId, entityType: 'pk', entityId: pk.id, fromState: pk.status, toState: to, action: 'sign', actor: { userId: actor.userId, name: actor.name }, at: now });
        const after = { ...pk, ...set };
        await audit.record({ entityType: 'pk', entityId: pk.id, action: 'sign', before: pk, after });
        return after;
      });
    },

    async addIndicator(actor: Actor, pkId: string, input: CreatePkIndicatorInput, requestId?: string) {
      const pk = await requirePk(actor, pkId);
      authorize(actor, 'pk.manage', { tenantId: pk.tenantId, unitId: pk.unitId });
      if (pk.status !== 'draft') throw conflict('errors.pkIndicatorsFrozen');
      // The default formulas divide by the target (RULES §2.5): a target of 0 has no capaian.
      if (input.target === 0) throw validation('target', 'errors.pkTargetZero');
      if (!input.allowNegative && (input.target < 0 || input.quarterTargets.some((q) => q < 0))) throw validation('target', 'errors.pkNegativeTarget', { unit: input.unit });
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const row: PkIndicatorTable = {
          tenantId: pk.tenantId,
          id: newId(),
          pkId: pk.id,
          seq: await kinerjaRepo.nextSeq(tx, pk.tenantId, pk.id),
          sasaran: input.sasaran,
          name: input.name,
          unit: input.unit,
          polarity: input.polarity,
          aggregation: input.aggregation,
          allowNegative: input.allowNegative ? 1 : 0,
          target: input.target,
          q1Target: input.quarterTargets[0],
          q2Target: input.quarterTargets[1],
          q3Target: input.quarterTargets[2],
          q4Target: input.quarterTargets[3],
          createdAt: clock.now().toISOString(),
        };
        await kinerjaRepo.insertIndicator(tx, row);
        await audit.record({ entityType: 'pk_indicator', entityId: row.id, action: 'create', after: { ...row } });
        return row;
      });
    },

    /**
     * Enter a quarter's realisation (draft). Only for a signed PK; a submitted value waits for the
     * verifier; a verified value is final here (an audited correction is not built yet: 409).
     */
    async enterRealisation(actor: Actor, indicatorId: string, quarter: number, input: PkRealisationInput, requestId?: string) {
      const i = await requireIndicator(actor, indicatorId);
      authorize(actor, 'pk.realise', { tenantId: i.tenantId, unitId: i.pkUnitId });
      if (i.pkStatus !== 'signed') throw conflict('errors.pkNotSigned');
      if (input.value < 0 && !i.allowNegative) throw validation('value', 'errors.pkNegativeValue', { unit: i.unit });
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const before = await kinerjaRepo.realisation(tx, i.tenantId, i.id, quarter);
        if (before?.status === 'submitted') throw conflict('errors.pkRealisationSubmitted');
        if (before?.status === 'verified') throw conflict('errors.pkRealisationVerified');
        const now = clock.now().toISOString();
        const row: PkRealisationTable = { tenantId: i.tenantId, indicatorId: i.id, quarter, value: input.value, note: input.note ?? null, status: 'draft', enteredBy: actor.userId, enteredAt: now, submittedBy: null, submittedAt: null, verifiedBy: null, verifiedAt: null };
        if (before) await kinerjaRepo.updateRealisation(tx, i.tenantId, i.id, quarter, { value: row.value, note: row.note, enteredBy: row.enteredBy, enteredAt: now });
        else await kinerjaRepo.insertRealisation(tx, row);
        await audit.record({ entityType: 'pk_realisation', entityId: `${i.id}:${quarter}`, action: before ? 'update' : 'create', before: before ?? null, after: { ...row } });
        return row;
      });
    },

    async stepRealisation(actor: Actor, indicatorId: string, quarter: number, step: 'submit' | 'verify', requestId?: string) {
      const i = await requireIndicator(actor, indicatorId);
      const current = await kinerjaRepo.realisation(db, i.tenantId, i.id, quarter);
      if (!current) throw conflict('errors.pkRealisationMissing', { quarter });
      const to = authorizeTransition(pkRealisationMachine, current.status, step, actor, { tenantId: i.tenantId, unitId: i.pkUnitId });
      // Four eyes: whoever entered the value does not verify it.
      if (step === 'verify' && current.enteredBy === actor.userId) throw new AppError('FORBIDDEN', 'errors.pkVerifyOwn');
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        const set: Partial<PkRealisationTable> = step === 'submit' ? { status: to, submittedBy: actor.userId, submittedAt: now } : { status: to, verifiedBy: actor.userId, verifiedAt: now };
        await kinerjaRepo.updateRealisation(tx, i.tenantId, i.id, quarter, set);
        await recordTransition(tx, { tenantId: i.tenantId, entityType: 'pk_realisation', entityId: `${i.id}:${quarter}`, fromState: current.status, toState: to, action: step, actor: { userId: actor.userId, name: actor.name }, at: now });
        const after = { ...current, ...set };
        await audit.record({ entityType: 'pk_realisation', entityId: `${i.id}:${quarter}`, action: step, before: current, after });
        return after;
      });
    },
  };
}
