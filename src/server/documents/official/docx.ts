import { AlignmentType, BorderStyle, Document, ImageRun, Packer, Paragraph, TabStopType, TextRun } from 'docx';
import { formatDate } from '../../../shared/i18n/translate.ts';
import type { Letterhead } from './letterhead.ts';
import type { SuratInput } from './layouts.ts';
import { signatureLines, type SignatureBlock } from './signer.ts';

/**
 * DOCX versions for documents people edit before signing (korespondensi drafts). Same content as
 * the PDF layout; the final, numbered document is issued as a frozen PDF.
 */
const FONT = 'Arial';
const p = (text: string, o: { bold?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: number; after?: number } = {}) =>
  new Paragraph({ alignment: o.align, indent: o.indent ? { left: o.indent } : undefined, spacing: { after: o.after ?? 0 }, children: [new TextRun({ text, bold: o.bold, size: o.size, font: FONT })] });

export function kopParagraphs(k: Letterhead): Paragraph[] {
  const out: Paragraph[] = [];
  if (k.emblem) {
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: k.emblem.mime === 'image/png' ? 'png' : 'jpg', data: k.emblem.data, transformation: { width: 56, height: 66 } })] }));
  }
  if (k.kind === 'head') out.push(p(k.title ?? '', { bold: true, size: 32, align: AlignmentType.CENTER }));
  else {
    out.push(p(k.governmentLine, { size: 26, align: AlignmentType.CENTER }));
    if (k.title) out.push(p(k.title, { bold: true, size: 30, align: AlignmentType.CENTER }));
    if (k.addressLine) out.push(p(k.addressLine, { size: 18, align: AlignmentType.CENTER }));
    if (k.contactLine) out.push(p(k.contactLine, { size: 18, align: AlignmentType.CENTER }));
  }
  out.push(new Paragraph({ border: { bottom: { style: BorderStyle.DOUBLE, size: 6, color: '000000', space: 1 } }, spacing: { after: 240 }, children: [] }));
  return out;
}

function signatureParagraphs(s: SignatureBlock): Paragraph[] {
  const l = signatureLines(s);
  const indent = 5200;
  return [
    ...l.heading.map((t) => p(t, { bold: true, indent })),
    new Paragraph({ spacing: { after: 1000 }, children: [] }),
    new Paragraph({ indent: { left: indent }, children: [new TextRun({ text: l.name, bold: true, underline: {}, font: FONT })] }),
    ...l.below.map((t) => p(t, { indent })),
  ];
}

const field = (label: string, value: string) =>
  new Paragraph({ tabStops: [{ type: TabStopType.LEFT, position: 1400 }], children: [new TextRun({ text: `${label}\t: ${value}`, font: FONT })] });

export async function suratDocx(s: SuratInput): Promise<Buffer> {
  const recipients = s.recipients.length > 5 ? ['Daftar terlampir'] : s.recipients;
  const children: Paragraph[] = [
    ...kopParagraphs(s.kop),
    p(`${s.kop.place}, ${formatDate('id', s.date)}`, { align: AlignmentType.RIGHT, after: 200 }),
    field('Nomor', s.number ?? '……'),
    field('Sifat', s.sifat),
    field('Lampiran', s.lampiran),
    field('Hal', s.hal),
    p('', { after: 120 }),
    p('Yth.'),
    ...recipients.map((r, i) => p(recipients.length > 1 ? `${i + 1}. ${r}` : r, { indent: 400 })),
    p('di'),
    p(s.recipientPlace, { indent: 400, after: 240 }),
    ...s.body.map((t) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 720 }, spacing: { after: 120 }, children: [new TextRun({ text: t, font: FONT })] })),
    ...(s.event ? [field('Hari, tanggal', s.event.day), field('Waktu', s.event.time), field('Tempat', s.event.place), field('Acara', s.event.agenda)] : []),
    p('', { after: 240 }),
    ...signatureParagraphs(s.signer),
    ...(s.tembusan.length ? [p('', { after: 240 }), p('Tembusan:', { size: 18 }), ...s.tembusan.map((t, i) => p(`${i + 1}. Yth. ${t}`, { size: 18 }))] : []),
  ];
  const doc = new Document({ creator: 'Serasan', title: `${s.hal}`, styles: { default: { document: { run: { font: FONT, size: 22 } } } }, sections: [{ children }] });
  return Packer.toBuffer(doc);
}
