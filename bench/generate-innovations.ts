/**
 * National-scale dataset for the search benchmark: 500 tenants (regencies/cities from the
 * reference data), 200 innovations each (100,000), with Indonesian narratives composed from a
 * fixed vocabulary by a seeded random generator, so every run makes the same data.
 *
 *   node --import tsx bench/generate-innovations.ts [--tenants 500] [--per-tenant 200]
 *   DATABASE_URL=postgres://… node --import tsx bench/generate-innovations.ts
 *
 * SQLite goes to $SERASAN_BENCH_DIR (default /tmp/serasan-bench); PostgreSQL to DATABASE_URL.
 */
import path from 'node:path';
import { rmSync } from 'node:fs';
import { openDatabase } from '../src/server/db/db.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { seedRegions } from '../src/server/db/seeds/regions.ts';
import { tenantNameOf } from '../src/server/modules/tenants/tenants.service.ts';
import { innovationStems, PUBLIC_TOKEN, rebuildTermStats, tenantToken } from '../src/server/search/innovation-index.ts';
import type { InnovationTable, InnovationSearchTable } from '../src/server/db/schema.ts';
import { sql } from 'kysely';
import { seededRandom as rng } from '../src/server/lib/seeded-random.ts';

export const BENCH_DIR = process.env.SERASAN_BENCH_DIR ?? '/tmp/serasan-bench';

function arg(name: string, fallback: number) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}


/*
 * Vocabulary. Real innovation records are lexically diverse: most carry a coined acronym
 * ("BELAH DADOKU", "Bapaku Ngoceh") and local place names. The generator does the same —
 * acronyms from Indonesian syllables, and the tenant's own kecamatan names from the reference
 * data — on top of shared service words, so term frequencies resemble a real national corpus.
 */
const SERVICES = ['pelayanan administrasi kependudukan', 'pembuatan akta kelahiran', 'perekaman KTP elektronik', 'pembayaran pajak daerah', 'pelayanan perizinan usaha', 'pemeriksaan ibu hamil', 'penanganan balita stunting', 'imunisasi anak', 'pengelolaan sampah rumah tangga', 'penyaluran bantuan sosial', 'pendaftaran sekolah', 'perpustakaan keliling', 'pengaduan masyarakat', 'pengelolaan keuangan desa', 'pemasaran produk UMKM', 'pelatihan petani', 'penyuluhan perikanan', 'layanan kesehatan jiwa', 'penanggulangan bencana', 'pemadam kebakaran', 'perbaikan jalan desa', 'air bersih perdesaan', 'sanitasi lingkungan', 'pelayanan rumah sakit', 'rujukan puskesmas', 'pendataan penduduk miskin', 'retribusi pasar', 'pengawasan pangan', 'promosi wisata daerah', 'pelayanan disabilitas', 'beasiswa siswa berprestasi', 'pemberantasan buta aksara', 'pencegahan demam berdarah', 'pengobatan tuberkulosis', 'persalinan aman', 'gizi lansia', 'rehabilitasi rumah tidak layak huni', 'sertifikasi tanah', 'pengendalian inflasi', 'pasar murah', 'bank sampah', 'kebun sayur pekarangan', 'irigasi sawah', 'bibit unggul', 'vaksinasi ternak', 'koperasi nelayan', 'izin mendirikan bangunan', 'pengujian kendaraan', 'angkutan sekolah gratis', 'penerangan jalan umum', 'ketertiban pedagang kaki lima', 'perlindungan anak', 'pencegahan pernikahan dini', 'konseling remaja', 'pelatihan kerja pemuda', 'olahraga masyarakat', 'arsip digital', 'tanda tangan elektronik', 'rapat daring', 'absensi pegawai'];
const MEANS = ['aplikasi Android', 'layanan jemput bola', 'mobil keliling', 'pesan WhatsApp', 'kios mandiri', 'sistem informasi daring', 'kartu pintar', 'kerja sama desa', 'posko terpadu', 'kader masyarakat', 'QR code', 'portal satu pintu', 'pendampingan relawan', 'kelas tatap muka', 'dashboard data', 'motor dinas', 'radio komunitas', 'pesantren', 'gereja dan masjid', 'karang taruna', 'PKK', 'BUMDes', 'perguruan tinggi', 'dunia usaha', 'media sosial', 'SMS gateway', 'peta digital', 'kotak saran', 'call center', 'loket malam'];
const OUTCOMES = ['waktu pelayanan lebih cepat', 'biaya masyarakat berkurang', 'cakupan layanan meningkat', 'keluhan warga menurun', 'data lebih akurat', 'pendapatan asli daerah naik', 'angka stunting turun', 'partisipasi masyarakat meningkat', 'antrean berkurang', 'kepuasan masyarakat naik', 'kemiskinan berkurang', 'produksi panen naik', 'angka putus sekolah turun', 'kematian ibu menurun', 'kunjungan wisatawan naik'];
const SYLLABLES = ['si', 'ge', 'rak', 'sa', 'pa', 'la', 'yan', 'jem', 'put', 'pin', 'tar', 'ce', 'pat', 'ber', 'kah', 'se', 'hat', 'man', 'tap', 'gap', 'ra', 'mah', 'tun', 'tas', 'pri', 'ma', 'du', 'ta', 'ni', 'ka', 'bu', 'di', 'ko', 'lo', 'ri', 'na', 'mu', 'ja', 'wa', 'ba', 'ru', 'to', 'nu', 'ga', 'ling', 'ban', 'dang', 'sem', 'pur', 'jo'];
const TYPES = ['tata_kelola', 'pelayanan_publik', 'lainnya'];
const STAGES = ['inisiatif', 'uji_coba', 'penerapan', 'penerapan'];
const URUSAN = ['pendidikan', 'kesehatan', 'pupr', 'perumahan', 'trantibum', 'sosial', 'adminduk', 'pmd', 'koperasi_ukm', 'keuangan', 'pariwisata', 'pertanian', 'kominfo', 'lingkungan_hidup'];

export function makeInnovation(r: () => number, i: number, places: string[] = ['kecamatan terpencil', 'desa perbatasan']) {
  const pick = <T,>(a: T[]) => a[Math.floor(r() * a.length)];
  const service = pick(SERVICES);
  const means = pick(MEANS);
  const word = () => Array.from({ length: 2 + Math.floor(r() * 2) }, () => pick(SYLLABLES)).join('');
  const acronym = `${word()} ${word()}`.toUpperCase();
  const place = pick(places);
  const title = `${acronym}: ${service[0].toUpperCase()}${service.slice(1)} melalui ${means}`;
  const description = [
    `Inovasi ${acronym} menghadirkan ${service} melalui ${means} di Kecamatan ${place}.`,
    `Sebelumnya warga ${place} harus datang berkali-kali ke kantor dinas untuk ${pick(SERVICES)}.`,
    `Petugas menggunakan ${pick(MEANS)} dan ${pick(MEANS)} untuk menjangkau desa-desa di ${pick(places)}.`,
    `Hasilnya ${pick(OUTCOMES)} dan ${pick(OUTCOMES)} sejak tahun ${2018 + (i % 8)}.`,
  ].join(' ');
  const year = 2018 + Math.floor(r() * 8);
  return { acronym, title, description, goals: `Meningkatkan ${service} di ${place}.`, year, type: pick(TYPES), stage: pick(STAGES), urusan: pick(URUSAN) };
}

async function main() {
  const tenants = arg('tenants', 500);
  const perTenant = arg('per-tenant', 200);
  const url = process.env.DATABASE_URL;
  if (!url) rmSync(BENCH_DIR, { recursive: true, force: true });
  const database = openDatabase({ databaseUrl: url, sqliteFile: path.join(BENCH_DIR, 'serasan.db') });
  const { db, dialect } = database;
  const t0 = Date.now();
  if (url) {
    // Start from an empty schema so the run is reproducible.
    await sql`drop schema if exists public cascade`.execute(db);
    await sql`create schema public`.execute(db);
  }
  await migrateToLatest(db);
  await seedRegions(db);
  const regencies = await db.selectFrom('regions').selectAll().where('level', '=', 'regency').orderBy('code').limit(tenants).execute();
  const r = rng(20261123);
  const now = new Date('2026-11-23T00:00:00Z').toISOString();
  let made = 0;
  for (const [ti, region] of regencies.entries()) {
    const tenantId = `00000000-0000-7000-8000-${String(ti).padStart(12, '0')}`;
    const { name, kind } = tenantNameOf(region);
    await db.insertInto('tenants').values({ id: tenantId, regionCode: region.code, name, kind, isDemo: 0, createdAt: now }).execute();
    const units = Array.from({ length: 10 }, (_, k) => ({ tenantId, id: `${tenantId.slice(0, 24)}u${String(k).padStart(11, '0')}`, parentId: null, name: `Dinas Bench ${k + 1}`, shortName: null, type: 'dinas', code: null, isActive: 1 as const, createdAt: now, updatedAt: now }));
    await db.insertInto('units').values(units).execute();
    const places = (await db.selectFrom('regions').select('name').where('parentCode', '=', region.code).execute()).map((d) => d.name);
    const rows: InnovationTable[] = [];
    const search: InnovationSearchTable[] = [];
    for (let k = 0; k < perTenant; k++) {
      const g = makeInnovation(r, made, places.length ? places : undefined);
      const id = `${tenantId.slice(0, 24)}${String(k).padStart(12, '0')}`;
      const status = r() < 0.6 ? 'published' : 'draft';
      rows.push({
        tenantId, id, title: g.title, acronym: g.acronym, unitId: units[k % units.length].id, initiatorClass: 'opd', type: g.type, isDigital: (k % 3 === 0 ? 1 : 0) as 0 | 1,
        urusanMain: g.urusan, urusanOther: '[]', stage: g.stage, initiatedOn: `${g.year}-03-01`, trialOn: null, appliedOn: g.stage === 'penerapan' ? `${g.year}-09-01` : null,
        description: g.description, goals: g.goals, benefits: null, results: null, legalBasisDoc: null, legalBasisLevel: null, budget: null, videoUrl: null,
        lifecycle: 'active', retiredReason: null, status, year: g.year, sourceNote: 'bench', createdBy: null, createdAt: now, updatedAt: now, publishedAt: status === 'published' ? now : null,
      });
      search.push({ tenantId, innovationId: id, isPublic: (status === 'published' ? 1 : 0) as 0 | 1, stems: innovationStems({ ...g, benefits: null, results: null }).join(' '), scope: [tenantToken(tenantId), ...(status === 'published' ? [PUBLIC_TOKEN] : [])].join(' ') });
      made++;
    }
    await db.transaction().execute(async (tx) => {
      for (let i = 0; i < rows.length; i += 100) await tx.insertInto('innovations').values(rows.slice(i, i + 100)).execute();
      for (let i = 0; i < search.length; i += 200) await tx.insertInto('innovationSearch').values(search.slice(i, i + 200)).execute();
      if (dialect === 'sqlite') {
        await sql`insert into innovation_fts (body, tenant_id, innovation_id) select stems || ' ' || scope, tenant_id, innovation_id from innovation_search where tenant_id = ${tenantId}`.execute(tx);
      }
    });
    if ((ti + 1) % 50 === 0) console.log(`  ${ti + 1}/${regencies.length} tenants, ${made} innovations (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  await rebuildTermStats(db);
  if (dialect === 'sqlite') await sql`insert into innovation_fts(innovation_fts) values ('optimize')`.execute(db);
  else await sql`analyze`.execute(db);
  console.log(`Generated ${regencies.length} tenants and ${made} innovations on ${dialect} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await database.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
