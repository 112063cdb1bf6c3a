import type { Executor } from '../../db/db.ts';
import type { BlobStore } from '../../modules/evidence/blob-store.ts';
import type { PdfContent } from '../pdf/pdfmake.ts';

/**
 * Kop surat (RULES.md §7.3 item 1): lambang daerah; "PEMERINTAH KABUPATEN …"; the unit name (bold,
 * larger); address, telephone, website, e-mail, kode pos. The emblem-only kop ("BUPATI MUARA
 * ENIM", no address line) is for documents signed as the head of region himself.
 */
export type KopSpec = { kind: 'unit'; unitId: string } | { kind: 'tenant' } | { kind: 'head' };

export interface Letterhead {
  kind: KopSpec['kind'];
  emblem: { data: Buffer; mime: string } | null;
  governmentLine: string; // PEMERINTAH KABUPATEN MUARA ENIM
  title: string | null; // unit name, or BUPATI MUARA ENIM for the emblem-only kop
  addressLine: string | null;
  contactLine: string | null;
  place: string; // Muara Enim
  unitCode: string | null;
  unitName: string | null;
}

/** "Kabupaten Muara Enim" → "Muara Enim" (the place where documents are issued). */
export const placeOf = (tenantName: string) => tenantName.replace(/^(Kabupaten|Kota|Provinsi)\s+/i, '');

export async function readBlob(blobs: BlobStore, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of blobs.open(sha256)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function tenantDocSettings(db: Executor, tenantId: string) {
  const tenant = await db.selectFrom('tenants').select(['id', 'name', 'kind']).where('id', '=', tenantId).executeTakeFirstOrThrow();
  const s = await db.selectFrom('docTenantSettings').selectAll().where('tenantId', '=', tenantId).executeTakeFirst();
  const place = s?.place || placeOf(tenant.name);
  return {
    tenant,
    settings: s ?? null,
    governmentLine: s?.governmentLine || `PEMERINTAH ${tenant.name.toUpperCase()}`,
    headTitle: s?.headTitle || null,
    headName: s?.headName || null,
    place,
  };
}

export async function loadLetterhead(db: Executor, blobs: BlobStore, tenantId: string, spec: KopSpec): Promise<Letterhead> {
  const t = await tenantDocSettings(db, tenantId);
  let emblem: Letterhead['emblem'] = null;
  if (t.settings?.emblemEvidenceId) {
    const ev = await db.selectFrom('evidence').select(['sha256', 'mime']).where('tenantId', '=', tenantId).where('id', '=', t.settings.emblemEvidenceId).executeTakeFirst();
    if (ev && blobs.has(ev.sha256)) emblem = { data: await readBlob(blobs, ev.sha256), mime: ev.mime };
  }
  const contact = (x: { phone: string | null; website: string | null; email: string | null } | null | undefined) =>
    [x?.phone ? `Telepon ${x.phone}` : null, x?.website ? `Laman ${x.website}` : null, x?.email ? `Pos-el ${x.email}` : null].filter(Boolean).join(' · ') || null;
  const address = (x: { address: string | null; postalCode: string | null } | null | undefined) =>
    x?.address ? `${x.address}${x.postalCode ? ` Kode Pos ${x.postalCode}` : ''}` : null;
  if (spec.kind === 'head') {
    const title = t.headTitle ?? `${t.tenant.kind === 'kota' ? 'WALI KOTA' : t.tenant.kind === 'provinsi' ? 'GUBERNUR' : 'BUPATI'} ${t.place.toUpperCase()}`;
    return { kind: 'head', emblem, governmentLine: t.governmentLine, title, addressLine: null, contactLine: null, place: t.place, unitCode: null, unitName: null };
  }
  if (spec.kind === 'tenant') {
    return { kind: 'tenant', emblem, governmentLine: t.governmentLine, title: null, addressLine: address(t.settings), contactLine: contact(t.settings), place: t.place, unitCode: null, unitName: null };
  }
  const unit = await db.selectFrom('units').select(['id', 'name', 'code']).where('tenantId', '=', tenantId).where('id', '=', spec.unitId).executeTakeFirstOrThrow();
  const u = await db.selectFrom('docUnitLetterheads').selectAll().where('tenantId', '=', tenantId).where('unitId', '=', unit.id).executeTakeFirst();
  return {
    kind: 'unit',
    emblem,
    governmentLine: t.governmentLine,
    title: unit.name.toUpperCase(),
    addressLine: address(u) ?? address(t.settings),
    contactLine: contact(u) ?? contact(t.settings),
    place: t.place,
    unitCode: u?.unitCode ?? unit.code ?? null,
    unitName: unit.name,
  };
}

/** pdfmake content of the kop: emblem at the left, centred lines, a double rule below. */
export function kopContent(k: Letterhead): PdfContent[] {
  const lines: PdfContent[] =
    k.kind === 'head'
      ? [{ text: k.title, fontSize: 16, bold: true, alignment: 'center' }]
      : [
          { text: k.governmentLine, fontSize: 13, alignment: 'center' },
          ...(k.title ? [{ text: k.title, fontSize: 15, bold: true, alignment: 'center' }] : []),
          ...(k.addressLine ? [{ text: k.addressLine, fontSize: 9, alignment: 'center' }] : []),
          ...(k.contactLine ? [{ text: k.contactLine, fontSize: 9, alignment: 'center' }] : []),
        ];
  const emblem = k.emblem ? { image: `data:${k.emblem.mime};base64,${k.emblem.data.toString('base64')}`, fit: [60, 70] } : { text: '' };
  if (k.kind === 'head') {
    return [
      { ...emblem, alignment: 'center', margin: [0, 0, 0, 4] },
      ...lines,
      { canvas: [{ type: 'line', x1: 0, y1: 4, x2: 467, y2: 4, lineWidth: 1.5 }], margin: [0, 0, 0, 14] },
    ];
  }
  return [
    { columns: [{ width: 64, stack: [emblem] }, { width: '*', stack: lines }, { width: 24, text: '' }], columnGap: 8 },
    { canvas: [{ type: 'line', x1: 0, y1: 6, x2: 467, y2: 6, lineWidth: 2 }, { type: 'line', x1: 0, y1: 9, x2: 467, y2: 9, lineWidth: 0.5 }], margin: [0, 0, 0, 14] },
  ];
}
