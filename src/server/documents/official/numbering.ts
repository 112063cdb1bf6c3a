import type { Executor } from '../../db/db.ts';
import { newId } from '../../lib/ids.ts';
import { validation } from '../../errors.ts';
import { DOC_TYPES, type DocType } from '../../../shared/schemas/documents.ts';

/**
 * Numbering register (RULES.md §7.3 item 3): nomor = kode klasifikasi / nomor urut / kode unit /
 * tahun, but the segment order is UNVERIFIED, so the format is a per-tenant, per-type template.
 * Classification codes (Permendagri 83/2022) are UNVERIFIED defaults, editable per tenant.
 */
// The list of types lives in src/shared/schemas/documents.ts (one source for server and SPA).
export { DOC_TYPES, type DocType };

export const DEFAULT_TEMPLATE = '{klasifikasi}/{seq}/{unit}/{year}';
/** UNVERIFIED classification defaults: placeholders until the tenant's arsip office confirms them. */
export const DEFAULT_CLASSIFICATION: Record<DocType, string> = {
  keputusan: '100.3.3',
  surat_dinas: '000.1',
  surat_undangan: '005',
  nota_dinas: '000.1',
  berita_acara: '000.1',
  notula: '000.1',
  perjanjian_kinerja: '000.2',
  laporan_hasil_evaluasi: '700.1.2', // UNVERIFIED: the pengawasan (700) group, like the others a placeholder
};

const TOKENS = ['klasifikasi', 'seq', 'unit', 'year', 'month'] as const;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** A template must carry {seq} and {year} (sequences restart every year) and only known tokens. */
export function checkTemplate(template: string) {
  const used = [...template.matchAll(/\{([a-z]+)\}/g)].map((m) => m[1]);
  const unknown = used.find((t) => !(TOKENS as readonly string[]).includes(t));
  if (unknown) throw validation('template', 'errors.docTemplateToken', { token: unknown });
  if (!used.includes('seq') || !used.includes('year')) throw validation('template', 'errors.docTemplateRequired');
}

export function renderNumber(template: string, v: { klasifikasi: string; seq: number; unit: string | null; year: number; month: number }): string {
  return template
    .replace(/\{klasifikasi\}/g, v.klasifikasi)
    .replace(/\{seq\}/g, String(v.seq))
    .replace(/\{unit\}/g, v.unit || '-')
    .replace(/\{year\}/g, String(v.year))
    .replace(/\{month\}/g, ROMAN[v.month - 1]);
}

export async function numberTemplateOf(db: Executor, tenantId: string, docType: DocType) {
  const t = await db.selectFrom('docNumberTemplates').selectAll().where('tenantId', '=', tenantId).where('docType', '=', docType).executeTakeFirst();
  return { template: t?.template ?? DEFAULT_TEMPLATE, classification: t?.classification ?? DEFAULT_CLASSIFICATION[docType] };
}

export interface IssuedNumber {
  id: string;
  number: string;
  seq: number;
  year: number;
}

/**
 * Take the next number, inside the caller's writing transaction. The counter row is bumped with
 * one UPDATE … RETURNING, which holds the row lock until the transaction ends (PostgreSQL), and
 * SQLite transactions are serialised: parallel issuances get distinct consecutive numbers.
 * Rule for rollbacks: a number exists only once committed. If the caller's transaction rolls
 * back, the counter rolls back with it and nothing was ever shown, so the next issuance takes the
 * same sequence; a committed number is never reused (cancelled ones stay, with their reason).
 */
export async function issueNumber(
  tx: Executor,
  p: { tenantId: string; docType: DocType; date: string; unitId: string | null; unitCode: string | null; title: string; issuedBy: string | null; now: string; classification?: string },
): Promise<IssuedNumber> {
  const year = Number(p.date.slice(0, 4));
  const month = Number(p.date.slice(5, 7));
  const { template, classification } = await numberTemplateOf(tx, p.tenantId, p.docType);
  await tx.insertInto('docNumberCounters').values({ tenantId: p.tenantId, docType: p.docType, year, lastSeq: 0 }).onConflict((oc) => oc.columns(['tenantId', 'docType', 'year']).doNothing()).execute();
  const { lastSeq } = await tx
    .updateTable('docNumberCounters')
    .set((eb) => ({ lastSeq: eb('lastSeq', '+', 1) }))
    .where('tenantId', '=', p.tenantId)
    .where('docType', '=', p.docType)
    .where('year', '=', year)
    .returning('lastSeq')
    .executeTakeFirstOrThrow();
  const seq = Number(lastSeq);
  const number = renderNumber(template, { klasifikasi: p.classification || classification, seq, unit: p.unitCode, year, month });
  const id = newId();
  await tx
    .insertInto('docNumbers')
    .values({ tenantId: p.tenantId, id, docType: p.docType, year, seq, number, unitId: p.unitId, title: p.title, status: 'issued', cancelReason: null, cancelledAt: null, cancelledBy: null, documentId: null, issuedAt: p.now, issuedBy: p.issuedBy })
    .execute();
  return { id, number, seq, year };
}
