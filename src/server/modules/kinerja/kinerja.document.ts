import type { Deps } from '../../deps.ts';
import type { Executor, Tx } from '../../db/db.ts';
import type { PkAgreementTable } from '../../db/schema.ts';
import type { BlobStore } from '../evidence/blob-store.ts';
import type { AuditRecorder } from '../audit/audit.writer.ts';
import { renderPdf, type PdfContent } from '../../documents/pdf/pdfmake.ts';
import { perjanjianKinerjaLayout, type LayoutDoc, type PerjanjianKinerjaInput } from '../../documents/official/layouts.ts';
import { loadLetterhead } from '../../documents/official/letterhead.ts';
import { issueOfficialDocument, type IssuedDocument } from '../../documents/official/issue.ts';
import type { SignatureBlock } from '../../documents/official/signer.ts';
import type { IndicatorView } from './kinerja.service.ts';
import { partiesOf, type PkParty } from './pk-parties.ts';
import { planForUnit } from './plan.service.ts';
import { regionToday } from '../tenants/tenants.region.ts';

/** Decimals in documents use the Indonesian comma (issue 11). */
const num = (x: number) => x.toLocaleString('id-ID', { maximumFractionDigits: 4 });
/** Rupiah with Indonesian thousands separators, no decimals: 1250000000 → "1.250.000.000". */
const rupiah = (x: number) => Math.round(x).toLocaleString('id-ID', { maximumFractionDigits: 0 });

function block(p: PkParty, unitId: string | null, unitName: string | null): SignatureBlock {
  return {
    onBehalfOf: null,
    prefix: p.kind === 'plt' ? 'Plt.' : p.kind === 'plh' ? 'Plh.' : null,
    jabatan: p.title,
    name: p.name,
    rank: p.rank,
    nip: p.nip,
    kind: p.kind,
    positionId: p.positionId,
    personId: null,
    unitId,
    unitName,
  };
}

type Indicators = Array<Pick<IndicatorView, 'indicator'>>;

/** The layout input of a PK: kop of the unit (the emblem kop for the head of region's PK), parties as snapshotted. */
async function layoutInput(db: Executor, blobs: BlobStore, pk: PkAgreementTable, indicators: Indicators, number: string | null, date: string): Promise<PerjanjianKinerjaInput> {
  const kop = await loadLetterhead(db, blobs, pk.tenantId, pk.unitId ? { kind: 'unit', unitId: pk.unitId } : { kind: 'head' });
  const { first, second } = partiesOf(pk);
  return {
    kop,
    number,
    date,
    signer: block(first, pk.unitId, kop.unitName ?? null),
    pihakKedua: second ? block(second, null, null) : null,
    year: pk.year,
    targets: indicators.map(({ indicator: i }) => ({ sasaran: i.sasaran, indikator: i.name, satuan: i.unit, target: num(i.target) })),
    // --- programme budget table (plan helper, issue 11 item 1): the unit's programmes for the PK's year, pagu in rupiah ---
    programs: pk.unitId ? (await planForUnit(db, pk.tenantId, pk.unitId, pk.year)).programs.map((p) => ({ name: `${p.code} ${p.name}`, budget: p.budget === null ? '–' : rupiah(p.budget) })) : [],
    // --- end programme budget table ---
    quarterTargets: indicators.map(({ indicator: i }) => ({ indikator: i.name, satuan: i.unit, q: [num(i.q1Target), num(i.q2Target), num(i.q3Target), num(i.q4Target)] })),
  };
}

/**
 * The PK layout with the lines the shared layout does not print: "PERUBAHAN KE-n" for a revised PK
 * and the register number ("NOMOR …") under the title once issued.
 */
function pkLayout(pk: PkAgreementTable, input: PerjanjianKinerjaInput): LayoutDoc {
  const layout = perjanjianKinerjaLayout(input);
  const title = `PERJANJIAN KINERJA TAHUN ${pk.year}`;
  const at = layout.content.findIndex((c) => typeof c === 'object' && c !== null && (c as { text?: unknown }).text === title);
  const extra: PdfContent[] = [];
  if (pk.revision > 0) extra.push({ text: `PERUBAHAN KE-${pk.revision}`, alignment: 'center', bold: true });
  if (input.number) extra.push({ text: `NOMOR ${input.number}`, alignment: 'center' });
  if (at >= 0 && extra.length) layout.content.splice(at + 1, 0, ...extra);
  if (pk.revision > 0) layout.info.title = `Perubahan ke-${pk.revision} ${layout.info.title}`;
  return layout;
}

/** The region's day (WIB/WITA/WIT), not the UTC day. */
const today = (deps: Deps, tenantId: string) => regionToday(deps, tenantId);

/**
 * The PK as a PDF before it is issued: the documents kit's layout with the RANCANGAN watermark (a
 * signed PK is served from its frozen, numbered PDF instead: `frozenPkPdf`).
 */
export async function pkPdf(deps: Deps, pk: PkAgreementTable, indicators: Indicators): Promise<Buffer> {
  const layout = pkLayout(pk, await layoutInput(deps.db, deps.blobs, pk, indicators, pk.documentNumber, pk.signedOn ?? (await today(deps, pk.tenantId))));
  const draft = pk.status !== 'signed';
  return renderPdf({
    info: { ...layout.info, title: draft ? `RANCANGAN — ${layout.info.title}` : layout.info.title, creator: 'Serasan' },
    pageMargins: layout.pageMargins,
    ...(draft ? { watermark: { text: 'RANCANGAN', opacity: 0.12 } } : {}),
    content: layout.content,
  });
}

/**
 * Issue the signed PK through the documents kit inside the signing transaction: a number from the
 * register (type perjanjian_kinerja), the frozen PDF with the QR to /verifikasi/{code}, stored as
 * evidence. The parties are the snapshot taken at the signing date.
 */
export async function issuePk(deps: Deps, tx: Tx, audit: AuditRecorder, p: { pk: PkAgreementTable; indicators: Indicators; actorId: string; publicBase: string }): Promise<IssuedDocument> {
  const date = p.pk.signedOn!;
  const input = await layoutInput(tx, deps.blobs, p.pk, p.indicators, null, date);
  const title = `${p.pk.revision > 0 ? `Perubahan ke-${p.pk.revision} ` : ''}Perjanjian Kinerja Tahun ${p.pk.year} — ${input.signer.prefix ? `${input.signer.prefix} ` : ''}${input.signer.jabatan}`;
  return issueOfficialDocument(tx, deps.blobs, audit, {
    tenantId: p.pk.tenantId,
    actorId: p.actorId,
    docType: 'perjanjian_kinerja',
    title,
    unitId: p.pk.unitId,
    unitCode: input.kop.unitCode,
    issuer: input.kop.kind === 'head' ? (input.kop.title ?? input.kop.governmentLine) : (input.kop.unitName ?? input.kop.governmentLine),
    signer: input.signer,
    date,
    now: deps.clock.now().toISOString(),
    publicBase: p.publicBase,
    entity: { type: 'pk', id: p.pk.id },
    build: (number) => pkLayout(p.pk, { ...input, number }),
  });
}

/**
 * All PKs of a season in one PDF for the signing ceremony: each PK's layout (with its number once
 * issued, RANCANGAN-free: the bundle is the print run) one after the other, each starting on a new
 * page. Rendered at request time (measured: see ARCHITECTURE "Perjanjian Kinerja").
 */
export async function pkBundlePdf(deps: Deps, year: number, items: Array<{ pk: PkAgreementTable; indicators: Indicators }>): Promise<Buffer> {
  const content: PdfContent[] = [];
  let margins: number[] | undefined;
  for (const [n, { pk, indicators }] of items.entries()) {
    const layout = pkLayout(pk, await layoutInput(deps.db, deps.blobs, pk, indicators, pk.documentNumber, pk.signedOn ?? (await today(deps, pk.tenantId))));
    margins ??= layout.pageMargins;
    if (n > 0) content.push({ text: '', pageBreak: 'before' });
    content.push(...layout.content);
  }
  if (!content.length) content.push({ text: `Belum ada Perjanjian Kinerja tahun ${year}.` });
  return renderPdf({ info: { title: `Perjanjian Kinerja Tahun ${year} — berkas penandatanganan`, creator: 'Serasan' }, pageMargins: margins ?? [56, 48, 56, 48], content });
}
