import { sql, type Insertable, type Updateable } from 'kysely';
import type { DialectName, Executor } from '../../db/db.ts';
import { ilikeContains } from '../../db/dialect.ts';
import { orderByList, pageOf, type SortColumns } from '../../lib/list.ts';
import type { LIST_SORTS } from '../../../shared/schemas/common.ts';
import type { DocRegisterQuery } from '../../../shared/schemas/documents.ts';
import type { EvidenceTable } from '../../db/schema.ts';
import type { DocTenantSettingsTable, DocUnitLetterheadTable } from './official.tables.ts';
import type { DocType } from './numbering.ts';

type SettingsPatch = Updateable<DocTenantSettingsTable> & { updatedAt: string };
type UnitPatch = Updateable<DocUnitLetterheadTable> & { updatedAt: string };

type RegisterSortKey = (typeof LIST_SORTS.documents.keys)[number];
const REGISTER_SORT: SortColumns<RegisterSortKey> = {
  issuedAt: { column: 'n.issuedAt' },
  number: { column: 'n.number', text: true },
  title: { column: 'n.title', text: true },
  unit: { column: 'u.name', text: true },
  docType: { column: 'n.docType' },
};

const EMPTY_SETTINGS = { emblemEvidenceId: null, governmentLine: null, headTitle: null, headName: null, place: null, address: null, phone: null, website: null, email: null, postalCode: null } as const;
const EMPTY_UNIT = { unitCode: null, address: null, phone: null, website: null, email: null, postalCode: null } as const;

/**
 * The official documents kit's data access (letterheads, number templates, the register, issued
 * documents); every function takes tenantId explicitly, except the public verification lookup
 * (documented cross-tenant exception: a verification link carries only its code).
 */
export const officialRepo = {
  findUnit(db: Executor, tenantId: string, unitId: string) {
    return db.selectFrom('units').select(['id', 'name']).where('tenantId', '=', tenantId).where('id', '=', unitId).executeTakeFirst();
  },

  settings(db: Executor, tenantId: string) {
    return db.selectFrom('docTenantSettings').selectAll().where('tenantId', '=', tenantId).executeTakeFirst();
  },
  unitLetterheads(db: Executor, tenantId: string) {
    return db.selectFrom('docUnitLetterheads').selectAll().where('tenantId', '=', tenantId).execute();
  },
  /** Writes the tenant's letterhead settings: updates the row, or creates it with the rest empty. */
  async putSettings(db: Executor, tenantId: string, patch: SettingsPatch, exists: boolean) {
    if (exists) await db.updateTable('docTenantSettings').set(patch).where('tenantId', '=', tenantId).execute();
    else await db.insertInto('docTenantSettings').values({ tenantId, ...EMPTY_SETTINGS, isDemo: 0, ...patch } as Insertable<DocTenantSettingsTable>).execute();
  },
  unitLetterhead(db: Executor, tenantId: string, unitId: string) {
    return db.selectFrom('docUnitLetterheads').selectAll().where('tenantId', '=', tenantId).where('unitId', '=', unitId).executeTakeFirst();
  },
  /** Writes a unit's letterhead: updates the row, or creates it with the rest empty. */
  async putUnitLetterhead(db: Executor, tenantId: string, unitId: string, patch: UnitPatch, exists: boolean) {
    if (exists) await db.updateTable('docUnitLetterheads').set(patch).where('tenantId', '=', tenantId).where('unitId', '=', unitId).execute();
    else await db.insertInto('docUnitLetterheads').values({ tenantId, unitId, ...EMPTY_UNIT, isDemo: 0, ...patch } as Insertable<DocUnitLetterheadTable>).execute();
  },
  /** The emblem file is evidence of the tenant (stored once in the blob store). */
  async insertEvidence(db: Executor, row: Insertable<EvidenceTable>) {
    await db.insertInto('evidence').values(row).execute();
  },

  /** Replaces the numbering template of a document type. */
  async putNumberTemplate(db: Executor, tenantId: string, docType: DocType, t: { template: string; classification: string; updatedAt: string }) {
    await db.deleteFrom('docNumberTemplates').where('tenantId', '=', tenantId).where('docType', '=', docType).execute();
    await db.insertInto('docNumberTemplates').values({ tenantId, docType, ...t }).execute();
  },

  /**
   * The register: numbers with unit, document and issuer, searched, filtered and one page at a
   * time; `units` limits it to those units (null: all of the tenant's).
   */
  async register(db: Executor, dialect: DialectName, tenantId: string, f: DocRegisterQuery, units: string[] | null) {
    let q = db
      .selectFrom('docNumbers as n')
      .leftJoin('units as u', (j) => j.onRef('u.tenantId', '=', 'n.tenantId').onRef('u.id', '=', 'n.unitId'))
      .leftJoin('officialDocuments as d', (j) => j.onRef('d.tenantId', '=', 'n.tenantId').onRef('d.id', '=', 'n.documentId'))
      .leftJoin('users as us', 'us.id', 'n.issuedBy')
      .where('n.tenantId', '=', tenantId);
    if (units) q = units.length ? q.where('n.unitId', 'in', units) : q.where(sql<boolean>`1 = 0`);
    if (f.docType) q = q.where('n.docType', '=', f.docType);
    if (f.year) q = q.where('n.year', '=', f.year);
    if (f.q) q = q.where((eb) => eb.or([ilikeContains('n.number', f.q!), ilikeContains('n.title', f.q!)]));
    if (f.status === 'cancelled') q = q.where('n.status', '=', 'cancelled');
    else if (f.status === 'reserved') q = q.where('n.status', '=', 'issued').where('n.documentId', 'is', null);
    else if (f.status === 'withdrawn') q = q.where('n.status', '=', 'issued').where('d.status', '=', 'withdrawn');
    else if (f.status === 'issued') q = q.where('n.status', '=', 'issued').where('d.status', '=', 'issued');
    const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const items = await q
      .select(['n.id', 'n.docType', 'n.year', 'n.seq', 'n.number', 'n.title', 'n.status', 'n.cancelReason', 'n.cancelledAt', 'n.issuedAt', 'n.unitId', 'u.name as unitName', 'n.documentId', 'd.status as documentStatus', 'd.withdrawnReason', 'd.verificationCode', 'us.name as issuedByName'])
      .$call((qb) => pageOf(orderByList(qb, f.sort, REGISTER_SORT, 'n.id', dialect), f))
      .execute();
    return { items, total: Number(total) };
  },
  findNumber(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('docNumbers').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },
  async cancelNumber(db: Executor, tenantId: string, id: string, c: { cancelReason: string; cancelledAt: string; cancelledBy: string }) {
    await db.updateTable('docNumbers').set({ status: 'cancelled', ...c }).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },

  findDocument(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('officialDocuments').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },
  /** Whether an issued document exists and its unit (evidence access). */
  async unitOfDocument(db: Executor, tenantId: string, id: string) {
    const d = await db.selectFrom('officialDocuments').select('unitId').where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return { exists: !!d, unitId: d?.unitId ?? null };
  },
  /** Issued documents, newest first (at most 500). */
  listDocuments(db: Executor, tenantId: string) {
    return db
      .selectFrom('officialDocuments')
      .select(['id', 'docType', 'number', 'title', 'unitId', 'issuer', 'documentDate', 'issuedAt', 'issuedBy', 'sha256', 'status', 'withdrawnAt', 'withdrawnReason', 'verificationCode', 'entityType', 'entityId'])
      .where('tenantId', '=', tenantId)
      .orderBy('issuedAt', 'desc')
      .limit(500)
      .execute();
  },
  async withdrawDocument(db: Executor, tenantId: string, id: string, w: { withdrawnAt: string; withdrawnReason: string; withdrawnBy: string }) {
    await db.updateTable('officialDocuments').set({ status: 'withdrawn', ...w }).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },

  /** Cross-tenant (documented exception): the public verification page knows only the code. */
  verification(db: Executor, code: string) {
    return db.selectFrom('documentVerifications').selectAll().where('code', '=', code).executeTakeFirst();
  },
  /** What the public verification page shows of a document, with its region's name. */
  verifiedDocument(db: Executor, tenantId: string, documentId: string) {
    return db
      .selectFrom('officialDocuments as d')
      .innerJoin('tenants as t', 't.id', 'd.tenantId')
      .select(['d.docType', 'd.number', 'd.title', 'd.issuer', 'd.signer', 'd.documentDate', 'd.issuedAt', 'd.sha256', 'd.status', 'd.withdrawnAt', 'd.withdrawnReason', 't.name as tenantName', 't.regionCode'])
      .where('d.tenantId', '=', tenantId)
      .where('d.id', '=', documentId)
      .executeTakeFirstOrThrow();
  },
};
