import type { Deps } from '../../deps.ts';
import type { PkAgreementTable } from '../../db/schema.ts';
import { renderPdf } from '../../documents/pdf/pdfmake.ts';
import { perjanjianKinerjaLayout, type PerjanjianKinerjaInput } from '../../documents/official/layouts.ts';
import { loadLetterhead } from '../../documents/official/letterhead.ts';
import type { SignatureBlock } from '../../documents/official/signer.ts';
import { partiesOf, type IndicatorView, type PkParty } from './kinerja.service.ts';
import { regionToday } from '../tenants/tenants.region.ts';

/** Decimals in documents use the Indonesian comma (issue 11). */
const num = (x: number) => x.toLocaleString('id-ID', { maximumFractionDigits: 4 });

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

/**
 * The PK as a PDF through the documents kit's layout: kop of the unit (the emblem kop for the head
 * of region's PK), parties as snapshotted (at signing, the holders at the signing date), lampiran
 * with sasaran / indikator / satuan / target and the quarterly target sheet. A PK not yet signed
 * carries the RANCANGAN watermark. Numbering and the verification QR (issueOfficialDocument) are
 * left for the signing-season step.
 */
export async function pkPdf(deps: Deps, pk: PkAgreementTable, indicators: IndicatorView[]): Promise<Buffer> {
  const kop = await loadLetterhead(deps.db, deps.blobs, pk.tenantId, pk.unitId ? { kind: 'unit', unitId: pk.unitId } : { kind: 'head' });
  const { first, second } = partiesOf(pk);
  const input: PerjanjianKinerjaInput = {
    kop,
    number: null,
    date: pk.signedOn ?? (await regionToday(deps, pk.tenantId)),
    signer: block(first, pk.unitId, kop.unitName ?? null),
    pihakKedua: second ? block(second, null, null) : null,
    year: pk.year,
    targets: indicators.map(({ indicator: i }) => ({ sasaran: i.sasaran, indikator: i.name, satuan: i.unit, target: num(i.target) })),
    programs: [],
    quarterTargets: indicators.map(({ indicator: i }) => ({ indikator: i.name, satuan: i.unit, q: [num(i.q1Target), num(i.q2Target), num(i.q3Target), num(i.q4Target)] })),
  };
  const layout = perjanjianKinerjaLayout(input);
  const draft = pk.status !== 'signed';
  return renderPdf({
    info: { ...layout.info, title: draft ? `RANCANGAN — ${layout.info.title}` : layout.info.title, creator: 'Serasan' },
    pageMargins: layout.pageMargins,
    ...(draft ? { watermark: { text: 'RANCANGAN', opacity: 0.12 } } : {}),
    content: layout.content,
  });
}
