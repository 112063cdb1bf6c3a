import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import type { Tx } from '../../db/db.ts';
import type { BlobStore } from '../../modules/evidence/blob-store.ts';
import type { AuditRecorder } from '../../modules/audit/audit.writer.ts';
import { newId } from '../../lib/ids.ts';
import { renderPdf } from '../pdf/pdfmake.ts';
import { verificationContent, type LayoutDoc } from './layouts.ts';
import { issueNumber, type DocType } from './numbering.ts';
import type { SignatureBlock } from './signer.ts';

export interface IssueInput {
  tenantId: string;
  actorId: string | null;
  docType: DocType;
  title: string;
  unitId: string | null;
  unitCode: string | null;
  issuer: string; // the office, as shown on the verification page
  signer: SignatureBlock;
  date: string; // the document's date (YYYY-MM-DD)
  now: string;
  publicBase: string; // SERASAN_PUBLIC_URL or the request origin
  entity?: { type: string; id: string };
  /** Build the layout once the number is known. */
  build: (number: string) => LayoutDoc;
}

export interface IssuedDocument {
  id: string;
  number: string;
  code: string;
  url: string;
  sha256: string;
  pdf: Buffer;
}

/** 120 random bits, URL-safe: not guessable, short enough for a QR. */
export const newVerificationCode = () => randomBytes(15).toString('base64url');

/**
 * Issue an official document inside the caller's writing transaction: take the next number from
 * the register, render the layout with a QR pointing to /verifikasi/{code}, store the PDF as
 * evidence (blob store, SHA-256), and record the frozen document and its global verification
 * code. Everything commits or rolls back with the caller's change and its audit entry.
 */
export async function issueOfficialDocument(tx: Tx, blobs: BlobStore, audit: AuditRecorder, p: IssueInput): Promise<IssuedDocument> {
  const num = await issueNumber(tx, { tenantId: p.tenantId, docType: p.docType, date: p.date, unitId: p.unitId, unitCode: p.unitCode, title: p.title, issuedBy: p.actorId, now: p.now });
  const code = newVerificationCode();
  const url = `${p.publicBase.replace(/\/$/, '')}/verifikasi/${code}`;
  const qr = await QRCode.toBuffer(url, { type: 'png', width: 360, margin: 2, errorCorrectionLevel: 'M' });
  const layout = p.build(num.number);
  const pdf = await renderPdf({ info: { ...layout.info, creator: 'Serasan', subject: `Verifikasi: ${url}` }, pageMargins: layout.pageMargins, content: [...layout.content, verificationContent(qr, url, code)] });
  // A blob written for a transaction that later rolls back is unreferenced and harmless
  // (content-addressed, never listed).
  const stored = await blobs.put(pdf);
  const id = newId();
  const evidenceId = newId();
  await tx
    .insertInto('evidence')
    .values({ tenantId: p.tenantId, id: evidenceId, sha256: stored.sha256, size: stored.size, mime: 'application/pdf', ext: 'pdf', originalName: `${p.docType}-${num.number.replace(/[^\w.-]+/g, '_')}.pdf`, uploadedBy: p.actorId, createdAt: p.now })
    .execute();
  await tx
    .insertInto('officialDocuments')
    .values({
      tenantId: p.tenantId,
      id,
      docType: p.docType,
      number: num.number,
      numberId: num.id,
      title: p.title,
      unitId: p.unitId,
      issuer: p.issuer,
      signer: JSON.stringify(p.signer),
      documentDate: p.date,
      issuedAt: p.now,
      issuedBy: p.actorId,
      sha256: stored.sha256,
      evidenceId,
      verificationCode: code,
      status: 'issued',
      withdrawnAt: null,
      withdrawnReason: null,
      withdrawnBy: null,
      entityType: p.entity?.type ?? null,
      entityId: p.entity?.id ?? null,
    })
    .execute();
  await tx.insertInto('evidenceLinks').values({ tenantId: p.tenantId, id: newId(), evidenceId, entityType: 'official_document', entityId: id, createdAt: p.now }).execute();
  await tx.insertInto('documentVerifications').values({ code, tenantId: p.tenantId, documentId: id }).execute();
  await tx.updateTable('docNumbers').set({ documentId: id }).where('tenantId', '=', p.tenantId).where('id', '=', num.id).execute();
  await audit.record({ entityType: 'official_document', entityId: id, action: 'issue', after: { docType: p.docType, number: num.number, title: p.title, signer: `${p.signer.prefix ?? ''} ${p.signer.jabatan} — ${p.signer.name}`.trim(), sha256: stored.sha256 } });
  return { id, number: num.number, code, url, sha256: stored.sha256, pdf };
}
