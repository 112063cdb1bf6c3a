import { regionToday } from '../tenants/tenants.region.ts';
import type { Deps } from '../../deps.ts';
import { renderPdf } from '../../documents/pdf/pdfmake.ts';
import { dateId, tableContent } from '../../documents/official/layouts.ts';
import { kopContent, loadLetterhead } from '../../documents/official/letterhead.ts';
import { signatureContent, unitHeadSigner, vacantSigner } from '../../documents/official/signer.ts';
import { findNode } from '../../rules/assessment/index.ts';
import type { SakipEvalService } from './sakip-eval.service.ts';
import { SUB_COMPONENTS } from './sakip-eval.service.ts';
import { idNum } from './sakip-eval.presenters.ts';

const STATUS: Record<string, string> = { open: 'Belum ditindaklanjuti', answered: 'Ditanggapi', accepted: 'Diterima' };

/**
 * The LHE (laporan hasil evaluasi) of one unit-year (or the pemda) as a PDF through the documents
 * kit: kop of the Inspektorat unit (the tenant's when the tenant has no Inspektorat unit), the
 * score table per sub-component (weight × factor [letter] = score) with the total and predikat,
 * the findings and recommendations with their follow-up status, signed by the head of the
 * Inspektorat as held at the date (an empty name line when vacant). A draft render (RANCANGAN):
 * numbering through issueOfficialDocument is not wired yet.
 */
export async function lhePdf(deps: Deps, data: Awaited<ReturnType<SakipEvalService['lheData']>>): Promise<Buffer> {
  const { target: t, evaluation: r } = data;
  const tenantId = data.tenantId;
  const insp = data.inspectorate;
  const today = await regionToday(deps, tenantId);
  const kop = await loadLetterhead(deps.db, deps.blobs, tenantId, insp ? { kind: 'unit', unitId: insp.id } : { kind: 'tenant' });
  const head = insp ? await unitHeadSigner(deps.db, tenantId, insp.id, today) : { signer: null, title: null };
  const signer = head.signer ?? vacantSigner(head.title ?? 'Inspektur');
  const subject = data.unit ? data.unit.name : kop.governmentLine || 'Pemerintah Daerah';
  const rows = SUB_COMPONENTS.map((code) => {
    const n = findNode(r.root, code)!;
    return [code, n.title, idNum(n.weight ?? 0), n.answer?.value ?? '—', n.answer ? idNum(n.score) : '—'];
  });
  const comp = r.root.children.map((c) => [c.code, c.title, idNum(c.weight ?? c.max), idNum(c.score)]);
  return renderPdf({
    info: { title: `RANCANGAN — LHE AKIP ${subject} ${t.year}`, creator: 'Serasan' },
    pageMargins: [56, 36, 56, 40],
    watermark: { text: 'RANCANGAN', opacity: 0.12 },
    content: [
      ...kopContent(kop),
      { text: 'LAPORAN HASIL EVALUASI', alignment: 'center', bold: true },
      { text: 'AKUNTABILITAS KINERJA INSTANSI PEMERINTAH (AKIP)', alignment: 'center', bold: true },
      { text: `${subject.toUpperCase()} TAHUN ${t.year}`, alignment: 'center', bold: true, margin: [0, 0, 0, 4] },
      { text: 'Nomor: ……', alignment: 'center', margin: [0, 0, 0, 12] },
      { text: 'Dasar: PermenPANRB Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah.', margin: [0, 0, 0, 8] },
      { text: 'A. Nilai per sub-komponen', bold: true },
      tableContent({ headers: ['Kode', 'Sub-komponen', 'Bobot', 'Nilai huruf', 'Nilai'], widths: [32, '*', 40, 50, 40], rows }, 8.5),
      { text: 'B. Nilai per komponen', bold: true },
      tableContent({ headers: ['No', 'Komponen', 'Bobot', 'Nilai'], widths: [32, '*', 40, 40], rows: comp }, 8.5),
      {
        text: [{ text: 'Nilai akhir: ' }, { text: idNum(r.total), bold: true }, { text: '   Predikat: ' }, { text: r.band ? `${r.band.code} (${r.band.label})` : '—', bold: true }],
        margin: [0, 0, 0, 10],
      },
      ...(data.evaluated < SUB_COMPONENTS.length ? [{ text: `Catatan: ${SUB_COMPONENTS.length - data.evaluated} sub-komponen belum dinilai (dihitung 0).`, italics: true, fontSize: 9, margin: [0, 0, 0, 8] }] : []),
      { text: 'C. Temuan dan rekomendasi', bold: true },
      tableContent({
        headers: ['No', 'Sub-komponen', 'Temuan', 'Rekomendasi', 'Tindak lanjut'],
        widths: [20, 50, '*', '*', 90],
        rows: data.lhe.map((i) => [String(i.seq), i.subComponent ?? '—', i.finding, i.recommendation, `${STATUS[i.status]}${i.followUp ? `: ${i.followUp}` : ''}`]),
      }, 8.5),
      signatureContent(signer, [`${kop.place}, ${dateId(today)}`]),
    ],
  });
}
