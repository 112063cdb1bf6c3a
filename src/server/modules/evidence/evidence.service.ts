import type { SortValue } from '../../../shared/schemas/common.ts';
import { fileTypeFromBuffer } from 'file-type';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize, can, POLICY, type Action } from '../../policy/policy.ts';
import { writeWithAudit } from '../audit/audit.writer.ts';
import { who } from '../org/org.service.ts';
import type { Executor } from '../../db/db.ts';
import { evidenceRepo as repo, EVIDENCE_KINDS, type EvidenceKind, type EvidenceSortKey, type EvidenceVisibility } from './evidence.repo.ts';

/** File kinds the evidence list filters by (pdf, image, docx, xlsx). */
export { EVIDENCE_KINDS };
import { orgRepo } from '../org/org.repo.ts';

/** Allowed evidence types, decided from the bytes (never from the file name). */
const ALLOWED: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

export async function sniffType(data: Buffer): Promise<{ mime: string; ext: string } | null> {
  const t = await fileTypeFromBuffer(data);
  if (!t || !ALLOWED[t.mime]) return null;
  return { mime: t.mime, ext: ALLOWED[t.mime] };
}

/**
 * Who may see an evidence file: whoever may read a record it is attached to. Modules register
 * how to find the unit of their record types; org records are readable tenant-wide.
 */
/** A resolver may name the read action of one record (a worksheet kind's), narrower than its type's. */
type UnitResolver = (db: Executor, tenantId: string, entityId: string) => Promise<{ exists: boolean; unitId: string | null; readAction?: Action }>;
const resolvers = new Map<string, UnitResolver>();
/** The action that lets an actor attach evidence to a record of this type (default: person.manage). */
const manageActions = new Map<string, Action>();
/** The action that lets an actor read a record of this type, hence its files (default: evidence.read, tenant-wide). */
const readActions = new Map<string, Action>();
export function registerEvidenceTarget(entityType: string, resolver: UnitResolver, manageAction: Action = 'person.manage', readAction: Action = 'evidence.read') {
  resolvers.set(entityType, resolver);
  manageActions.set(entityType, manageAction);
  readActions.set(entityType, readAction);
}

/** A record type evidence can be linked to: how to find its unit, and who may attach to it. */
export interface EvidenceTarget {
  entityType: string;
  resolve: UnitResolver;
  manageAction?: Action;
  /** Who may read the record (and so download its files), when narrower than `evidence.read`. */
  readAction?: Action;
}

/** Called where the app is built (app.ts, through evidence-targets.ts): no import side effects. */
export function registerEvidenceTargets(targets: readonly EvidenceTarget[]) {
  for (const t of targets) registerEvidenceTarget(t.entityType, t.resolve, t.manageAction, t.readAction);
}

/** Organisation records: readable tenant-wide, managed with person.manage. */
export const orgEvidenceTargets: EvidenceTarget[] = [
  { entityType: 'unit', resolve: orgRepo.unitOfUnit },
  { entityType: 'person', resolve: orgRepo.unitOfPerson },
  { entityType: 'position', resolve: orgRepo.unitOfPosition },
  { entityType: 'assignment', resolve: orgRepo.unitOfAssignment },
];
export const evidenceTargetTypes = () => [...resolvers.keys()];

/** The read action a link stores for its record (the resolver's, else the type's); '-' (nobody) when the record is gone. */
const GONE = '-';
function linkScope(entityType: string, target: { exists: boolean; unitId: string | null; readAction?: Action } | undefined) {
  if (!target?.exists) return { readAction: GONE, unitId: null };
  return { readAction: target.readAction ?? readActions.get(entityType) ?? 'evidence.read', unitId: target.unitId };
}

/**
 * The evidence an actor may see, as `can` decides it for each read action a link may store: the
 * actions he holds tenant-wide, those he holds for his unit scope only, and that scope.
 */
export function evidenceVisibility(actor: Actor): EvidenceVisibility {
  const tenantActions: string[] = [];
  const unitActions: string[] = [];
  for (const [action, rule] of Object.entries(POLICY)) {
    if (rule.platformAdmin) {
      if (actor.isPlatformAdmin) tenantActions.push(action);
      continue;
    }
    const scopes = actor.roles.map((g) => rule[g.role]);
    if (scopes.includes('tenant')) tenantActions.push(action);
    else if (scopes.includes('unit')) unitActions.push(action);
  }
  return { userId: actor.userId, tenantActions, unitActions, units: [...actor.unitScope] };
}
const linkVisible = (v: EvidenceVisibility, l: { readAction?: string | null; unitId?: string | null }) =>
  !!l.readAction && (v.tenantActions.includes(l.readAction) || (v.unitActions.includes(l.readAction) && !!l.unitId && v.units.includes(l.unitId)));

/**
 * Resolve the read action and unit of the tenant's links that have none yet (written before
 * migration 0024, or inserted by a module that writes its own links: assessment answers, proposal
 * attachments, issued documents). Idempotent; run before every list.
 */
async function resolvePendingLinks(db: Executor, tenantId: string) {
  for (const l of await repo.unresolvedLinks(db, tenantId)) {
    const resolver = resolvers.get(l.entityType);
    const s = linkScope(l.entityType, resolver ? await resolver(db, tenantId, l.entityId) : undefined);
    await repo.setLinkScope(db, tenantId, l.id, s.readAction, s.unitId);
  }
}

/** Evidence is readable when the actor uploaded it or may read one record it is linked to. */
async function canReadEvidence(db: Executor, actor: Actor, ev: { id: string; uploadedBy: string | null }) {
  if (ev.uploadedBy === actor.userId) return true;
  const links = await repo.linksOf(db, actor.tenantId, ev.id);
  for (const l of links) {
    const target = await resolvers.get(l.entityType)?.(db, actor.tenantId, l.entityId);
    if (target?.exists && can(actor, target.readAction ?? readActions.get(l.entityType) ?? 'evidence.read', { tenantId: actor.tenantId, unitId: target.unitId })) return true;
  }
  return false;
}

/**
 * Files named by id in a write (a worksheet answer, an LHE follow-up) must be readable by the
 * actor, as for a download (else 404): linking another unit's file to one's own record would
 * otherwise make it readable through that record.
 */
export async function assertEvidenceReadable(db: Executor, actor: Actor, ids: string[]) {
  for (const id of new Set(ids)) {
    const ev = await repo.find(db, actor.tenantId, id);
    if (!ev || !(await canReadEvidence(db, actor, ev))) throw notFound('evidence');
  }
}

export function createEvidenceService(deps: Deps) {
  const { db, clock, blobs } = deps;

  async function resolveTarget(tenantId: string, entityType: string, entityId: string) {
    const resolver = resolvers.get(entityType);
    if (!resolver) throw new AppError('VALIDATION', 'errors.validation', { field: 'entityType', problem: entityType }, [{ field: 'entityType', message: entityType }]);
    const target = await resolver(db, tenantId, entityId);
    if (!target.exists) throw notFound(entityType);
    return target;
  }

  const canRead = (actor: Actor, ev: { id: string; uploadedBy: string | null }) => canReadEvidence(db, actor, ev);

  return {
    async upload(actor: Actor, file: { data: Buffer; filename: string }, link: { entityType?: string; entityId?: string }, requestId?: string) {
      authorize(actor, 'evidence.upload', { tenantId: actor.tenantId });
      const type = await sniffType(file.data);
      if (!type) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'errors.fileType', {}, [{ field: 'file', messageKey: 'errors.fileType' }]);
      let linkTarget: Awaited<ReturnType<typeof resolveTarget>> | undefined;
      if (link.entityType && link.entityId) {
        linkTarget = await resolveTarget(actor.tenantId, link.entityType, link.entityId);
        // Attaching evidence to a record is a change to that record: it needs that record's manage right.
        authorize(actor, manageActions.get(link.entityType) ?? 'person.manage', { tenantId: actor.tenantId, unitId: linkTarget.unitId });
      }
      const stored = await blobs.put(file.data);
      const originalName = file.filename.replace(/[\\/\0]/g, '_').slice(0, 200) || `berkas.${type.ext}`;
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        const row = { tenantId: actor.tenantId, id: newId(), sha256: stored.sha256, size: stored.size, mime: type.mime, ext: type.ext, originalName, uploadedBy: actor.userId, createdAt: now };
        await repo.insert(tx, row);
        await audit.record({ entityType: 'evidence', entityId: row.id, action: 'upload', after: { originalName, sha256: row.sha256, size: row.size, mime: row.mime } });
        if (link.entityType && link.entityId) {
          await repo.insertLink(tx, { tenantId: actor.tenantId, id: newId(), evidenceId: row.id, entityType: link.entityType, entityId: link.entityId, createdAt: now, ...linkScope(link.entityType, linkTarget) });
          await audit.record({ entityType: link.entityType, entityId: link.entityId, action: 'link', changes: { evidence: { before: null, after: originalName } } });
        }
        return row;
      });
    },

    async link(actor: Actor, evidenceId: string, entityType: string, entityId: string, requestId?: string) {
      const ev = await repo.find(db, actor.tenantId, evidenceId);
      if (!ev || !(await canRead(actor, ev))) throw notFound('evidence');
      const target = await resolveTarget(actor.tenantId, entityType, entityId);
      authorize(actor, manageActions.get(entityType) ?? 'person.manage', { tenantId: actor.tenantId, unitId: target.unitId });
      await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        if (await repo.linkExists(tx, actor.tenantId, evidenceId, entityType, entityId)) return;
        await repo.insertLink(tx, { tenantId: actor.tenantId, id: newId(), evidenceId, entityType, entityId, createdAt: clock.now().toISOString(), ...linkScope(entityType, target) });
        await audit.record({ entityType, entityId, action: 'link', changes: { evidence: { before: null, after: ev.originalName } } });
      });
    },

    async list(actor: Actor, f: { q?: string; entityType?: string; entityId?: string; kind?: EvidenceKind; page: number; pageSize: number; sort: SortValue<EvidenceSortKey> }) {
      authorize(actor, 'evidence.read', { tenantId: actor.tenantId });
      let linkedTo: { entityType: string; entityId?: string } | undefined;
      if (f.entityType && f.entityId) {
        const target = await resolveTarget(actor.tenantId, f.entityType, f.entityId);
        authorize(actor, readActions.get(f.entityType) ?? 'evidence.read', { tenantId: actor.tenantId, unitId: target.unitId });
        linkedTo = { entityType: f.entityType, entityId: f.entityId };
      } else if (f.entityType) {
        // "Linked to": files linked to any record of that type.
        linkedTo = { entityType: f.entityType };
      }
      // Only the files the actor may open, and of each only the links to records he may read.
      await resolvePendingLinks(db, actor.tenantId);
      const visibility = evidenceVisibility(actor);
      const { rows, total } = await repo.list(db, deps.dialect, actor.tenantId, { q: f.q, linkedTo, kind: f.kind, page: f.page, pageSize: f.pageSize, sort: f.sort }, visibility);
      const ids = rows.map((r) => r.id);
      const links = (ids.length ? await repo.linksOfMany(db, actor.tenantId, ids) : []).filter((l) => linkVisible(visibility, l));
      return {
        items: rows.map((r) => ({
          id: r.id,
          originalName: r.originalName,
          mime: r.mime,
          size: r.size,
          sha256: r.sha256,
          createdAt: r.createdAt,
          uploadedByName: r.uploadedByName ?? null,
          links: links.filter((l) => l.evidenceId === r.id).map((l) => ({ entityType: l.entityType, entityId: l.entityId })),
        })),
        total,
      };
    },

    async open(actor: Actor, id: string) {
      const ev = await repo.find(db, actor.tenantId, id);
      // Not found and not allowed look the same, so ids of other units' files leak nothing.
      if (!ev || !(await canRead(actor, ev))) throw notFound('evidence');
      return { ev, stream: blobs.open(ev.sha256) };
    },
  };
}
