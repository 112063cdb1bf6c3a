import type { Deps } from '../../deps.ts';
import type { Executor, Tx } from '../../db/db.ts';
import type { PkAgreementTable, PkIndicatorTable, PkStatus } from '../../db/schema.ts';
import { AppError, conflict, notFound } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize, can } from '../../policy/policy.ts';
import { writeWithAudit } from '../audit/audit.writer.ts';
import { who } from '../org/org.service.ts';
import { holderOf } from '../org/holder.ts';
import { sniffType } from '../evidence/evidence.service.ts';
import { authorizeTransition, recordTransition } from '../../workflow/state-machine.ts';
import { regionDate } from '../../../shared/region-time.ts';
import type { GeneratePksInput, PkRegisterQuery } from '../../../shared/schemas/kinerja.ts';
import { kinerjaRepo } from './kinerja.repo.ts';
import { pkSeasonRepo } from './pk-season.repo.ts';
import { evidenceRepo } from '../evidence/evidence.repo.ts';
import { partyColumns, resolveParties, SEASON_DEFAULTS } from './kinerja.service.ts';
import { pkMachine } from './kinerja.policy.ts';
import { pkBundlePdf } from './kinerja.document.ts';
import { planForUnit } from './plan.service.ts';
import { linksValidFor } from './pk-plan-link.ts';

/** The indicators a generated PK starts with: copied rows without ids (seq kept). */
type IndicatorSeed = Omit<PkIndicatorTable, 'tenantId' | 'id' | 'pkId' | 'createdAt'>;

/**
 * Where the indicators of a generated PK come from: nothing, last year's PK of the same position,
 * or the plan (the unit's Renstra sasaran and indicators with the year's target; the Bupati's from
 * the RPJMD's pemda sasaran). A plan indicator has only an annual target, so its PK indicator starts
 * with the aggregation "last value" and each TW target equal to the annual target; the unit adjusts
 * the rencana aksi while the PK is a draft (PUT /api/pk/indicators/{id}). Plan indicators without a
 * target for the year, or with a target of 0, are left out (a target of 0 has no capaian). Every
 * indicator drawn from the plan is linked to its plan indicator (`planIndicatorId`); a copy from last
 * year keeps the links whose plan period covers the new year.
 */
/** The unit of a PK of this position (null: the Bupati's, whose plan is the pemda's RPJMD). */
const unitOf = async (db: Executor, tenantId: string, positionId: string | null) => (positionId ? ((await kinerjaRepo.position(db, tenantId, positionId))?.unitId ?? null) : null);

export type PkIndicatorSource = (db: Executor, tenantId: string, positionId: string | null, year: number) => Promise<IndicatorSeed[]>;
export const PK_INDICATOR_SOURCES: Record<string, PkIndicatorSource> = {
  empty: async () => [],
  /** Last year's current PK of the same position (the revision, if one was signed), targets included. */
  previous: async (db, tenantId, positionId, year) => {
    const last = await pkSeasonRepo.current(db, tenantId, positionId, year - 1);
    if (!last) return [];
    const rows = await kinerjaRepo.indicators(db, tenantId, last.id);
    // The plan link is copied while the plan indicator's period still covers the new year.
    const valid = await linksValidFor(db, tenantId, { unitId: await unitOf(db, tenantId, positionId), year }, rows.map((r) => r.planIndicatorId));
    return rows.map(({ tenantId: _t, id: _i, pkId: _p, createdAt: _c, ...rest }) => ({ ...rest, planIndicatorId: rest.planIndicatorId && valid.has(rest.planIndicatorId) ? rest.planIndicatorId : null }));
  },
  plan: async (db, tenantId, positionId, year) => {
    const unitId = await unitOf(db, tenantId, positionId);
    const plan = await planForUnit(db, tenantId, unitId, year);
    const seeds: IndicatorSeed[] = [];
    for (const s of plan.sasaran) {
      for (const i of s.indicators) {
        if (i.target === null || i.target === 0) continue;
        seeds.push({ seq: seeds.length + 1, sasaran: s.name, name: i.name, unit: i.satuan, polarity: i.polarity, aggregation: 'last', allowNegative: i.target < 0 ? 1 : 0, target: i.target, q1Target: i.target, q2Target: i.target, q3Target: i.target, q4Target: i.target, formula: null, dataSource: null, planIndicatorId: i.id });
      }
    }
    return seeds;
  },
};

export type SkipReason = 'exists' | 'vacant' | 'noHeadOfRegion' | 'invalid';
export type { RegisterRow, RegisterStatus } from '../../../shared/schemas/kinerja.ts';
import type { RegisterRow, RegisterStatus } from '../../../shared/schemas/kinerja.ts';

/** A thrown AppError's message key (for the generator's per-position report). */
const keyOf = (e: unknown) => (e instanceof AppError ? e.messageKey : null);

async function copyIndicators(tx: Tx, tenantId: string, pkId: string, seeds: IndicatorSeed[], now: string) {
  for (const [n, seed] of seeds.entries()) await kinerjaRepo.insertIndicator(tx, { ...seed, seq: n + 1, tenantId, id: newId(), pkId, createdAt: now });
}

export function createPkSeasonService(deps: Deps) {
  const { db, clock, blobs } = deps;

  async function regionToday(tenantId: string) {
    const t = await pkSeasonRepo.tenant(db, tenantId);
    return regionDate(clock.now(), t?.regionCode);
  }

  async function requirePk(actor: Actor, id: string) {
    const pk = await kinerjaRepo.find(db, actor.tenantId, id);
    if (!pk) throw notFound('pk');
    return pk;
  }

  return {
    /**
     * Draft the year's PKs in ONE transaction: every JPT Pratama head position (heads of the active
     * top-level units) and the Bupati statement, skipping those that already have a PK. A vacant
     * position is skipped and reported (`vacant`), not a failure of the whole action: its PK needs a
     * holder to print, so the Tim RB fills the assignment and runs the generator again (idempotent).
     */
    async generate(actor: Actor, input: GeneratePksInput, requestId?: string) {
      authorize(actor, 'pk.season', { tenantId: actor.tenantId, unitId: null });
      const source = PK_INDICATOR_SOURCES[input.source]!;
      const date = await regionToday(actor.tenantId);
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        const created: Array<{ id: string; positionId: string | null; indicators: number }> = [];
        const skipped: Array<{ positionId: string | null; title: string; reason: SkipReason }> = [];
        const targets: Array<{ positionId: string | null; title: string }> = [
          { positionId: null, title: 'Kepala Daerah' },
          ...(await pkSeasonRepo.topLevelHeads(tx, actor.tenantId)).map((h) => ({ positionId: h.positionId, title: h.positionTitle })),
        ];
        for (const t of targets) {
          if (await kinerjaRepo.findFor(tx, actor.tenantId, t.positionId, input.year)) {
            skipped.push({ ...t, reason: 'exists' });
            continue;
          }
          let parties;
          try {
            parties = await resolveParties(tx, actor.tenantId, t.positionId ? { positionId: t.positionId } : { headOfRegion: true }, date);
          } catch (e) {
            const key = keyOf(e);
            skipped.push({ ...t, reason: key === 'errors.pkNoHolder' ? 'vacant' : key === 'errors.pkHeadOfRegionMissing' ? 'noHeadOfRegion' : 'invalid' });
            continue;
          }
          const row: PkAgreementTable = {
            tenantId: actor.tenantId,
            id: newId(),
            year: input.year,
            level: parties.level,
            positionId: parties.first.positionId,
            unitId: parties.unitId,
            status: 'draft',
            signedOn: null,
            ...partyColumns(parties),
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
            ...SEASON_DEFAULTS,
          };
          await kinerjaRepo.insert(tx, row);
          const seeds = await source(tx, actor.tenantId, t.positionId, input.year);
          await copyIndicators(tx, actor.tenantId, row.id, seeds, now);
          await audit.record({ entityType: 'pk', entityId: row.id, action: 'generate', after: { ...row, source: input.source, indicators: seeds.length } });
          created.push({ id: row.id, positionId: t.positionId, indicators: seeds.length });
        }
        return { created: created.length, skipped: skipped.map((s) => ({ positionId: s.positionId, title: s.title, reason: s.reason })), items: created };
      });
    },

    /**
     * The season register of a year: one row per JPT Pratama head position (with or without a PK)
     * and the Bupati row, each with its current PK (the latest revision) and the date of each step.
     * Unit roles see their own units' rows (filtered by `pk.read` per row).
     */
    async register(actor: Actor, q: PkRegisterQuery): Promise<RegisterRow[]> {
      const [heads, pks] = await Promise.all([pkSeasonRepo.topLevelHeads(db, actor.tenantId), pkSeasonRepo.seasonPks(db, actor.tenantId, q.year)]);
      const current = new Map<string, PkAgreementTable>();
      for (const pk of pks) if (!pk.replacedById) current.set(pk.positionId ?? 'bupati', pk);
      const counts = new Map((await Promise.all([...current.values()].map(async (pk) => [pk.id, (await kinerjaRepo.indicators(db, pk.tenantId, pk.id)).length] as const))));
      const date = await regionToday(actor.tenantId);
      const fromPk = (pk: PkAgreementTable) => ({
        pkId: pk.id,
        status: pk.status as RegisterStatus,
        holderName: pk.firstName,
        holderKind: pk.firstKind,
        revision: pk.revision,
        draftedAt: pk.createdAt,
        submittedAt: pk.submittedAt,
        agreedAt: pk.agreedAt,
        signedOn: pk.signedOn,
        signingMode: pk.signingMode,
        hasScan: !!pk.scanEvidenceId,
        documentNumber: pk.documentNumber,
        indicatorCount: counts.get(pk.id) ?? 0,
      });
      const none = { pkId: null, status: 'none' as const, revision: 0, draftedAt: null, submittedAt: null, agreedAt: null, signedOn: null, signingMode: null, hasScan: false, documentNumber: null, indicatorCount: null };
      const rows: RegisterRow[] = [];
      const bupati = current.get('bupati');
      rows.push({ positionId: null, positionTitle: bupati?.firstTitle ?? 'Kepala Daerah', unitId: null, unitName: null, level: 'bupati', ...(bupati ? fromPk(bupati) : { ...none, holderName: null, holderKind: null }) });
      const seen = new Set<string>();
      for (const h of heads) {
        seen.add(h.positionId);
        const pk = current.get(h.positionId);
        if (pk) rows.push({ positionId: h.positionId, positionTitle: h.positionTitle, unitId: h.unitId, unitName: h.unitName, level: 'jpt_pratama', ...fromPk(pk) });
        else {
          const holder = await holderOf(db, actor.tenantId, h.positionId, date);
          rows.push({ positionId: h.positionId, positionTitle: h.positionTitle, unitId: h.unitId, unitName: h.unitName, level: 'jpt_pratama', ...none, holderName: holder?.name ?? null, holderKind: holder?.kind ?? null });
        }
      }
      // A PK of a position that is no longer a top-level head (reorganised mid-year) still belongs to the season.
      for (const pk of current.values()) {
        if (pk.level === 'jpt_pratama' && pk.positionId && !seen.has(pk.positionId)) rows.push({ positionId: pk.positionId, positionTitle: pk.firstTitle, unitId: pk.unitId, unitName: null, level: 'jpt_pratama', ...fromPk(pk) });
      }
      const needle = q.q?.toLocaleLowerCase('id');
      return rows.filter(
        (r) =>
          can(actor, 'pk.read', { tenantId: actor.tenantId, unitId: r.unitId }) &&
          (!q.status || r.status === q.status) &&
          (!q.level || r.level === q.level) &&
          (!q.unitId || r.unitId === q.unitId) &&
          (!needle || `${r.unitName ?? ''} ${r.positionTitle} ${r.holderName ?? ''}`.toLocaleLowerCase('id').includes(needle)),
      );
    },

    /** A workflow step short of signing: submit (unit head), agree or return (the Tim RB for the second party). */
    async step(actor: Actor, id: string, step: 'submit' | 'agree' | 'return', note: string | null, requestId?: string) {
      const pk = await requirePk(actor, id);
      const to = authorizeTransition(pkMachine, pk.status, step, actor, { tenantId: pk.tenantId, unitId: pk.unitId });
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        const set: Partial<PkAgreementTable> =
          step === 'submit' ? { status: to, submittedAt: now, updatedAt: now } : step === 'agree' ? { status: to, agreedAt: now, updatedAt: now } : { status: to, submittedAt: null, agreedAt: null, updatedAt: now };
        await kinerjaRepo.update(tx, pk.tenantId, pk.id, set);
        await recordTransition(tx, { tenantId: pk.tenantId, entityType: 'pk', entityId: pk.id, fromState: pk.status, toState: to, action: step, actor: { userId: actor.userId, name: actor.name }, at: now, note });
        const after = { ...pk, ...set };
        await audit.record({ entityType: 'pk', entityId: pk.id, action: step, before: pk, after });
        return after;
      });
    },

    /**
     * Attach the scan of the wet-signed page to a signed PK: PDF, JPEG or PNG decided from the bytes
     * (never the name), stored as evidence (content-addressed blob) and linked to the PK, in one
     * transaction with the PK's change and its audit entries. A second upload replaces the link.
     */
    async attachScan(actor: Actor, id: string, file: { data: Buffer; filename: string }, requestId?: string) {
      const pk = await requirePk(actor, id);
      authorize(actor, 'pk.sign', { tenantId: pk.tenantId, unitId: pk.unitId });
      if (pk.status !== 'signed') throw conflict('errors.pkScanNotSigned');
      const type = await sniffType(file.data);
      if (!type || !['pdf', 'jpg', 'png'].includes(type.ext)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'errors.pkScanType', {}, [{ field: 'file', messageKey: 'errors.pkScanType' }]);
      const stored = await blobs.put(file.data);
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        const originalName = file.filename.replace(/[\\/\0]/g, '_').slice(0, 200) || `pk-${pk.year}.${type.ext}`;
        const ev = { tenantId: pk.tenantId, id: newId(), sha256: stored.sha256, size: stored.size, mime: type.mime, ext: type.ext, originalName, uploadedBy: actor.userId, createdAt: now };
        await evidenceRepo.insert(tx, ev);
        await evidenceRepo.insertLink(tx, { tenantId: pk.tenantId, id: newId(), evidenceId: ev.id, entityType: 'pk', entityId: pk.id, createdAt: now });
        await audit.record({ entityType: 'evidence', entityId: ev.id, action: 'upload', after: { originalName, sha256: ev.sha256, size: ev.size, mime: ev.mime } });
        const set = { scanEvidenceId: ev.id, updatedAt: now };
        await kinerjaRepo.update(tx, pk.tenantId, pk.id, set);
        await audit.record({ entityType: 'pk', entityId: pk.id, action: 'scan', before: pk, after: { ...pk, ...set } });
        return { ...pk, ...set };
      });
    },

    /**
     * A revised PK (perubahan) of a signed one: a new draft with revision + 1, the parties resolved
     * today (the holder may have changed), the indicators copied (plan links included); the old PK keeps its signature and
     * number and is marked replaced. It stays the PK realisations are entered on until the revision
     * is signed (see ARCHITECTURE).
     */
    async revise(actor: Actor, id: string, reason: string, requestId?: string) {
      const pk = await requirePk(actor, id);
      authorize(actor, 'pk.manage', { tenantId: pk.tenantId, unitId: pk.unitId });
      if (pk.status !== 'signed') throw conflict('errors.pkReviseNotSigned');
      if (pk.replacedById) throw conflict('errors.pkAlreadyRevised');
      const date = await regionToday(pk.tenantId);
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const parties = await resolveParties(tx, pk.tenantId, pk.positionId ? { positionId: pk.positionId } : { headOfRegion: true }, date);
        const now = clock.now().toISOString();
        const row: PkAgreementTable = {
          tenantId: pk.tenantId,
          id: newId(),
          year: pk.year,
          level: parties.level,
          positionId: pk.positionId,
          unitId: parties.unitId,
          status: 'draft',
          signedOn: null,
          ...partyColumns(parties),
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
          ...SEASON_DEFAULTS,
          revision: pk.revision + 1,
          replacesId: pk.id,
          revisionReason: reason,
        };
        await kinerjaRepo.insert(tx, row);
        const seeds = (await kinerjaRepo.indicators(tx, pk.tenantId, pk.id)).map(({ tenantId: _t, id: _i, pkId: _p, createdAt: _c, ...rest }) => rest);
        await copyIndicators(tx, pk.tenantId, row.id, seeds, now);
        await kinerjaRepo.update(tx, pk.tenantId, pk.id, { replacedById: row.id, updatedAt: now });
        await audit.record({ entityType: 'pk', entityId: row.id, action: 'revise', after: { ...row, indicators: seeds.length } });
        await audit.record({ entityType: 'pk', entityId: pk.id, action: 'replace', before: pk, after: { ...pk, replacedById: row.id } });
        return row;
      });
    },

    /** The review steps (review_log) of a PK, oldest first. */
    async history(pk: PkAgreementTable) {
      return pkSeasonRepo.reviewSteps(db, pk.tenantId, [pk.id]);
    },

    /** The frozen, numbered PDF of a signed PK (null before it is issued). */
    async frozenPdf(pk: PkAgreementTable): Promise<Buffer | null> {
      if (!pk.documentId) return null;
      const doc = await pkSeasonRepo.officialDocument(db, pk.tenantId, pk.documentId);
      if (!doc) return null;
      const chunks: Buffer[] = [];
      for await (const c of blobs.open(doc.sha256)) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },

    /** All current PKs of a year (optionally one level or unit) in one PDF for the ceremony. */
    async bundle(actor: Actor, q: { year: number; level?: PkAgreementTable['level']; unitId?: string }) {
      authorize(actor, 'pk.season', { tenantId: actor.tenantId, unitId: null });
      const pks = (await kinerjaRepo.list(db, actor.tenantId, q.year)).filter((pk) => !pk.replacedById && (!q.level || pk.level === q.level) && (!q.unitId || pk.unitId === q.unitId));
      const order = { bupati: 0, jpt_pratama: 1, administrator: 2, pengawas: 3 } as const;
      pks.sort((a, b) => order[a.level] - order[b.level] || a.firstTitle.localeCompare(b.firstTitle, 'id') || (a.id < b.id ? -1 : 1));
      const items = await Promise.all(pks.map(async (pk) => ({ pk, indicators: (await kinerjaRepo.indicators(db, pk.tenantId, pk.id)).map((indicator) => ({ indicator })) })));
      return { count: items.length, pdf: await pkBundlePdf(deps, q.year, items) };
    },
  };
}
