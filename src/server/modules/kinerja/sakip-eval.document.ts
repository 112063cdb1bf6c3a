import { regionToday } from '../tenants/tenants.region.ts';
import type { Deps } from '../../deps.ts';
import type { Executor, Tx } from '../../db/db.ts';
import { conflict } from '../../errors.ts';
import type { AuditRecorder } from '../audit/audit.writer.ts';
import { renderPdf } from '../../documents/pdf/pdfmake.ts';
import { dateId, no, tableContent, type LayoutDoc } from '../../documents/official/layouts.ts';
import { kopContent, loadLetterhead, type Letterhead } from '../../documents/official/letterhead.ts';
import { issueOfficialDocument, type IssuedDocument } from '../../documents/official/issue.ts';
import { signatureContent, unitHeadSigner, vacantSigner, type SignatureBlock } from '../../documents/official/signer.ts';
import type { WorksheetResult } from '../../rules/assessment/index.ts';
import { idNum } from './sakip-eval.presenters.ts';

const STATUS: Record<string, string> = { open: 'Belum ditindaklanjuti', answered: 'Ditanggapi', accepted: 'Diterima' };

/** What the LHE prints: the evaluation (the evaluator's score) and its findings, as read by the service. */
export interface LheData {
  tenantId: string;
  target: { unitId: string | null; year: number };
  unit: { id: string; name: string } | null;
  evaluation: WorksheetResult;
  evaluated: number;
  lhe: Array<{ seq: number; subComponent: string | null; finding: string; recommendation: string; status: string; followUp: string | null }>;
  inspectorate: { id: string; name: string } | undefined;
}

/** Kop of the Inspektorat unit (the tenant's when the tenant has no Inspektorat unit) and the subject line. */
async function kopOf(deps: Deps, ex: Executor, data: LheData) {
  const insp = data.inspectorate;
  const kop = await loadLetterhead(ex, deps.blobs, data.tenantId, insp ? { kind: 'unit', unitId: insp.id } : { kind: 'tenant' });
  const subject = data.unit ? data.unit.name : kop.governmentLine || 'Pemerintah Daerah';
  return { kop, subject };
}

/**
 * The LHE (laporan hasil evaluasi) of one unit-year (or the pemda) as a layout of the documents
 * kit: kop, title, number, the score table per sub-component (weight × factor [letter] = score)
 * with the total and predikat, the findings and recommendations with their follow-up status as of
 * the document's date, the place and date (the region's day) and the Inspektur's signature block.
 */
export function lheLayout(data: LheData, p: { kop: Letterhead; subject: string; number: string | null; date: string; signer: SignatureBlock }): LayoutDoc {
  const { target: t, evaluation: r } = data;
  // Components → sub-components (1.a … 4.c) as the worksheet lists them.
  const subs = r.root.children.flatMap((c) => c.children);
  const rows = subs.map((n) => [n.code, n.title, idNum(n.weight ?? 0), n.answer?.value ?? '—', n.answer ? idNum(n.score) : '—']);
  const comp = r.root.children.map((c) => [c.code, c.title, idNum(c.weight ?? c.max), idNum(c.score)]);
  return {
    info: { title: `LHE AKIP ${p.subject} ${t.year}` },
    pageMargins: [56, 36, 56, 40],
    content: [
      ...kopContent(p.kop),
      { text: 'LAPORAN HASIL EVALUASI', alignment: 'center', bold: true },
      { text: 'AKUNTABILITAS KINERJA INSTANSI PEMERINTAH (AKIP)', alignment: 'center', bold: true },
      { text: `${p.subject.toUpperCase()} TAHUN ${t.year}`, alignment: 'center', bold: true, margin: [0, 0, 0, 4] },
      { text: `Nomor: ${no(p.number)}`, alignment: 'center', margin: [0, 0, 0, 12] },
      { text: 'Dasar: PermenPANRB Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah.', margin: [0, 0, 0, 8] },
      { text: 'A. Nilai per sub-komponen', bold: true },
      tableContent({ headers: ['Kode', 'Sub-komponen', 'Bobot', 'Nilai huruf', 'Nilai'], widths: [32, '*', 40, 50, 40], rows }, 8.5),
      { text: 'B. Nilai per komponen', bold: true },
      tableContent({ headers: ['No', 'Komponen', 'Bobot', 'Nilai'], widths: [32, '*', 40, 40], rows: comp }, 8.5),
      {
        text: [{ text: 'Nilai akhir: ' }, { text: idNum(r.total), bold: true }, { text: '   Predikat: ' }, { text: r.band ? `${r.band.code} (${r.band.label})` : '—', bold: true }],
        margin: [0, 0, 0, 10],
      },
      ...(data.evaluated < subs.length ? [{ text: `Catatan: ${subs.length - data.evaluated} sub-komponen belum dinilai (dihitung 0).`, italics: true, fontSize: 9, margin: [0, 0, 0, 8] }] : []),
      { text: 'C. Temuan dan rekomendasi', bold: true },
      tableContent(
        {
          headers: ['No', 'Sub-komponen', 'Temuan', 'Rekomendasi', `Tindak lanjut per ${dateId(p.date)}`],
          widths: [20, 50, '*', '*', 90],
          rows: data.lhe.map((i) => [String(i.seq), i.subComponent ?? '—', i.finding, i.recommendation, `${STATUS[i.status]}${i.followUp ? `: ${i.followUp}` : ''}`]),
        },
        8.5,
      ),
      signatureContent(p.signer, [`${p.kop.place}, ${dateId(p.date)}`]),
    ],
  };
}

/**
 * The draft LHE (RANCANGAN watermark, no number): signed by the Inspektorat's head as held today
 * (an empty name line when vacant). An issued LHE is served from its frozen PDF instead.
 */
export async function lhePdf(deps: Deps, data: LheData): Promise<Buffer> {
  const today = await regionToday(deps, data.tenantId);
  const { kop, subject } = await kopOf(deps, deps.db, data);
  const head = data.inspectorate ? await unitHeadSigner(deps.db, data.tenantId, data.inspectorate.id, today) : { signer: null, title: null };
  const layout = lheLayout(data, { kop, subject, number: null, date: today, signer: head.signer ?? vacantSigner(head.title ?? 'Inspektur') });
  return renderPdf({ info: { title: `RANCANGAN — ${layout.info.title}`, creator: 'Serasan' }, pageMargins: layout.pageMargins, watermark: { text: 'RANCANGAN', opacity: 0.12 }, content: layout.content });
}

/**
 * Issue the LHE through the documents kit inside the caller's transaction: a number from the
 * register (type laporan_hasil_evaluasi), dated the region's day, signed by the holder of the
 * Inspektorat's head position on that day (holderOf: definitive, else Plt, else Plh), the frozen
 * PDF with the QR to /verifikasi/{code}. No Inspektorat unit or head position, or a vacant one,
 * is a 409 that says so (an official document needs a signer).
 */
export async function issueLhe(deps: Deps, tx: Tx, audit: AuditRecorder, p: { data: LheData; actorId: string; publicBase: string }): Promise<IssuedDocument & { date: string }> {
  const { data } = p;
  const date = await regionToday(deps, data.tenantId, tx);
  if (!data.inspectorate) throw conflict('errors.sakipLheNoInspector');
  const head = await unitHeadSigner(tx, data.tenantId, data.inspectorate.id, date);
  if (!head.title) throw conflict('errors.sakipLheNoInspector');
  if (!head.signer) throw conflict('errors.sakipLheSignerVacant', { position: head.title, date: `#date:${date}` });
  const signer = head.signer;
  const { kop, subject } = await kopOf(deps, tx, data);
  const issued = await issueOfficialDocument(tx, deps.blobs, audit, {
    tenantId: data.tenantId,
    actorId: p.actorId,
    docType: 'laporan_hasil_evaluasi',
    title: `Laporan Hasil Evaluasi AKIP ${subject} Tahun ${data.target.year}`,
    unitId: data.inspectorate.id,
    unitCode: kop.unitCode,
    issuer: kop.unitName ?? kop.governmentLine,
    signer,
    date,
    now: deps.clock.now().toISOString(),
    publicBase: p.publicBase,
    entity: { type: 'sakip_evaluation', id: `${data.target.unitId ?? 'pemda'}:${data.target.year}` },
    build: (number) => lheLayout(data, { kop, subject, number, date, signer }),
  });
  return { ...issued, date };
}
