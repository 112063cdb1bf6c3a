import type { Deps } from '../../deps.ts';
import type { Executor } from '../../db/db.ts';
import type { PkAgreementTable, PkIndicatorTable, PkLevel, PkPartyKind, PkRealisationTable, PkSigningMode } from '../../db/schema.ts';
import { AppError, conflict, notFound, validation } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize, can } from '../../policy/policy.ts';
import { writeWithAudit } from '../audit/audit.writer.ts';
import { who } from '../org/org.service.ts';
import { headPositionOf, holderOf } from '../org/holder.ts';
import { tenantDocSettings } from '../../documents/official/letterhead.ts';
import { authorizeTransition, recordTransition } from '../../workflow/state-machine.ts';
import type { CreatePkIndicatorInput, CreatePkInput } from '../../../shared/schemas/kinerja.ts';
import { kinerjaRepo } from './kinerja.repo.ts';
import { pkMachine } from './kinerja.policy.ts';
import { createPkRealisationService } from './pk-realisation.service.ts';
import { issuePk } from './kinerja.document.ts';
import { regionToday } from '../tenants/tenants.region.ts';
import { planForUnit } from './plan.service.ts';
import { checkPlanLink, planLinksOf } from './pk-plan-link.ts';

/** The signing-season columns of a new PK (0019): no step taken yet, revision 0. */
export const SEASON_DEFAULTS = {
  submittedAt: null,
  agreedAt: null,
  signedAt: null,
  signingMode: null,
  scanEvidenceId: null,
  documentId: null,
  documentNumber: null,
  replacesId: null,
  replacedById: null,
  revisionReason: null,
  revision: 0,
} satisfies Partial<PkAgreementTable>;

export { partiesOf, type PkParty } from './pk-parties.ts';
import type { PkParty } from './pk-parties.ts';

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
export async function resolveParties(db: Executor, tenantId: string, input: { positionId?: string; headOfRegion?: true }, date: string, check?: (unitId: string | null) => void): Promise<Resolved> {
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

export const partyColumns = (r: Resolved) => ({
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

/** The realisation side (views, capaian, quarterly values) moved to pk-realisation.service.ts. */
export { annualOf, type IndicatorView } from './pk-realisation.service.ts';

export function createKinerjaService(deps: Deps) {
  const { db, clock } = deps;
  const today = (tenantId: string) => regionToday(deps, tenantId);
  const realisation = createPkRealisationService(deps);

  async function requirePk(actor: Actor, id: string) {
    const pk = await kinerjaRepo.find(db, actor.tenantId, id);
    if (!pk) throw notFound('pk');
    return pk;
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
          ...SEASON_DEFAULTS,
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
      const indicators = await realisation.viewsOf(pk, actor);
      return { pk, indicators, planLinks: await planLinksOf(db, pk.tenantId, indicators.map((v) => v.indicator)) };
    },

    /**
     * The plan indicators a PK's indicator may link to: the Renstra of the PK's unit (the pemda's
     * RPJMD for the Bupati) in the period covering the PK's year, with the year's target, for the
     * add-indicator form's "Dari rencana". Empty when no period covers the year.
     */
    async planIndicators(actor: Actor, id: string) {
      const pk = await requirePk(actor, id);
      authorize(actor, 'pk.read', { tenantId: pk.tenantId, unitId: pk.unitId });
      const plan = await planForUnit(db, pk.tenantId, pk.unitId, pk.year);
      return plan.sasaran.flatMap((s) => s.indicators.map((i) => ({ ...i, sasaranCode: s.code, sasaranName: s.name })));
    },

    /**
     * Sign (from draft at the ceremony, or after submit/agree): the holders at the signing date are
     * printed (Plt. shown as such; 400 when vacant), and the PK is issued through the documents kit
     * in the same transaction (number, frozen PDF with the verification QR). `mode` says how: marked
     * signed at the ceremony (default) or from the scan of the wet-signed page.
     */
    async sign(actor: Actor, id: string, signedOn: string, requestId?: string, opts: { publicBase?: string; mode?: PkSigningMode } = {}) {
      const pk = await requirePk(actor, id);
      const to = authorizeTransition(pkMachine, pk.status, 'sign', actor, { tenantId: pk.tenantId, unitId: pk.unitId });
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const r = await resolveParties(tx, pk.tenantId, pk.positionId ? { positionId: pk.positionId } : { headOfRegion: true }, signedOn);
        const now = clock.now().toISOString();
        const signed: PkAgreementTable = { ...pk, status: to, signedOn, ...partyColumns(r), signedAt: now, signingMode: opts.mode ?? 'ceremony', updatedAt: now };
        const indicators = (await kinerjaRepo.indicators(tx, pk.tenantId, pk.id)).map((indicator) => ({ indicator }));
        const issued = await issuePk(deps, tx, audit, { pk: signed, indicators, actorId: actor.userId, publicBase: opts.publicBase ?? deps.config.publicUrlSetting ?? 'http://localhost' });
        const set = { status: to, signedOn, ...partyColumns(r), signedAt: now, signingMode: signed.signingMode, documentId: issued.id, documentNumber: issued.number, updatedAt: now };
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
        if (input.planIndicatorId) await checkPlanLink(tx, pk.tenantId, pk, input.planIndicatorId);
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
          formula: input.formula || null,
          dataSource: input.dataSource || null,
          planIndicatorId: input.planIndicatorId || null,
          createdAt: clock.now().toISOString(),
        };
        await kinerjaRepo.insertIndicator(tx, row);
        await audit.record({ entityType: 'pk_indicator', entityId: row.id, action: 'create', after: { ...row } });
        return row;
      });
    },
  };
}
