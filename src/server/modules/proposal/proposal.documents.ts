import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { renderPdf } from '../../documents/pdf/pdfmake.ts';
import type { Actor } from '../../policy/actor.ts';
import type { ProposalService } from './proposal.service.ts';
import type { Deps } from '../../deps.ts';
import { kopContent, loadLetterhead } from '../../documents/official/letterhead.ts';
import { kopParagraphs } from '../../documents/official/docx.ts';
import { signatureContent, signatureLines, unitHeadSigner, vacantSigner } from '../../documents/official/signer.ts';
import { formatDate } from '../../../shared/i18n/translate.ts';
import { regionDate } from '../../../shared/region-time.ts';
import { fileName } from '../../lib/attachment.ts';
import { tenantsRepo } from '../tenants/tenants.repo.ts';

/** Proposal exports in the official section order, with word counts; attachments listed. */
export function createProposalDocuments(proposals: ProposalService, deps: Deps) {
  /**
   * Members export the workspace; a judge the scored version, and in blind mode nothing that names
   * a unit or person (no kop, no signer, redacted text).
   */
  async function data(actor: Actor, id: string) {
    const { view, inv: record, rb, access, redact } = await proposals.readView(actor, id);
    const blind = access.kind === 'judge' && access.blind;
    const attachments = await proposals.attachedKinds(actor.tenantId, id);
    // File names often carry the office's name: a blind judge sees only that a file is attached.
    const required = rb.body.requiredAttachments.map((a) => {
      const file = attachments.find((x) => x.kind === a.kind)?.originalName ?? null;
      return { title: a.title, file: file && blind ? 'terlampir' : file && redact(file) };
    });
    const inv = { acronym: record.acronym && redact(record.acronym), videoUrl: blind ? null : record.videoUrl };
    // Today in the region's own zone (WIB/WITA/WIT): the cover's date and the file name's year.
    const { regionCode } = await tenantsRepo.findTenant(deps.db, actor.tenantId);
    const date = regionDate(deps.clock.now(), regionCode);
    // The cover carries the kop of the innovation's unit and its head's signature block.
    let cover = null;
    if (!blind) {
      const kop = await loadLetterhead(deps.db, deps.blobs, actor.tenantId, { kind: 'unit', unitId: record.unitId });
      const head = await unitHeadSigner(deps.db, actor.tenantId, record.unitId, date);
      cover = { kop, signer: head.signer ?? vacantSigner(head.title), date };
    }
    // The download says what it holds: `proposal-kipp-2026-rumah-umkm-serasan.pdf` (the title as a
    // blind judge sees it, so a file name never names the unit).
    const name = (ext: string) => fileName(['proposal kipp', date.slice(0, 4), view.title], ext);
    return { view, inv, rb, required, cover, name };
  }
  const count = (s: { wordCount: number; wordLimit: number }) => `${s.wordCount} / ${s.wordLimit} kata`;

  return {
    async pdf(actor: Actor, id: string): Promise<{ fileName: string; body: Buffer }> {
      const { view, inv, rb, required, cover, name } = await data(actor, id);
      const body = await renderPdf({
        info: { title: `Proposal ${rb.title} — ${view.title}`, creator: 'Serasan' },
        pageMargins: [56, 56, 56, 56],
        footer: (page: number, pages: number) => ({ text: `${view.title} · halaman ${page} dari ${pages}`, alignment: 'center', fontSize: 8, color: '#777777', margin: [0, 20, 0, 0] }),
        content: [
          ...(cover ? kopContent(cover.kop) : []),
          { text: `PROPOSAL ${rb.title.toUpperCase()}`, alignment: 'center', fontSize: 13, bold: true },
          { text: view.title, alignment: 'center', fontSize: 16, bold: true, margin: [0, 6, 0, 2] },
          { text: [inv.acronym, inv.videoUrl ? `Video: ${inv.videoUrl}` : null].filter(Boolean).join(' · ') || ' ', alignment: 'center', fontSize: 9, color: '#555555', margin: [0, 0, 0, 16] },
          cover
            ? { ...(signatureContent(cover.signer, [`${cover.kop.place}, ${formatDate('id', cover.date)}`, 'Mengetahui,']) as object), pageBreak: 'after' }
            : { text: ' ', pageBreak: 'after' },
          ...view.sections.flatMap((s, i) => [
            { columns: [{ text: `${i + 1}. ${s.title}`, bold: true, fontSize: 12 }, { text: `${count(s)}${s.weight ? ` · bobot ${s.weight}%` : ''}`, alignment: 'right', fontSize: 8, color: s.wordCount > s.wordLimit ? '#c0392b' : '#777777', width: 150 }], margin: [0, 10, 0, 4] },
            { text: s.text || '(belum diisi)', italics: !s.text, color: s.text ? '#000000' : '#999999', alignment: 'justify', preserveLeadingSpaces: true, lineHeight: 1.2 },
          ]),
          { text: 'Lampiran', bold: true, fontSize: 12, margin: [0, 18, 0, 4] },
          { ol: required.map((a) => `${a.title}: ${a.file ?? 'BELUM DIUNGGAH'}`) },
        ],
      });
      return { fileName: name('pdf'), body };
    },

    async docx(actor: Actor, id: string): Promise<{ fileName: string; body: Buffer }> {
      const { view, inv, rb, required, cover, name } = await data(actor, id);
      const sig = cover ? signatureLines(cover.signer) : null;
      const doc = new Document({
        creator: 'Serasan',
        title: `Proposal ${rb.title} — ${view.title}`,
        styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
        sections: [
          {
            children: [
              ...(cover ? kopParagraphs(cover.kop) : []),
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `PROPOSAL ${rb.title.toUpperCase()}`, bold: true })] }),
              new Paragraph({ alignment: AlignmentType.CENTER, heading: HeadingLevel.TITLE, children: [new TextRun({ text: view.title, bold: true })] }),
              ...(inv.videoUrl ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `Video: ${inv.videoUrl}`, size: 18 })] })] : []),
              ...(cover && sig
                ? [`${cover.kop.place}, ${formatDate('id', cover.date)}`, 'Mengetahui,', ...sig.heading, '', '', sig.name, ...sig.below].map((t) => new Paragraph({ indent: { left: 5200 }, children: [new TextRun({ text: t, bold: t === sig.name })] }))
                : []),
              ...view.sections.flatMap((s, i) => [
                new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: `${i + 1}. ${s.title}` })] }),
                new Paragraph({ children: [new TextRun({ text: `${count(s)}${s.weight ? ` · bobot ${s.weight}%` : ''}`, italics: true, size: 16, color: '777777' })] }),
                ...(s.text || '').split(/\n{2,}/).map((para) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun(para)] })),
              ]),
              new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Lampiran')] }),
              ...required.map((a, k) => new Paragraph({ children: [new TextRun(`${k + 1}. ${a.title}: ${a.file ?? 'BELUM DIUNGGAH'}`)] })),
            ],
          },
        ],
      });
      return { fileName: name('docx'), body: await Packer.toBuffer(doc) };
    },
  };
}
