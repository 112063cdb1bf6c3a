import type { Insertable } from 'kysely';
import type { DialectName, Executor } from '../../db/db.ts';
import type { EvidenceLinkTable, EvidenceTable } from '../../db/schema.ts';
import { ilikeContains } from '../../db/dialect.ts';
import { orderByList, pageOf, type SortColumns } from '../../lib/list.ts';
import type { LIST_SORTS, SortValue } from '../../../shared/schemas/common.ts';

export type EvidenceSortKey = (typeof LIST_SORTS.evidence.keys)[number];
const EVIDENCE_SORT: SortColumns<EvidenceSortKey> = {
  createdAt: { column: 'evidence.createdAt' },
  name: { column: 'evidence.originalName', text: true },
  size: { column: 'evidence.size' },
};

/** File kinds the evidence list filters by, as the content types the upload accepts. */
export const EVIDENCE_KINDS = ['pdf', 'image', 'docx', 'xlsx'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
const KIND_MIMES: Record<EvidenceKind, string[]> = {
  pdf: ['application/pdf'],
  image: ['image/jpeg', 'image/png'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
};

export interface EvidenceListFilter {
  q?: string;
  /** Only the evidence linked to this record (entityId given) or to any record of this type. */
  linkedTo?: { entityType: string; entityId?: string };
  kind?: EvidenceKind;
  page: number;
  pageSize: number;
  sort: SortValue<EvidenceSortKey>;
}

/**
 * What one reader may see: the files he uploaded, and the files linked to a record whose stored
 * read action he holds tenant-wide, or unit-wide with the record's unit in his unit scope.
 */
export interface EvidenceVisibility {
  userId: string;
  tenantActions: string[];
  unitActions: string[];
  units: string[];
}

/** Evidence records and their links to other records; every function takes tenantId explicitly. */
export const evidenceRepo = {
  find(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('evidence').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },
  async insert(db: Executor, row: Insertable<EvidenceTable>) {
    await db.insertInto('evidence').values(row).execute();
  },
  linksOf(db: Executor, tenantId: string, evidenceId: string) {
    return db.selectFrom('evidenceLinks').select(['entityType', 'entityId']).where('tenantId', '=', tenantId).where('evidenceId', '=', evidenceId).execute();
  },
  linksOfMany(db: Executor, tenantId: string, evidenceIds: string[]) {
    return db.selectFrom('evidenceLinks').select(['evidenceId', 'entityType', 'entityId', 'readAction', 'unitId']).where('tenantId', '=', tenantId).where('evidenceId', 'in', evidenceIds).execute();
  },
  async linkExists(db: Executor, tenantId: string, evidenceId: string, entityType: string, entityId: string) {
    const r = await db
      .selectFrom('evidenceLinks')
      .select('id')
      .where('tenantId', '=', tenantId)
      .where('evidenceId', '=', evidenceId)
      .where('entityType', '=', entityType)
      .where('entityId', '=', entityId)
      .executeTakeFirst();
    return !!r;
  },
  async insertLink(db: Executor, row: Insertable<EvidenceLinkTable>) {
    await db.insertInto('evidenceLinks').values(row).execute();
  },
  /** Links whose record's read action and unit are not resolved yet (written before 0024 or by another module). */
  unresolvedLinks(db: Executor, tenantId: string) {
    return db.selectFrom('evidenceLinks').select(['id', 'entityType', 'entityId']).where('tenantId', '=', tenantId).where('readAction', 'is', null).execute();
  },
  async setLinkScope(db: Executor, tenantId: string, id: string, readAction: string, unitId: string | null) {
    await db.updateTable('evidenceLinks').set({ readAction, unitId }).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },
  /** The files linked to records of one type (`entityType`, a set of entity ids), in the order linked. */
  linkedFiles(db: Executor, tenantId: string, entityType: string, entityIds: string[]) {
    if (!entityIds.length) return Promise.resolve([]);
    return db
      .selectFrom('evidenceLinks as l')
      .innerJoin('evidence as e', (j) => j.onRef('e.tenantId', '=', 'l.tenantId').onRef('e.id', '=', 'l.evidenceId'))
      .select(['l.entityId', 'e.id', 'e.originalName', 'e.mime', 'e.size', 'e.createdAt'])
      .where('l.tenantId', '=', tenantId)
      .where('l.entityType', '=', entityType)
      .where('l.entityId', 'in', entityIds)
      .orderBy('l.createdAt')
      .orderBy('l.id')
      .execute();
  },
  /** One page of the tenant's evidence with the uploader's name, and the count of all that match. */
  async list(db: Executor, dialect: DialectName, tenantId: string, f: EvidenceListFilter, v: EvidenceVisibility) {
    let q = db.selectFrom('evidence').leftJoin('users', 'users.id', 'evidence.uploadedBy').where('evidence.tenantId', '=', tenantId);
    // Only what the reader may open (the download's rule, on the links' stored read action and unit).
    const byTenant = v.tenantActions.length > 0;
    const byUnit = v.unitActions.length > 0 && v.units.length > 0;
    q = q.where((eb) => {
      const visible = [eb('evidence.uploadedBy', '=', v.userId)];
      if (byTenant || byUnit) {
        const readableLinks = eb
          .selectFrom('evidenceLinks as l')
          .select('l.evidenceId')
          .where('l.tenantId', '=', tenantId)
          .where((l) =>
            l.or([
              ...(byTenant ? [l('l.readAction', 'in', v.tenantActions)] : []),
              ...(byUnit ? [l.and([l('l.readAction', 'in', v.unitActions), l('l.unitId', 'in', v.units)])] : []),
            ]),
          );
        visible.push(eb('evidence.id', 'in', readableLinks));
      }
      return eb.or(visible);
    });
    if (f.linkedTo) {
      const { entityType, entityId } = f.linkedTo;
      q = q.where('evidence.id', 'in', (eb) => {
        const links = eb.selectFrom('evidenceLinks').select('evidenceId').where('tenantId', '=', tenantId).where('entityType', '=', entityType);
        return entityId ? links.where('entityId', '=', entityId) : links;
      });
    }
    if (f.kind) q = q.where('evidence.mime', 'in', KIND_MIMES[f.kind]);
    if (f.q) q = q.where(ilikeContains('evidence.originalName', f.q));
    const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await q
      .selectAll('evidence')
      .select('users.name as uploadedByName')
      .$call((qb) => pageOf(orderByList(qb, f.sort, EVIDENCE_SORT, 'evidence.id', dialect), f))
      .execute();
    return { rows, total: Number(total) };
  },
};
