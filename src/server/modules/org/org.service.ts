import type { Deps } from '../../deps.ts';
import { holderOf } from './holder.ts';
import { AppError, conflict, notFound, validation } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize, can } from '../../policy/policy.ts';
import { formatNip, validateNip } from '../../../shared/nip.ts';
import type {
  CreateAssignmentInput,
  CreatePersonInput,
  CreateUnitInput,
  UpdatePersonInput,
  UpdateUnitInput,
} from '../../../shared/schemas/org.ts';
import { writeWithAudit, type AuditActor } from '../audit/audit.writer.ts';
import { orgRepo as repo, type PeopleListFilter, type PositionsListFilter } from './org.repo.ts';
import type { PersonTable, UnitTable, PositionTable, AssignmentTable } from '../../db/schema.ts';
import { regionToday } from '../tenants/tenants.region.ts';

export const who = (actor: Actor, requestId?: string): AuditActor => ({
  tenantId: actor.tenantId,
  actorId: actor.userId,
  actorName: actor.name,
  requestId: requestId ?? null,
});

/** Plain objects for the audit diff (booleans as booleans, no bookkeeping columns). */
const unitFields = (u: UnitTable) => ({ name: u.name, shortName: u.shortName, type: u.type, code: u.code, parentId: u.parentId, isActive: u.isActive === 1 });
const positionFields = (p: PositionTable) => ({ unitId: p.unitId, title: p.title, isHead: p.isHead === 1 });
const personFields = (p: PersonTable) => ({ name: p.name, nip: p.nip, kind: p.kind, rank: p.rank, unitId: p.unitId });
const assignmentFields = (a: AssignmentTable) => ({
  positionId: a.positionId,
  personId: a.personId,
  kind: a.kind,
  startDate: a.startDate,
  endDate: a.endDate,
  decreeNumber: a.decreeNumber,
});

/** Inclusive date ranges; a null end is open. ISO dates compare as strings. */
export function overlaps(aStart: string, aEnd: string | null, bStart: string, bEnd: string | null): boolean {
  return aStart <= (bEnd ?? '9999-12-31') && bStart <= (aEnd ?? '9999-12-31');
}

export function createOrgService(deps: Deps) {
  const { db, clock, dialect } = deps;
  const nowIso = () => clock.now().toISOString();
  /** The region's year (at 2026-12-31T18:00Z a WIB region is already in 2027), never the UTC one. */
  const currentYear = async (tenantId: string) => Number((await regionToday(deps, tenantId)).slice(0, 4));

  async function requireUnit(tenantId: string, id: string) {
    const unit = await repo.findUnit(db, tenantId, id);
    if (!unit) throw notFound('unit');
    return unit;
  }

  async function checkNip(tenantId: string, nip: string, kind: 'PNS' | 'PPPK') {
    const result = validateNip(nip, kind, await currentYear(tenantId));
    if (!result.ok) throw validation('nip', `nip.${result.reason}`, result.params ?? {});
    return result.nip;
  }

  return {
    // ---- units -------------------------------------------------------------------------
    async listUnits(actor: Actor, f: { type?: string; q?: string }) {
      authorize(actor, 'unit.read', { tenantId: actor.tenantId });
      return repo.listUnits(db, actor.tenantId, f);
    },

    async getUnit(actor: Actor, id: string) {
      authorize(actor, 'unit.read', { tenantId: actor.tenantId });
      return requireUnit(actor.tenantId, id);
    },

    async createUnit(actor: Actor, input: CreateUnitInput, requestId?: string) {
      const parentId = input.parentId ?? null;
      if (parentId) await requireUnit(actor.tenantId, parentId);
      // A unit role may add sub-units under its own unit; a top-level unit needs the admin.
      authorize(actor, 'unit.create', { tenantId: actor.tenantId, unitId: parentId });
      const id = newId();
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        if (input.code && (await repo.findUnitByCode(tx, actor.tenantId, input.code))) {
          throw conflict('errors.unitCodeTaken', { code: input.code });
        }
        const row: UnitTable = {
          tenantId: actor.tenantId,
          id,
          parentId,
          name: input.name,
          shortName: input.shortName ?? null,
          type: input.type,
          code: input.code ?? null,
          isActive: 1,
          createdAt: nowIso(),
          updatedAt: nowIso(),
        };
        await repo.insertUnit(tx, row);
        await audit.record({ entityType: 'unit', entityId: id, action: 'create', after: unitFields(row) });
        return row;
      });
    },

    async updateUnit(actor: Actor, id: string, input: UpdateUnitInput, requestId?: string) {
      const unit = await requireUnit(actor.tenantId, id);
      authorize(actor, 'unit.update', { tenantId: actor.tenantId, unitId: unit.id });
      if (input.parentId !== undefined && input.parentId !== null) {
        await requireUnit(actor.tenantId, input.parentId);
        // No cycles: the new parent may not be the unit itself or lie below it.
        const tree = await repo.unitTree(db, actor.tenantId);
        const parentOf = new Map(tree.map((u) => [u.id, u.parentId]));
        for (let cur: string | null | undefined = input.parentId; cur; cur = parentOf.get(cur)) {
          if (cur === id) throw validation('parentId', 'errors.parentCycle');
        }
        authorize(actor, 'unit.create', { tenantId: actor.tenantId, unitId: input.parentId });
      }
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        if (input.code && input.code !== unit.code && (await repo.findUnitByCode(tx, actor.tenantId, input.code))) {
          throw conflict('errors.unitCodeTaken', { code: input.code });
        }
        const next: UnitTable = {
          ...unit,
          ...(input.name !== undefined && { name: input.name }),
          ...(input.shortName !== undefined && { shortName: input.shortName ?? null }),
          ...(input.type !== undefined && { type: input.type }),
          ...(input.code !== undefined && { code: input.code ?? null }),
          ...(input.parentId !== undefined && { parentId: input.parentId ?? null }),
          ...(input.isActive !== undefined && { isActive: input.isActive ? 1 : 0 }),
          updatedAt: nowIso(),
        };
        await repo.updateUnit(tx, actor.tenantId, id, next);
        await audit.record({ entityType: 'unit', entityId: id, action: 'update', before: unitFields(unit), after: unitFields(next) });
        return next;
      });
    },

    // ---- positions (jabatan) ------------------------------------------------------------
    /** Positions with the people holding them today: search, unit and holder filters, sorted, one page. */
    async listPositions(actor: Actor, f: PositionsListFilter) {
      authorize(actor, 'position.read', { tenantId: actor.tenantId });
      const today = await regionToday(deps, actor.tenantId);
      const { items, total } = await repo.listPositions(db, dialect, actor.tenantId, f, today);
      const current = items.length ? await repo.listAssignments(db, actor.tenantId, { currentOn: today, positionIds: items.map((p) => p.id) }) : [];
      const holders = new Map<string, typeof current>();
      for (const a of current) holders.set(a.positionId, [...(holders.get(a.positionId) ?? []), a]);
      return { items: items.map((p) => ({ ...p, holders: holders.get(p.id) ?? [] })), total };
    },

    async createPosition(actor: Actor, input: { unitId: string; title: string; isHead?: boolean }, requestId?: string) {
      await requireUnit(actor.tenantId, input.unitId);
      authorize(actor, 'position.manage', { tenantId: actor.tenantId, unitId: input.unitId });
      const row: PositionTable = {
        tenantId: actor.tenantId,
        id: newId(),
        unitId: input.unitId,
        title: input.title,
        isHead: input.isHead ? 1 : 0,
        createdAt: nowIso(),
        updatedAt: nowIso(),
      };
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        await repo.insertPosition(tx, row);
        await audit.record({ entityType: 'position', entityId: row.id, action: 'create', after: positionFields(row) });
        return row;
      });
    },

    async updatePosition(actor: Actor, id: string, input: { title?: string; isHead?: boolean }, requestId?: string) {
      const pos = await repo.findPosition(db, actor.tenantId, id);
      if (!pos) throw notFound('position');
      authorize(actor, 'position.manage', { tenantId: actor.tenantId, unitId: pos.unitId });
      const next: PositionTable = {
        ...pos,
        ...(input.title !== undefined && { title: input.title }),
        ...(input.isHead !== undefined && { isHead: input.isHead ? 1 : 0 }),
        updatedAt: nowIso(),
      };
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        await repo.updatePosition(tx, actor.tenantId, id, next);
        await audit.record({ entityType: 'position', entityId: id, action: 'update', before: positionFields(pos), after: positionFields(next) });
        return next;
      });
    },

    // ---- people (ASN) -------------------------------------------------------------------
    async listPeople(actor: Actor, f: PeopleListFilter) {
      authorize(actor, 'person.read', { tenantId: actor.tenantId });
      return repo.listPeople(db, dialect, actor.tenantId, f);
    },

    async getPerson(actor: Actor, id: string) {
      authorize(actor, 'person.read', { tenantId: actor.tenantId });
      const person = await repo.findPerson(db, actor.tenantId, id);
      if (!person) throw notFound('person');
      const unit = person.unitId ? await repo.findUnit(db, actor.tenantId, person.unitId) : undefined;
      const assignments = await repo.listAssignments(db, actor.tenantId, { personId: id });
      return { ...person, unitName: unit?.name ?? null, assignments, canManage: can(actor, 'person.manage', { tenantId: actor.tenantId, unitId: person.unitId }) };
    },

    async createPerson(actor: Actor, input: CreatePersonInput, requestId?: string) {
      const unitId = input.unitId ?? null;
      if (unitId) await requireUnit(actor.tenantId, unitId);
      authorize(actor, 'person.manage', { tenantId: actor.tenantId, unitId });
      const nip = await checkNip(actor.tenantId, input.nip, input.kind);
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const existing = await repo.findPersonByNip(tx, actor.tenantId, nip);
        if (existing) throw conflict('errors.nipTaken', { nip: formatNip(nip), name: existing.name });
        const row: PersonTable = {
          tenantId: actor.tenantId,
          id: newId(),
          name: input.name,
          nip,
          kind: input.kind,
          rank: input.rank ?? null,
          unitId,
          createdAt: nowIso(),
          updatedAt: nowIso(),
        };
        await repo.insertPerson(tx, row);
        await audit.record({ entityType: 'person', entityId: row.id, action: 'create', after: personFields(row) });
        return { ...row, unitName: unitId ? (await repo.findUnit(tx, actor.tenantId, unitId))?.name ?? null : null };
      });
    },

    async updatePerson(actor: Actor, id: string, input: UpdatePersonInput, requestId?: string) {
      const person = await repo.findPerson(db, actor.tenantId, id);
      if (!person) throw notFound('person');
      authorize(actor, 'person.manage', { tenantId: actor.tenantId, unitId: person.unitId });
      const unitId = input.unitId !== undefined ? input.unitId ?? null : person.unitId;
      if (unitId !== person.unitId) {
        if (unitId) await requireUnit(actor.tenantId, unitId);
        // Moving a person needs the right on the destination unit as well.
        authorize(actor, 'person.manage', { tenantId: actor.tenantId, unitId });
      }
      const kind = input.kind ?? person.kind;
      const nip = input.nip !== undefined || input.kind !== undefined ? await checkNip(actor.tenantId, input.nip ?? person.nip, kind) : person.nip;
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        if (nip !== person.nip) {
          const existing = await repo.findPersonByNip(tx, actor.tenantId, nip);
          if (existing) throw conflict('errors.nipTaken', { nip: formatNip(nip), name: existing.name });
        }
        const next: PersonTable = {
          ...person,
          ...(input.name !== undefined && { name: input.name }),
          ...(input.rank !== undefined && { rank: input.rank ?? null }),
          nip,
          kind,
          unitId,
          updatedAt: nowIso(),
        };
        await repo.updatePerson(tx, actor.tenantId, id, next);
        await audit.record({ entityType: 'person', entityId: id, action: 'update', before: personFields(person), after: personFields(next) });
        return { ...next, unitName: unitId ? (await repo.findUnit(tx, actor.tenantId, unitId))?.name ?? null : null };
      });
    },

    // ---- assignments (definitif / Plt / Plh) ----------------------------------------------
    /** The holder of a position on a date (definitif, else Plt, else Plh); null when vacant. */
    async holderOf(actor: Actor, positionId: string, date: string) {
      authorize(actor, 'assignment.read', { tenantId: actor.tenantId });
      if (!(await repo.findPosition(db, actor.tenantId, positionId))) throw notFound('position');
      return holderOf(db, actor.tenantId, positionId, date);
    },

    async listAssignments(actor: Actor, f: { positionId?: string; personId?: string }) {
      authorize(actor, 'assignment.read', { tenantId: actor.tenantId });
      return repo.listAssignments(db, actor.tenantId, f);
    },

    async createAssignment(actor: Actor, input: CreateAssignmentInput, requestId?: string) {
      const position = await repo.findPosition(db, actor.tenantId, input.positionId);
      if (!position) throw notFound('position');
      const person = await repo.findPerson(db, actor.tenantId, input.personId);
      if (!person) throw notFound('person');
      authorize(actor, 'assignment.manage', { tenantId: actor.tenantId, unitId: position.unitId });
      const endDate = input.endDate ?? null;
      if (endDate && endDate < input.startDate) throw validation('endDate', 'errors.endBeforeStart');
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        // Serialise assignments to one position (PostgreSQL row lock; SQLite has one writer).
        await repo.lockPosition(tx, dialect, actor.tenantId, position.id);
        const existing = await repo.assignmentsOfPosition(tx, actor.tenantId, position.id);
        for (const a of existing) {
          if (!overlaps(a.startDate, a.endDate, input.startDate, endDate)) continue;
          if (input.kind === 'definitif' && a.kind === 'definitif') {
            throw conflict('errors.definitiveTaken', { name: a.personName, since: `#date:${a.startDate}` });
          }
          if (a.personId === person.id) throw conflict('errors.assignmentOverlap', { name: person.name });
        }
        const row: AssignmentTable = {
          tenantId: actor.tenantId,
          id: newId(),
          positionId: position.id,
          personId: person.id,
          kind: input.kind,
          startDate: input.startDate,
          endDate,
          decreeNumber: input.decreeNumber ?? null,
          createdAt: nowIso(),
          updatedAt: nowIso(),
        };
        await repo.insertAssignment(tx, row);
        await audit.record({ entityType: 'assignment', entityId: row.id, action: 'create', after: assignmentFields(row) });
        return row;
      });
    },

    /** Ending keeps the record: history is never overwritten, only closed. */
    async endAssignment(actor: Actor, id: string, endDate: string, requestId?: string) {
      const a = await repo.findAssignment(db, actor.tenantId, id);
      if (!a) throw notFound('assignment');
      const position = await repo.findPosition(db, actor.tenantId, a.positionId);
      authorize(actor, 'assignment.manage', { tenantId: actor.tenantId, unitId: position?.unitId });
      if (a.endDate && a.endDate < endDate) throw new AppError('CONFLICT', 'errors.assignmentEnded');
      if (endDate < a.startDate) throw validation('endDate', 'errors.endBeforeStart');
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const next = { ...a, endDate, updatedAt: nowIso() };
        await repo.updateAssignment(tx, actor.tenantId, id, { endDate, updatedAt: next.updatedAt });
        await audit.record({ entityType: 'assignment', entityId: id, action: 'end', before: assignmentFields(a), after: assignmentFields(next) });
        return next;
      });
    },
  };
}
export type OrgService = ReturnType<typeof createOrgService>;
