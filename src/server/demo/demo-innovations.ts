import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DialectName, Tx } from '../db/db.ts';
import { newId } from '../lib/ids.ts';
import { parseCsvObjects } from '../lib/csv.ts';
import { indexInnovation } from '../search/innovation-index.ts';

/** Copy of ../shared/data/muara-enim/inovasi.csv (a test keeps the two identical). */
export const INOVASI_CSV = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'inovasi.csv');

/**
 * Demo classification of the real Muara Enim innovations: type, urusan and digital are our
 * reading of each name and summary (the source file does not give them); labelled as such in
 * source_note. Units come from the file's opd_atau_pelaksana column where it names one.
 */
const CLASSIFY: Record<string, { type?: 'tata_kelola' | 'pelayanan_publik' | 'lainnya'; urusan?: string; digital?: boolean }> = {
  'GERBANG SERASAN': { type: 'lainnya', urusan: 'koperasi_ukm' },
  'Rumah UMKM Gerbang Serasan': { urusan: 'koperasi_ukm' },
  'Silakan Deh': { type: 'tata_kelola', urusan: 'keuangan' },
  'Amnesti Tangki Septik Bocor (ATSB)': { urusan: 'pupr' },
  'Pengelolaan Dana CSR dengan Pola Musrenbang': { type: 'tata_kelola', urusan: 'perencanaan' },
  Simdalbangda: { type: 'tata_kelola', urusan: 'perencanaan', digital: true },
  'Knowledge Management System': { type: 'tata_kelola', urusan: 'litbang', digital: true },
  'Penguatan Pak Camat': { type: 'tata_kelola', urusan: 'pemerintahan_umum' },
  'Rendang Pedas': { urusan: 'sosial' },
  'BELAH DADOKU': { urusan: 'adminduk' },
  'ARTIS DUKCAPIL': { urusan: 'adminduk' },
  WIDOLING: { urusan: 'perpustakaan' },
  'BUNGA DESA': { type: 'tata_kelola', urusan: 'pmd' },
  'SALAM RABAIN': { urusan: 'kesehatan', digital: true },
  SIMPAPDES: { type: 'tata_kelola', urusan: 'pmd', digital: true },
  'Bedah Investasi': { urusan: 'penanaman_modal' },
  'SISTER IT': { digital: true },
  'MAKIN RAME': { urusan: 'kominfo' },
  'CSR BERKAH': { type: 'tata_kelola', urusan: 'perencanaan' },
  'Laboratorium Inovasi': { type: 'tata_kelola', urusan: 'litbang' },
  'Kapsul Cinta': { urusan: 'kesehatan' },
  'Bapaku Ngoceh': { urusan: 'keuangan' },
  'Mau Makan Pecel (turunan Simpeldes)': { urusan: 'pmd', digital: true },
  GITARIMA: { urusan: 'kesehatan' },
  'Piring Emas': { urusan: 'kesehatan' },
};

/** opd_atau_pelaksana text → unit short name or kecamatan code. */
function unitRef(opd: string, catatan: string): { short?: string; code?: string } | null {
  if (/Bappeda/i.test(opd)) return { short: 'Bappeda' };
  if (/BPKAD/i.test(opd)) return { short: 'BPKAD' };
  if (/Disperindag/i.test(opd)) return { short: 'Disperindag ESDM' };
  if (/Ujanmas|Ujan Mas/i.test(opd)) return { code: '16.03.11' };
  if (/RSUD Rabain/i.test(catatan)) return { short: 'RSUD dr. H.M. Rabain' };
  return null;
}

export async function seedDemoInnovations(tx: Tx, dialect: DialectName, tenantId: string, now: string): Promise<number> {
  const rows = parseCsvObjects(readFileSync(INOVASI_CSV, 'utf8'));
  const units = await tx.selectFrom('units').select(['id', 'shortName', 'code']).where('tenantId', '=', tenantId).execute();
  const fallback = units.find((u) => u.shortName === 'Balitbangda')!;
  let n = 0;
  for (const r of rows) {
    const ref = unitRef(r.opd_atau_pelaksana ?? '', r.catatan ?? '');
    const unit = (ref && units.find((u) => (ref.short && u.shortName === ref.short) || (ref.code && u.code === ref.code))) || fallback;
    const c = CLASSIFY[r.nama_inovasi] ?? {};
    const year = Number(r.tahun) || 2021;
    const parts = [r.kepanjangan_atau_keterangan, r.ringkasan_dari_sumber, r.penghargaan_atau_status && `Penghargaan/status: ${r.penghargaan_atau_status}.`].filter((x) => x && x.trim());
    const description = parts.length ? parts.join('. ').replace(/\.\./g, '.') : `${r.nama_inovasi}: inovasi Kabupaten Muara Enim (${r.arti_tahun}).`;
    const row = {
      tenantId,
      id: newId(),
      title: r.nama_inovasi,
      acronym: null,
      unitId: unit.id,
      initiatorClass: 'opd',
      type: c.type ?? 'pelayanan_publik',
      isDigital: (c.digital ? 1 : 0) as 0 | 1,
      urusanMain: c.urusan ?? null,
      urusanOther: '[]',
      stage: 'penerapan',
      initiatedOn: `${year}-01-01`,
      trialOn: null,
      appliedOn: `${year}-01-01`,
      description: description.length >= 10 ? description : `${description} (Muara Enim)`,
      goals: null,
      benefits: null,
      results: r.ringkasan_dari_sumber || null,
      legalBasisDoc: /SK Bupati|Perdes/i.test(r.arti_tahun) ? r.arti_tahun : null,
      legalBasisLevel: /SK Bupati/i.test(r.arti_tahun) ? 'sk_kepala_daerah' : null,
      budget: null,
      videoUrl: null,
      lifecycle: 'active',
      retiredReason: null,
      status: 'published',
      year,
      sourceNote: [
        `Data demo dari sumber publik (${r.sumber_url.split(' ; ')[0]}).`,
        `Tahun ${year}: ${r.arti_tahun}.`,
        unit === fallback && !ref ? 'OPD pengampu tidak disebut sumber; dicatat pada Balitbangda.' : null,
        r.catatan || null,
        'Jenis, urusan dan sifat digital: klasifikasi demo Serasan.',
      ]
        .filter(Boolean)
        .join(' '),
      createdBy: null,
      createdAt: now,
      updatedAt: now,
      publishedAt: now,
    };
    await tx.insertInto('innovations').values(row).execute();
    await indexInnovation(tx, dialect, row);
    n++;
  }
  return n;
}
