/**
 * Synonyms and variants Indonesian users write, as data. Each group has a key; any of its variants
 * (a word or a phrase, matched on the lower-cased words of the text after stopwords are dropped)
 * adds the group's token `zs<key>` to the indexed text and to the query, so "daring" finds
 * "online", "warga" finds "masyarakat", "KTP-el" finds "e-KTP".
 *
 * Variants are written as people write them (not stemmed): "melahirkan" is in the childbirth
 * group, "kelahiran" (birth, as in akta kelahiran) is not, although both stem to "lahir".
 * Changing this file changes the index: existing records are reindexed by a migration.
 */
export const SYNONYM_GROUPS: Record<string, string[]> = {
  daring: ['daring', 'online', 'internet'],
  warga: ['warga', 'masyarakat', 'penduduk', 'rakyat', 'publik'],
  aduan: ['aduan', 'pengaduan', 'keluhan', 'mengadu', 'komplain', 'lapor', 'laporan', 'melapor'],
  ktpel: ['ktp el', 'ktpel', 'ktp', 'ktp elektronik', 'kartu tanda penduduk', 'kartu tanda penduduk elektronik'],
  faskes: ['puskesmas', 'layanan kesehatan', 'pelayanan kesehatan', 'fasilitas kesehatan', 'faskes', 'pusat kesehatan masyarakat'],
  whatsapp: ['whatsapp', 'wa', 'whats app'],
  disabilitas: ['disabilitas', 'difabel', 'penyandang cacat', 'berkebutuhan khusus', 'tuna daksa'],
  bumil: ['ibu hamil', 'bumil', 'kehamilan'],
  bersalin: ['bersalin', 'melahirkan', 'persalinan'],
  receh: ['receh', 'koin', 'uang logam'],
  pbb: ['pbb', 'pajak bumi bangunan', 'pbb p2'],
  ngantor: ['ngantor', 'berkantor'],
  seleksi: ['seleksi', 'penjaringan', 'rekrutmen', 'perekrutan', 'penerimaan'],
  perangkatdesa: ['perangkat desa', 'aparatur desa', 'aparatur pemerintah desa', 'aparat desa'],
  septik: ['septik', 'septic', 'septic tank', 'septictank', 'tangki septik', 'sedot tinja', 'sanitasi'],
  umkm: ['umkm', 'umk', 'ukm', 'umkmk', 'usaha mikro', 'usaha kecil', 'usaha mikro kecil menengah'],
  kendali: ['pengendalian', 'mengendalikan', 'monitoring', 'pemantauan', 'memantau', 'monev'],
  pengetahuan: ['manajemen pengetahuan', 'knowledge management', 'knowledge'],
  adminduk: ['adminduk', 'dukcapil', 'disdukcapil', 'dokumen kependudukan', 'administrasi kependudukan', 'pencatatan sipil', 'catatan sipil', 'akta', 'akte'],
  stunting: ['stunting', 'tengkes', 'gizi buruk', 'kurang gizi', 'gagal tumbuh'],
  gratis: ['gratis', 'tanpa biaya', 'cuma cuma', 'bebas biaya'],
  kepaladaerah: ['bupati', 'walikota', 'wali kota', 'kepala daerah', 'gubernur'],
  csr: ['csr', 'tjsl', 'tanggung jawab sosial perusahaan', 'tanggung jawab sosial lingkungan'],
  ponsel: ['hp', 'handphone', 'ponsel', 'smartphone', 'telepon genggam', 'gawai'],
  rumahsakit: ['rumah sakit', 'rs', 'rsud'],
  pelatihan: ['pelatihan', 'diklat', 'bimtek', 'bimbingan teknis'],
  izin: ['izin', 'ijin', 'perizinan', 'perijinan'],
  laboratorium: ['laboratorium', 'lab'],
  antarjemput: ['antar', 'jemput bola', 'diantar', 'mengantar', 'pengantaran'],
};

export const SYNONYM_PREFIX = 'zs';

/** variant word sequence → group tokens, longest variants first. */
const VARIANTS: Array<{ words: string[]; token: string }> = Object.entries(SYNONYM_GROUPS)
  .flatMap(([key, variants]) => variants.map((v) => ({ words: v.split(' '), token: `${SYNONYM_PREFIX}${key}` })))
  .sort((a, b) => b.words.length - a.words.length);

/**
 * Group tokens found in a sequence of lower-cased words, each with the span of words it covers
 * (a word may belong to several groups).
 */
export function synonymMatches(words: string[]): Array<{ token: string; start: number; end: number }> {
  const out: Array<{ token: string; start: number; end: number }> = [];
  for (let i = 0; i < words.length; i++) {
    for (const v of VARIANTS) {
      if (v.words.length > words.length - i) continue;
      let ok = true;
      for (let j = 0; j < v.words.length && ok; j++) ok = words[i + j] === v.words[j];
      if (ok && !out.some((m) => m.token === v.token && m.start === i)) out.push({ token: v.token, start: i, end: i + v.words.length });
    }
  }
  return out;
}
