import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance, parseQuery, roughRoots, similarity, weightedBag } from './engine.ts';
import { isAcronymOf, nameExpansions } from './acronyms.ts';
import { synonymMatches } from './synonyms.ts';
import { analyze, innovationStems, splitStems } from './innovation-index.ts';

test('synonyms: a word or a phrase adds its group token, in the text and in the query', () => {
  assert.deepEqual(synonymMatches(['layanan', 'online']).map((m) => m.token), ['zsdaring']);
  assert.ok(analyze('Pendaftaran secara daring').includes('zsdaring'));
  assert.ok(analyze('pengaduan masyarakat').includes('zsaduan') && analyze('keluhan warga').includes('zsaduan'));
  assert.ok(analyze('keluhan warga').includes('zswarga') && analyze('penduduk desa').includes('zswarga'));
  // KTP-el, e-KTP and "ktp elektronik" meet in one group.
  for (const v of ['KTP-el', 'e-KTP', 'ktp elektronik']) assert.ok(analyze(v).includes('zsktpel'), v);
  // Written forms, not stems: "melahirkan" (childbirth) is not "kelahiran" (birth, akta kelahiran).
  assert.ok(analyze('ibu melahirkan').includes('zsbersalin'));
  assert.ok(!analyze('akta kelahiran').includes('zsbersalin'));
});

test('query: one concept per word with its synonyms; the last word also as a prefix', () => {
  const c = parseQuery('keluhan warga daring');
  assert.deepEqual(c.map((k) => k.word), ['keluhan', 'warga', 'daring']);
  assert.ok(c[0]!.alts.includes('zsaduan'));
  assert.deepEqual(c[0]!.prefixes, []);
  assert.ok(c[2]!.prefixes.includes('daring'));
  // A word typed halfway: its prefix-stripped form reaches the stem ("pendudu" → "dudu…" of "duduk"); short roots are not used ("selam" ↛ "lam").
  assert.ok(parseQuery('pendudu')[0]!.prefixes.includes('dudu'));
  assert.ok(!parseQuery('kapal selam')[1]!.prefixes.includes('lam'));
  assert.deepEqual(parseQuery('yang dan di'), []);
});

test('acronyms: syllable and initial acronyms are recognised, unrelated phrases are not', () => {
  assert.ok(isAcronymOf('BELAH DADOKU', 'Begitu Lahir Dapat Dokumen Kependudukan'));
  assert.ok(isAcronymOf('ARTIS DUKCAPIL', 'Antar Gratis Dokumen Kependudukan dan Pencatatan Sipil'));
  assert.ok(isAcronymOf('ATSB', 'Amnesti Tangki Septik Bocor'));
  assert.ok(!isAcronymOf('ATSB', 'Bantuan Tangki Septik'));
  assert.ok(!isAcronymOf('Ambulans Desa', 'Ambulans desa membantu warga saat gawat darurat'), 'a sentence starting with the name is not its long form');
  assert.ok(!isAcronymOf('Silakan Deh', 'layanan keuangan dan aset daerah terpadu satu pintu'));
  // "XYZ (Long Form)", "Long form (XYZ)" in the name, "Name = Long Form" and the first clause.
  assert.deepEqual(nameExpansions('BELAH DADOKU', null, ['Begitu Lahir Dapat Dokumen Kependudukan. Penghargaan: KIPP 2021.']), ['Begitu Lahir Dapat Dokumen Kependudukan']);
  assert.deepEqual(nameExpansions('Layanan Siaga', 'SIGAP', ['Warga menelepon SIGAP (Siaga Gawat Darurat Puskesmas) kapan saja.']), ['Siaga Gawat Darurat Puskesmas']);
  assert.deepEqual(nameExpansions('Rumah UMKM', null, ['Rumah pembinaan bagi pelaku usaha.']), []);
});

test('stored form: name (title, acronym, its long form) twice, "|", body; the long form counts as name', () => {
  const stems = innovationStems({ title: 'BELAH DADOKU', acronym: null, description: 'Begitu Lahir Dapat Dokumen Kependudukan. Bayi langsung mendapat akta.', goals: null, benefits: null, results: null });
  const { head, body } = splitStems(stems.join(' '));
  assert.ok(head.includes('lahir') && head.includes('belah') && head.includes('zsadminduk'));
  assert.ok(body.includes('bayi') && !head.includes('bayi'));
  assert.deepEqual(splitStems('a b c'), { head: [], body: ['a', 'b', 'c'] }, 'records stored before the separator: all body');
});

test('did-you-mean helpers: edit distance with transpositions, affix-stripped roots of a typo', () => {
  assert.equal(editDistance('lahir', 'lahr'), 1);
  assert.equal(editDistance('akta', 'atka'), 1);
  assert.equal(editDistance('sampah', 'sampah'), 0);
  assert.ok(roughRoots('kelahran').includes('lahr'));
});

test('similarity: a near-identical name scores high; one shared common word scores low', () => {
  const idf = (t: string) => (t === 'rumah' ? 0.5 : 3);
  const draft = (title: string) => ({ head: weightedBag(analyze(title), []), all: weightedBag(analyze(title), analyze(title)) });
  const stored = (title: string, description: string) => innovationStems({ title, acronym: null, description, goals: null, benefits: null, results: null }).join(' ');
  const dup = similarity(draft('Rumah UMKM Serasan'), stored('Rumah UMKM Gerbang Serasan', 'rumah pembinaan bagi UMKM'), idf);
  assert.ok(dup.score >= 0.8, String(dup.score));
  assert.deepEqual(dup.shared.sort(), ['ras', 'rumah', 'umkm', 'zsumkm'], 'shared terms (sastrawijs stems "Serasan" to "ras")');
  const common = similarity(draft('Rumah Sehat Ibu Hamil'), stored('Rumah UMKM Gerbang Serasan', 'rumah pembinaan bagi UMKM'), idf);
  const right = similarity(draft('Rumah Sehat Ibu Hamil'), stored('Kapsul Cinta', 'Kelas ibu hamil dan ibu bersalin'), idf);
  assert.ok(common.score < 0.2, String(common.score));
  assert.ok(right.score > common.score, `${right.score} > ${common.score}`);
  // Two short names sharing one of their two words (equal weights) stay well below a duplicate.
  const flat = () => 2;
  const half = similarity(draft('Rumah Pintar'), stored('Rumah Singgah', 'tempat singgah'), flat);
  assert.ok(half.score < 0.4, String(half.score));
});
