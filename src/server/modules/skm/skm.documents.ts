import { fileName } from '../../lib/attachment.ts';
import ExcelJS from 'exceljs';
import QRCode from 'qrcode';
import type { Deps } from '../../deps.ts';
import { skmRepo } from './skm.repo.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize } from '../../policy/policy.ts';
import { renderPdf } from '../../documents/pdf/pdfmake.ts';
import { decorateHeader, safeCells } from '../../documents/xlsx/innovation-sheet.ts';
import { formatDate } from '../../../shared/i18n/translate.ts';
import { rulebookOf, type SkmService } from './skm.service.ts';
import { kopContent, loadLetterhead } from '../../documents/official/letterhead.ts';
import { signatureContent, unitHeadSigner, vacantSigner } from '../../documents/official/signer.ts';
import { regionToday } from '../tenants/tenants.region.ts';

const LABELS: Record<string, Record<string, string>> = {
  sex: { L: 'Laki-laki', P: 'Perempuan' },
  ageBand: { lt20: '< 20 tahun', '20_29': '20–29 tahun', '30_39': '30–39 tahun', '40_49': '40–49 tahun', '50_59': '50–59 tahun', '60plus': '60 tahun ke atas' },
  education: { sd: 'SD atau di bawahnya', smp: 'SMP', sma: 'SMA/SMK', d1_d3: 'D1–D3', d4_s1: 'D4/S1', s2plus: 'S2 ke atas' },
  occupation: { pns: 'PNS', tni_polri: 'TNI/Polri', swasta: 'Pegawai swasta', wirausaha: 'Wirausaha', pelajar: 'Pelajar/mahasiswa', lainnya: 'Lainnya' },
};
const DIMENSION_TITLE: Record<string, string> = { sex: 'Jenis kelamin', ageBand: 'Usia', education: 'Pendidikan', occupation: 'Pekerjaan' };
const idNum = (x: number, dp = 2) => x.toLocaleString('id-ID', { minimumFractionDigits: dp, maximumFractionDigits: dp });

export function createSkmDocuments(deps: Deps, skm: SkmService) {
  const { db } = deps;

  async function load(actor: Actor, id: string) {
    const s = await skm.requireSurvey(actor.tenantId, id);
    authorize(actor, 'skm.read', { tenantId: actor.tenantId, unitId: s.unitId });
    const meta = await skmRepo.surveyNames(db, actor.tenantId, s.serviceId);
    return { s, meta, rb: rulebookOf(s.rulebookId) };
  }

  const period = (s: { periodStart: string; periodEnd: string }) => `${formatDate('id', s.periodStart)} – ${formatDate('id', s.periodEnd)}`;

  return {
    /** A download name that says what it holds: kind, service and period start. */
    async fileName(actor: Actor, id: string, kind: string, ext: string) {
      const { s, meta } = await load(actor, id);
      return fileName([kind, meta.serviceName, s.periodStart], ext);
    },

    async qrPng(actor: Actor, id: string, base: string) {
      const { s } = await load(actor, id);
      return QRCode.toBuffer(`${base}/skm/${s.code}`, { type: 'png', width: 600, margin: 2, errorCorrectionLevel: 'M' });
    },

    /** A4 poster for the service counter: scan, answer on the phone, done. */
    async poster(actor: Actor, id: string, base: string) {
      const { s, meta } = await load(actor, id);
      const url = `${base}/skm/${s.code}`;
      return renderPdf({
        info: { title: `Poster SKM — ${meta.serviceName}`, creator: 'Serasan' },
        pageMargins: [48, 48, 48, 48],
        content: [
          { text: meta.tenantName.toUpperCase(), alignment: 'center', fontSize: 12, bold: true, color: '#1f5f8b' },
          { text: meta.unitName, alignment: 'center', fontSize: 12, margin: [0, 2, 0, 24] },
          { text: 'SURVEI KEPUASAN MASYARAKAT', alignment: 'center', fontSize: 26, bold: true },
          { text: meta.serviceName, alignment: 'center', fontSize: 18, margin: [0, 8, 0, 24] },
          { qr: url, fit: 260, alignment: 'center', eccLevel: 'M' },
          { text: 'Pindai kode QR dengan kamera ponsel Anda', alignment: 'center', fontSize: 14, bold: true, margin: [0, 20, 0, 4] },
          { text: 'atau buka alamat:', alignment: 'center', fontSize: 11 },
          { text: url, alignment: 'center', fontSize: 13, bold: true, margin: [0, 2, 0, 20] },
          { text: `Hanya ${(JSON.parse(s.activeUnsur) as string[]).length} pertanyaan, ±2 menit. Tanpa nama, tanpa nomor telepon.`, alignment: 'center', fontSize: 12 },
          { text: 'Pendapat Anda membantu kami memperbaiki pelayanan.', alignment: 'center', fontSize: 12, margin: [0, 4, 0, 24] },
          { text: `Periode survei: ${period(s)}  ·  Kode: ${s.code}`, alignment: 'center', fontSize: 10, color: '#555555' },
          { text: 'Dasar: Peraturan Menteri PANRB Nomor 14 Tahun 2017', alignment: 'center', fontSize: 9, color: '#777777', margin: [0, 4, 0, 0] },
        ],
      });
    },

    /** Laporan hasil SKM: respondent profile, per-unsur table, IKM and mutu, weakest unsur, follow-up plan. */
    async report(actor: Actor, id: string) {
      const { s, meta, rb } = await load(actor, id);
      const r = await skm.surveyResults(s);
      const actions = await skm.listActions(actor, id);
      const unsurName = (c: string) => rb.body.unsur.find((u) => u.code === c)?.name ?? c;
      // Official form: the kop of the survey's unit; signed by the unit head at the report date.
      const reportDate = await regionToday(deps, actor.tenantId);
      const kop = await loadLetterhead(db, deps.blobs, actor.tenantId, { kind: 'unit', unitId: s.unitId });
      const head = await unitHeadSigner(db, actor.tenantId, s.unitId, reportDate);
      const profileTables = Object.entries(DIMENSION_TITLE).map(([dim, title]) => {
        const counts = r.profile[dim] ?? {};
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        return [
          { text: title, bold: true, margin: [0, 6, 0, 2] },
          {
            table: {
              widths: ['*', 60, 60],
              body: [
                [{ text: 'Kategori', bold: true }, { text: 'Jumlah', bold: true, alignment: 'right' }, { text: '%', bold: true, alignment: 'right' }],
                ...Object.entries(LABELS[dim]).map(([k, label]) => [label, { text: String(counts[k] ?? 0), alignment: 'right' }, { text: total ? idNum(((counts[k] ?? 0) / total) * 100, 1) : '–', alignment: 'right' }]),
              ],
            },
            layout: 'lightHorizontalLines',
          },
        ];
      });
      return renderPdf({
        info: { title: `Laporan SKM — ${meta.serviceName}`, creator: 'Serasan' },
        pageMargins: [56, 56, 56, 56],
        footer: (page: number, pages: number) => ({ text: `Halaman ${page} dari ${pages}`, alignment: 'center', fontSize: 8, color: '#777777', margin: [0, 20, 0, 0] }),
        content: [
          ...kopContent(kop),
          { text: 'LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT', alignment: 'center', fontSize: 14, bold: true },
          { text: `${meta.unitName} — ${meta.tenantName}`, alignment: 'center', margin: [0, 4, 0, 0] },
          { text: `Jenis layanan: ${meta.serviceName}`, alignment: 'center' },
          { text: `Periode: ${period(s)} (${s.periodKind})`, alignment: 'center', margin: [0, 0, 0, 16] },
          { text: 'A. Hasil', fontSize: 12, bold: true, margin: [0, 0, 0, 6] },
          {
            table: {
              widths: ['*', 'auto'],
              body: [
                ['Jumlah responden', String(r.n)],
                ['Populasi penerima layanan (periode)', s.population ? s.population.toLocaleString('id-ID') : 'tidak diketahui'],
                ['Sampel minimum (Krejcie–Morgan)', r.minSample !== null ? `${r.minSample} (${r.n >= r.minSample ? 'terpenuhi' : `kurang ${r.minSample - r.n}`})` : '–'],
                ['Nilai IKM (skala 1–4)', idNum(r.ikm, 4)],
                [{ text: 'Nilai IKM konversi (25–100)', bold: true }, { text: idNum(r.ikmConverted), bold: true }],
                [{ text: 'Mutu pelayanan / kinerja unit', bold: true }, { text: r.mutu ? `${r.mutu} — ${r.kinerja}` : '–', bold: true }],
              ],
            },
          },
          {
            text: r.n
              ? `Perhitungan: IKM = Σ NRR × 1/${r.weight.denominator} = ${idNum(r.ikm, 4)}; konversi = IKM × ${rb.body.conversion} = ${idNum(r.ikmConvertedExact, 4)}, dibulatkan sekali di akhir menjadi ${idNum(r.ikmConverted)}; mutu ${r.mutu} (${r.kinerja}). Bobot setiap unsur tepat 1/${r.weight.denominator}.`
              : 'Belum ada jawaban.',
            fontSize: 8,
            color: '#444444',
            margin: [0, 4, 0, 12],
          },
          { text: 'B. Nilai per unsur', fontSize: 12, bold: true, margin: [0, 0, 0, 6] },
          {
            table: {
              headerRows: 1,
              widths: [30, '*', 55, 70],
              body: [
                [{ text: 'Kode', bold: true }, { text: 'Unsur pelayanan', bold: true }, { text: 'NRR', bold: true, alignment: 'right' }, { text: 'NRR × bobot', bold: true, alignment: 'right' }],
                ...r.active.map((c) => [
                  { text: c, bold: r.weakest.includes(c) },
                  { text: unsurName(c) + (r.weakest.includes(c) ? '  (terendah)' : ''), bold: r.weakest.includes(c) },
                  { text: idNum(r.nrr[c]), alignment: 'right' },
                  { text: idNum(r.nrrWeighted[c], 4), alignment: 'right' },
                ]),
              ],
            },
            layout: 'lightHorizontalLines',
          },
          { text: 'C. Profil responden', fontSize: 12, bold: true, margin: [0, 14, 0, 2] },
          ...profileTables.flat(),
          { text: 'D. Analisis unsur terendah', fontSize: 12, bold: true, margin: [0, 14, 0, 6], pageBreak: 'before' },
          r.weakest.length
            ? { text: `Unsur dengan nilai terendah: ${r.weakest.map((c) => `${c} ${unsurName(c)} (NRR ${idNum(r.nrr[c])})`).join('; ')}. Unsur ini menjadi prioritas rencana tindak lanjut.` }
            : { text: 'Belum ada jawaban.' },
          { text: 'E. Rencana tindak lanjut', fontSize: 12, bold: true, margin: [0, 14, 0, 6] },
          actions.length
            ? {
                table: {
                  headerRows: 1,
                  widths: [30, '*', 110, 60, 50],
                  body: [
                    ['Unsur', 'Tindakan', 'Penanggung jawab (jabatan)', 'Batas waktu', 'Status'].map((t) => ({ text: t, bold: true })),
                    ...actions.map((a) => [a.unsur, a.action, a.ownerPositionTitle ?? '–', a.dueDate ? formatDate('id', a.dueDate) : '–', a.status]),
                  ],
                },
                layout: 'lightHorizontalLines',
              }
            : { text: 'Belum ada rencana tindak lanjut.', italics: true },
          signatureContent(head.signer ?? vacantSigner(head.title), [`${kop.place}, ${formatDate('id', reportDate)}`]),
          { text: `Dasar: ${rb.legalBasis.join('; ')}. Dokumen dibuat oleh Serasan.`, fontSize: 8, color: '#777777', margin: [0, 24, 0, 0] },
        ],
      });
    },

    async xlsx(actor: Actor, id: string) {
      const { s, meta, rb } = await load(actor, id);
      const r = await skm.surveyResults(s);
      const wb = new ExcelJS.Workbook();
      wb.creator = 'Serasan';
      const res = wb.addWorksheet('Hasil');
      res.columns = [{ header: 'Keterangan', key: 'k', width: 44 }, { header: 'Nilai', key: 'v', width: 28 }];
      decorateHeader(res);
      const rows: Array<[string, string | number]> = [
        ['Pemda', meta.tenantName],
        ['Unit', meta.unitName],
        ['Jenis layanan', meta.serviceName],
        ['Periode', `${s.periodStart} s.d. ${s.periodEnd}`],
        ['Jumlah responden', r.n],
        ['Sampel minimum', r.minSample ?? '–'],
        ['IKM (1–4)', r.ikm],
        ['IKM konversi (25–100)', r.ikmConverted],
        ['Mutu', r.mutu ?? '–'],
        ['Kinerja unit', r.kinerja ?? '–'],
        ...r.active.map((c): [string, number] => [`NRR ${c} ${rb.body.unsur.find((u) => u.code === c)?.name ?? ''}`, r.nrr[c]]),
      ];
      rows.forEach(([k, v]) => res.addRow(safeCells({ k, v })));
      const raw = wb.addWorksheet('Jawaban');
      const unsur = r.active;
      raw.columns = [
        { header: 'Waktu', key: 'at', width: 22 },
        ...unsur.map((c) => ({ header: c, key: c, width: 6 })),
        { header: 'Jenis kelamin', key: 'sex', width: 12 },
        { header: 'Usia', key: 'age', width: 14 },
        { header: 'Pendidikan', key: 'edu', width: 16 },
        { header: 'Pekerjaan', key: 'occ', width: 16 },
        { header: 'Saran', key: 'sug', width: 50 },
        { header: 'Data demo', key: 'demo', width: 10 },
      ];
      decorateHeader(raw);
      let after = '';
      for (;;) {
        const batch = await skmRepo.responsesAfter(db, actor.tenantId, s.id, after, 5000);
        if (!batch.length) break;
        for (const x of batch) {
          const row: Record<string, unknown> = { at: x.submittedAt, sex: LABELS.sex[x.sex ?? ''] ?? '', age: LABELS.ageBand[x.ageBand ?? ''] ?? '', edu: LABELS.education[x.education ?? ''] ?? '', occ: LABELS.occupation[x.occupation ?? ''] ?? '', sug: x.suggestion ?? '', demo: x.isDemo ? 'ya' : '' };
          for (const c of unsur) row[c] = (x as unknown as Record<string, number | null>)[`u${c.slice(1)}`];
          raw.addRow(safeCells(row));
        }
        after = batch.at(-1)!.id;
        if (raw.rowCount > 200_000) break;
      }
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
  };
}
