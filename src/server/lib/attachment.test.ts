import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asciiSlug, contentDisposition, fileName } from './attachment.ts';

test('file names say what they hold, ASCII only', () => {
  assert.equal(asciiSlug('Perekaman KTP-el (Dukcapil) — Triwulan I'), 'perekaman-ktp-el-dukcapil-triwulan-i');
  assert.equal(asciiSlug('Kabupaten Muara Enim'), 'kabupaten-muara-enim');
  assert.equal(asciiSlug('Pelayanan Ñandú è'), 'pelayanan-nandu-e');
  assert.equal(asciiSlug('«»'), 'berkas');
  assert.equal(fileName(['poster skm', 'Akta Kelahiran', '2026-01-01'], 'pdf'), 'poster-skm-akta-kelahiran-2026-01-01.pdf');
  assert.equal(fileName(['hasil skm', null, '16.03'], 'csv'), 'hasil-skm-16.03.csv');
});

test('Content-Disposition carries an ASCII filename and the exact UTF-8 name', () => {
  assert.equal(contentDisposition('attachment', 'hasil-skm-16.03.csv'), `attachment; filename="hasil-skm-16.03.csv"; filename*=UTF-8''hasil-skm-16.03.csv`);
  const h = contentDisposition('inline', 'Laporan "Ünit".pdf');
  assert.equal(h, `inline; filename="Laporan __nit_.pdf"; filename*=UTF-8''Laporan%20%22%C3%9Cnit%22.pdf`);
});
