import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import { AppError, conflict, notFound } from '../../errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize, can } from '../../policy/policy.ts';
import { writeWithAudit } from '../../modules/audit/audit.writer.ts';
import { sniffType, type EvidenceTarget } from '../../modules/evidence/evidence.service.ts';
import { who } from '../../modules/org/org.service.ts';
import { newId } from '../../lib/ids.ts';
import { renderPdf } from '../pdf/pdfmake.ts';
import { kopContent, loadLetterhead, type KopSpec } from './letterhead.ts';
import { checkTemplate, DEFAULT_CLASSIFICATION, DEFAULT_TEMPLATE, DOC_TYPES, issueNumber, numberTemplateOf, type DocType } from './numbering.ts';
import type { SignatureBlock } from './signer.ts';
import { officialRepo } from './official.repo.ts';
import type { DocRegisterQuery } from '../../../shared/schemas/documents.ts';
import { regionToday } from '../../modules/tenants/tenants.region.ts';

// Issued PDFs are evidence linked to their document: readable by whoever may read the register.
export const officialDocumentEvidenceTarget: EvidenceTarget = {
  entityType: 'official_document',
  resolve: (db, t, id) => officialRepo.unitOfDocument(db, t, id),
  manageAction: 'document.issue',
};

type SettingsPatch = Partial<Record<'governmentLine' | 'headTitle' | 'headName' | 'place' | 'address' | 'phone' | 'website' | 'email' | 'postalCode', string | null>>;
type UnitPatch = Partial<Record<'unitCode' | 'address' | 'phone' | 'website' | 'email' | 'postalCode', string | null>>;
const clean = <T extends Record<string, string | null | undefined>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined).map(([k, v]) => [k, v === '' ? null : v])) as Partial<Record<keyof T, string | null>>;

export function createOfficialDocumentsService(deps: Deps) {
  const { db, clock, blobs } = deps;

  async function requireUnit(tenantId: string, unitId: string) {
    const u = await officialRepo.findUnit(db, tenantId, unitId);
    if (!u) throw notFound('unit');
    return u;
  }

  async function requireDocument(actor: Actor, id: string) {
    const d = await officialRepo.findDocument(db, actor.tenantId, id);
    if (!d || !can(actor, 'document.read', { tenantId: actor.tenantId, unitId: d.unitId }) && d.issuedBy !== actor.userId) throw notFound('official_document');
    return d;
  }

  /** Tenant-wide readers, or unit roles for their own units (the list is filtered per row). */
  function authorizeRegisterRead(actor: Actor) {
    if (can(actor, 'document.read', { tenantId: actor.tenantId })) return;
    if ([...actor.unitScope].some((unitId) => can(actor, 'document.read', { tenantId: actor.tenantId, unitId }))) return;
    authorize(actor, 'document.read', { tenantId: actor.tenantId });
  }

  return {
    async getSettings(actor: Actor) {
      authorize(actor, 'tenant.read', { tenantId: actor.tenantId });
      const s = await officialRepo.settings(db, actor.tenantId);
      const units = await officialRepo.unitLetterheads(db, actor.tenantId);
      return { settings: s ?? null, units, canManageTenant: can(actor, 'letterhead.manage', { tenantId: actor.tenantId }) };
    },

    async updateSettings(actor: Actor, input: SettingsPatch, requestId?: string) {
      authorize(actor, 'letterhead.manage', { tenantId: actor.tenantId });
      const patch = clean(input);
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        const before = await officialRepo.settings(tx, actor.tenantId);
        await officialRepo.putSettings(tx, actor.tenantId, { ...patch, isDemo: 0, updatedAt: now }, !!before);
        const after = (await officialRepo.settings(tx, actor.tenantId))!;
        await audit.record({ entityType: 'letterhead', entityId: actor.tenantId, action: before ? 'update' : 'create', before: before ?? null, after });
        return after;
      });
    },

    /** The lambang daerah: a PNG or JPEG checked by its bytes, stored once in the blob store. */
    async uploadEmblem(actor: Actor, file: { data: Buffer; filename: string }, requestId?: string) {
      authorize(actor, 'letterhead.manage', { tenantId: actor.tenantId });
      const type = await sniffType(file.data);
      if (!type || !['image/png', 'image/jpeg'].includes(type.mime)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'errors.emblemType', {}, [{ field: 'file', messageKey: 'errors.emblemType' }]);
      const stored = await blobs.put(file.data);
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        const evidenceId = newId();
        await officialRepo.insertEvidence(tx, { tenantId: actor.tenantId, id: evidenceId, sha256: stored.sha256, size: stored.size, mime: type.mime, ext: type.ext, originalName: file.filename.replace(/[\\/\0]/g, '_').slice(0, 200) || `lambang.${type.ext}`, uploadedBy: actor.userId, createdAt: now });
        const before = await officialRepo.settings(tx, actor.tenantId);
        await officialRepo.putSettings(tx, actor.tenantId, { emblemEvidenceId: evidenceId, updatedAt: now }, !!before);
        await audit.record({ entityType: 'letterhead', entityId: actor.tenantId, action: 'update', changes: { emblem: { before: before?.emblemEvidenceId ?? null, after: stored.sha256 } } });
        return { evidenceId, sha256: stored.sha256, mime: type.mime };
      });
    },

    async updateUnitLetterhead(actor: Actor, unitId: string, input: UnitPatch, requestId?: string) {
      await requireUnit(actor.tenantId, unitId);
      authorize(actor, 'letterhead.manage', { tenantId: actor.tenantId, unitId });
      const patch = clean(input);
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        const before = await officialRepo.unitLetterhead(tx, actor.tenantId, unitId);
        await officialRepo.putUnitLetterhead(tx, actor.tenantId, unitId, { ...patch, isDemo: 0, updatedAt: now }, !!before);
        const after = (await officialRepo.unitLetterhead(tx, actor.tenantId, unitId))!;
        await audit.record({ entityType: 'letterhead', entityId: unitId, action: before ? 'update' : 'create', before: before ?? null, after });
        return after;
      });
    },

    /** A preview PDF of the kop (unit, tenant or emblem-only) as it will print. */
    async previewPdf(actor: Actor, spec: KopSpec) {
      authorize(actor, 'tenant.read', { tenantId: actor.tenantId });
      if (spec.kind === 'unit') await requireUnit(actor.tenantId, spec.unitId);
      const kop = await loadLetterhead(db, blobs, actor.tenantId, spec);
      return renderPdf({ info: { title: 'Pratinjau kop surat', creator: 'Serasan' }, pageMargins: [64, 48, 64, 56], content: [...kopContent(kop), { text: 'Pratinjau kop surat — bukan dokumen resmi.', italics: true, color: '#777777', alignment: 'center', margin: [0, 20, 0, 0] }] });
    },

    async templates(actor: Actor) {
      authorize(actor, 'tenant.read', { tenantId: actor.tenantId });
      return Promise.all(DOC_TYPES.map(async (t) => ({ docType: t, ...(await numberTemplateOf(db, actor.tenantId, t)), defaultTemplate: DEFAULT_TEMPLATE, defaultClassification: DEFAULT_CLASSIFICATION[t] })));
    },

    async setTemplate(actor: Actor, docType: DocType, input: { template: string; classification: string }, requestId?: string) {
      authorize(actor, 'letterhead.manage', { tenantId: actor.tenantId });
      checkTemplate(input.template);
      await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        const before = await numberTemplateOf(tx, actor.tenantId, docType);
        await officialRepo.putNumberTemplate(tx, actor.tenantId, docType, { template: input.template, classification: input.classification, updatedAt: now });
        await audit.record({ entityType: 'doc_number_template', entityId: docType, action: 'update', before, after: input });
      });
    },

    /**
     * The register: every number issued or cancelled (with its reason), newest first, searched by
     * number or title, filtered by type, year and status, one page at a time. Unit roles see their
     * own units' numbers (filtered in SQL so the total and the pages agree); tenant-wide roles all.
     */
    async register(actor: Actor, f: DocRegisterQuery) {
      authorizeRegisterRead(actor);
      // Unit roles see their own units' numbers (filtered in SQL so the total and the pages agree);
      // tenant-wide roles see all.
      const units = can(actor, 'document.read', { tenantId: actor.tenantId })
        ? null
        : [...actor.unitScope].filter((unitId) => can(actor, 'document.read', { tenantId: actor.tenantId, unitId }));
      return officialRepo.register(db, deps.dialect, actor.tenantId, f, units);
    },

    /** Take a number for a document signed outside Serasan (it stays in the register). */
    async reserveNumber(actor: Actor, input: { docType: DocType; title: string; unitId?: string | null; date?: string }, requestId?: string) {
      let unitCode: string | null = null;
      if (input.unitId) {
        const u = await requireUnit(actor.tenantId, input.unitId);
        authorize(actor, 'document.issue', { tenantId: actor.tenantId, unitId: u.id });
        const lh = await loadLetterhead(db, blobs, actor.tenantId, { kind: 'unit', unitId: u.id });
        unitCode = lh.unitCode;
      } else authorize(actor, 'document.issue', { tenantId: actor.tenantId });
      const date = input.date ?? (await regionToday(deps, actor.tenantId));
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const n = await issueNumber(tx, { tenantId: actor.tenantId, docType: input.docType, date, unitId: input.unitId ?? null, unitCode, title: input.title, issuedBy: actor.userId, now: clock.now().toISOString() });
        await audit.record({ entityType: 'doc_number', entityId: n.id, action: 'create', after: { docType: input.docType, number: n.number, title: input.title } });
        return n;
      });
    },

    /** A cancelled number stays in the register with its reason: gaps are explained, never refilled. */
    async cancelNumber(actor: Actor, id: string, reason: string, requestId?: string) {
      const n = await officialRepo.findNumber(db, actor.tenantId, id);
      if (!n || !can(actor, 'document.read', { tenantId: actor.tenantId, unitId: n.unitId })) throw notFound('doc_number');
      authorize(actor, 'document.issue', { tenantId: actor.tenantId, unitId: n.unitId });
      if (n.status === 'cancelled') throw conflict('errors.docNumberCancelled');
      if (n.documentId) throw conflict('errors.docNumberHasDocument');
      await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        await officialRepo.cancelNumber(tx, actor.tenantId, id, { cancelReason: reason, cancelledAt: now, cancelledBy: actor.userId });
        await audit.record({ entityType: 'doc_number', entityId: id, action: 'cancel', changes: { status: { before: 'issued', after: 'cancelled' }, cancelReason: { before: null, after: reason } } });
      });
    },

    async listDocuments(actor: Actor) {
      authorizeRegisterRead(actor);
      const rows = await officialRepo.listDocuments(db, actor.tenantId);
      return rows.filter((r) => can(actor, 'document.read', { tenantId: actor.tenantId, unitId: r.unitId }) || r.issuedBy === actor.userId);
    },

    requireDocument,

    async openPdf(actor: Actor, id: string) {
      const d = await requireDocument(actor, id);
      return { doc: d, stream: blobs.open(d.sha256) };
    },

    /** Withdrawal keeps the record, the number and the PDF; the public page then says "ditarik". */
    async withdraw(actor: Actor, id: string, reason: string, requestId?: string) {
      const d = await requireDocument(actor, id);
      if (d.issuedBy !== actor.userId) authorize(actor, 'document.withdraw', { tenantId: actor.tenantId, unitId: d.unitId });
      if (d.status === 'withdrawn') throw conflict('errors.docAlreadyWithdrawn');
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        await officialRepo.withdrawDocument(tx, actor.tenantId, id, { withdrawnAt: now, withdrawnReason: reason, withdrawnBy: actor.userId });
        await audit.record({ entityType: 'official_document', entityId: id, action: 'withdraw', changes: { status: { before: 'issued', after: 'withdrawn' }, withdrawnReason: { before: null, after: reason } } });
        return { id, status: 'withdrawn' as const, withdrawnAt: now };
      });
    },

    /** Public lookup by verification code (the global table: no tenant in the link). */
    async verify(code: string) {
      if (!/^[A-Za-z0-9_-]{10,64}$/.test(code)) return null;
      const v = await officialRepo.verification(db, code);
      if (!v) return null;
      const d = await officialRepo.verifiedDocument(db, v.tenantId, v.documentId);
      return { ...d, signer: JSON.parse(d.signer) as SignatureBlock };
    },
  };
}
export type OfficialDocumentsService = ReturnType<typeof createOfficialDocumentsService>;
