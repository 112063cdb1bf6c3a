import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../plugins/auth.ts';
import { readUpload } from '../../plugins/upload.ts';
import { ZId } from '../../../shared/schemas/common.ts';
import { ZDocRegisterQuery, ZDocType, ZNumberTemplateInput, ZReasonInput, ZReserveNumberInput, ZTenantDocSettingsInput, ZUnitLetterheadInput, type DocType, type RegisterStatus } from '../../../shared/schemas/documents.ts';
import { csvDownload, EXPORT_MAX_ROWS } from '../../lib/list.ts';
import { createTenantService } from '../../modules/tenants/tenants.service.ts';
import { formatDate } from '../../../shared/i18n/translate.ts';
import { formatNip } from '../../../shared/nip.ts';
import { formatRegionTime } from '../../../shared/region-time.ts';
import { createOfficialDocumentsService } from './official.service.ts';
import { signerTitle } from './signer.ts';

const params = z.object({ id: ZId });
const TYPE_NAME: Record<DocType, string> = {
  keputusan: 'Keputusan',
  surat_dinas: 'Surat Dinas',
  surat_undangan: 'Surat Undangan',
  nota_dinas: 'Nota Dinas',
  berita_acara: 'Berita Acara',
  notula: 'Notula Rapat',
  perjanjian_kinerja: 'Perjanjian Kinerja',
  laporan_hasil_evaluasi: 'Laporan Hasil Evaluasi',
};

const REGISTER_STATUS_NAME: Record<RegisterStatus, string> = { issued: 'terbit', reserved: 'nomor diambil', withdrawn: 'ditarik', cancelled: 'dibatalkan' };
/** The status a register row shows (the same as the filter's). */
function registerStatus(n: { status: string; documentId: string | null; documentStatus: string | null }): RegisterStatus {
  if (n.status === 'cancelled') return 'cancelled';
  if (!n.documentId) return 'reserved';
  return n.documentStatus === 'withdrawn' ? 'withdrawn' : 'issued';
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A small self-contained page (no scripts, inline CSS allowed by the CSP), readable on a phone. */
function page(title: string, body: string, tone: 'ok' | 'bad' | 'unknown') {
  const color = tone === 'ok' ? '#1b7f3b' : tone === 'bad' ? '#b42318' : '#555555';
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)} · Serasan</title>
<style>body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f6f8;color:#1d2733}main{max-width:640px;margin:0 auto;padding:20px}
.card{background:#fff;border-radius:10px;padding:20px;box-shadow:0 1px 3px rgba(0,0,0,.08)}h1{font-size:1.3rem;margin:0 0 12px;color:${color}}
dl{display:grid;grid-template-columns:minmax(110px,35%) 1fr;gap:8px 12px;margin:0}dt{color:#5b6776}dd{margin:0;word-break:break-word}code{font-size:.85rem;word-break:break-all}
.banner{padding:12px 14px;border-radius:8px;margin:0 0 16px;font-weight:600;background:${tone === 'ok' ? '#e7f6ec' : tone === 'bad' ? '#fde8e7' : '#eef0f2'};color:${color}}
footer{font-size:.8rem;color:#6b7683;margin-top:16px}</style></head><body><main><div class="card">${body}</div>
<footer>Halaman verifikasi dokumen resmi · Serasan</footer></main></body></html>`;
}

export async function officialDocumentRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const docs = createOfficialDocumentsService(deps);
  const tags = ['dokumen'];

  r.get('/api/documents/settings', { schema: { tags, summary: 'Letterhead settings of the tenant and its units' } }, async (request) => docs.getSettings(actorOf(request)));
  r.put('/api/documents/settings', { schema: { tags, body: ZTenantDocSettingsInput, summary: 'Tenant letterhead: government line, head of region, place, address, contacts' } }, async (request) =>
    docs.updateSettings(actorOf(request), request.body, request.id));
  r.post('/api/documents/settings/emblem', { schema: { tags, consumes: ['multipart/form-data'], summary: 'Upload the lambang daerah (PNG or JPEG, checked by content)' } }, async (request, reply) => {
    const actor = actorOf(request);
    const { file } = await readUpload(request, deps.config.maxUploadBytes);
    return reply.status(201).send(await docs.uploadEmblem(actor, file, request.id));
  });
  r.put('/api/documents/letterheads/:id', { schema: { tags, params, body: ZUnitLetterheadInput, summary: 'A unit’s letterhead (address, contacts, kode unit)' } }, async (request) =>
    docs.updateUnitLetterhead(actorOf(request), request.params.id, request.body, request.id));
  r.get('/api/documents/letterhead-preview.pdf', {
    schema: { tags, querystring: z.object({ unitId: ZId.optional(), kind: z.enum(['unit', 'tenant', 'head']).default('unit') }), summary: 'Preview PDF of a kop' },
  }, async (request, reply) => {
    const { unitId, kind } = request.query;
    const pdf = await docs.previewPdf(actorOf(request), kind === 'unit' && unitId ? { kind: 'unit', unitId } : kind === 'head' ? { kind: 'head' } : { kind: 'tenant' });
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="pratinjau-kop.pdf"').send(pdf);
  });

  r.get('/api/documents/templates', { schema: { tags, summary: 'Number templates per document type' } }, async (request) => ({ items: await docs.templates(actorOf(request)) }));
  r.put('/api/documents/templates/:docType', { schema: { tags, params: z.object({ docType: ZDocType }), body: ZNumberTemplateInput } }, async (request, reply) => {
    await docs.setTemplate(actorOf(request), request.params.docType, request.body, request.id);
    return reply.status(204).send();
  });

  r.get('/api/documents/numbers', { schema: { tags, querystring: ZDocRegisterQuery, summary: 'The numbering register: search (number, title), type, year, status; newest first; paged' } }, async (request) => ({
    ...(await docs.register(actorOf(request), request.query)),
    page: request.query.page,
    pageSize: request.query.pageSize,
  }));
  r.get('/api/documents/numbers/export.csv', { schema: { tags, querystring: ZDocRegisterQuery, summary: 'The filtered, sorted register as CSV' } }, async (request, reply) => {
    const actor = actorOf(request);
    const { items } = await docs.register(actor, { ...request.query, page: 1, pageSize: EXPORT_MAX_ROWS });
    const x = await createTenantService(deps).exportContext(actor.tenantId, 'register-nomor-dokumen');
    const csv = csvDownload(
      x.fileName,
      ['Nomor', 'Jenis', 'Perihal', 'Unit', 'Tahun', 'Diterbitkan pada', 'Oleh', 'Status', 'Alasan'],
      items.map((n) => [n.number, TYPE_NAME[n.docType as DocType] ?? n.docType, n.title, n.unitName, n.year, x.stamp(n.issuedAt), n.issuedByName, REGISTER_STATUS_NAME[registerStatus(n)], n.cancelReason ?? n.withdrawnReason]),
    );
    return reply.type(csv.contentType).header('content-disposition', csv.disposition).send(csv.body);
  });
  r.post('/api/documents/numbers', { schema: { tags, body: ZReserveNumberInput, summary: 'Take a number for a document signed outside Serasan' } }, async (request, reply) =>
    reply.status(201).send(await docs.reserveNumber(actorOf(request), request.body, request.id)));
  r.post('/api/documents/numbers/:id/cancel', { schema: { tags, params, body: ZReasonInput, summary: 'Cancel an unused number (it stays in the register with its reason)' } }, async (request, reply) => {
    await docs.cancelNumber(actorOf(request), request.params.id, request.body.reason, request.id);
    return reply.status(204).send();
  });

  r.get('/api/documents', { schema: { tags, summary: 'Issued official documents' } }, async (request) => ({ items: await docs.listDocuments(actorOf(request)) }));
  r.get('/api/documents/:id/pdf', { schema: { tags, params, summary: 'The frozen PDF as issued' } }, async (request, reply) => {
    const { doc, stream } = await docs.openPdf(actorOf(request), request.params.id);
    return reply.type('application/pdf').header('x-content-type-options', 'nosniff').header('content-disposition', `inline; filename="${doc.docType}.pdf"`).send(stream);
  });
  r.post('/api/documents/:id/withdraw', { schema: { tags, params, body: ZReasonInput, summary: 'Withdraw an issued document (issuer, admin or unit head); audited' } }, async (request) =>
    docs.withdraw(actorOf(request), request.params.id, request.body.reason, request.id));

  // Public verification page: no sign-in; the code is the only key (global table).
  app.get<{ Params: { code: string } }>('/verifikasi/:code', { config: { public: true, rateLimit: { max: 120, timeWindow: 60_000 } }, schema: { hide: true } }, async (request, reply) => {
    const d = await docs.verify(request.params.code);
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    if (!d) {
      return reply.status(404).send(page('Dokumen tidak ditemukan', `<h1>Kode verifikasi tidak dikenal</h1><div class="banner">Tidak ada dokumen resmi dengan kode ini.</div><p>Periksa kembali alamat atau kode QR. Dokumen yang kodenya tidak dikenal tidak dapat dianggap asli.</p>`, 'unknown'));
    }
    const s = d.signer;
    // Times in the issuing region's own zone (WIB, WITA or WIT by province), as its people read them.
    const local = (iso: string) => formatRegionTime(iso, d.regionCode);
    const rows: Array<[string, string]> = [
      ['Jenis dokumen', TYPE_NAME[d.docType as DocType] ?? d.docType],
      ['Nomor', d.number],
      ['Perihal', d.title],
      ['Diterbitkan oleh', `${d.issuer} — ${d.tenantName}`],
      ['Tanggal dokumen', formatDate('id', d.documentDate)],
      ['Diterbitkan', local(d.issuedAt)],
      ['Penanda tangan', `${s.onBehalfOf ? `a.n. ${s.onBehalfOf}, ` : ''}${signerTitle(s)} — ${s.name}${s.nip ? `, NIP ${formatNip(s.nip)}` : ''}`],
      ['SHA-256 berkas PDF', `<code>${esc(d.sha256)}</code>`],
    ];
    const dl = `<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${k.startsWith('SHA') ? v : esc(v)}</dd>`).join('')}</dl>`;
    if (d.status === 'withdrawn') {
      return reply.send(page('Dokumen ditarik', `<h1>Dokumen ini telah DITARIK</h1><div class="banner">Dokumen ditarik pada ${esc(local(d.withdrawnAt!))}. Alasan: ${esc(d.withdrawnReason ?? '-')}. Dokumen ini tidak berlaku lagi.</div>${dl}`, 'bad'));
    }
    return reply.send(page('Dokumen terverifikasi', `<h1>Dokumen resmi terdaftar</h1><div class="banner">Dokumen ini diterbitkan melalui Serasan dan tercatat dalam register.</div>${dl}<p>Bandingkan SHA-256 berkas PDF yang Anda terima dengan nilai di atas (misalnya <code>sha256sum berkas.pdf</code>) untuk memastikan isinya tidak berubah.</p>`, 'ok'));
  });
}
