import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stemText, stemWord, STEM_OVERRIDES } from './stem.ts';

test('sastrawijs stems Indonesian affixes', () => {
  assert.equal(stemWord('pembayaran'), 'bayar');
  assert.equal(stemWord('pelayanan'), 'layan');
  assert.equal(stemWord('dilayani'), 'layan');
  assert.equal(stemWord('kependudukan'), 'duduk');
});

test('override list: "penilaian" stems to "nilai", not the dictionary\'s "ilai"', () => {
  assert.equal(stemWord('penilaian'), 'nilai');
  assert.equal(stemWord('menilai'), 'nilai');
  // The expected table is written out: comparing STEM_OVERRIDES with itself could not fail.
  const expected: Array<[string, string]> = [
    ['penilaian', 'nilai'],
    ['dinilai', 'nilai'],
    ['menilai', 'nilai'],
    ['pelayanan', 'layan'],
    ['inovasi', 'inovasi'],
    ['inovatif', 'inovasi'],
    ['kependudukan', 'duduk'],
    ['stunting', 'stunting'],
    ['desa', 'desa'],
    ['puskesmas', 'puskesmas'],
  ];
  for (const [word, stem] of expected) assert.equal(stemWord(word), stem, word);
  assert.deepEqual(Object.keys(STEM_OVERRIDES).sort(), expected.map(([w]) => w).sort(), 'every override is pinned here');
});

test('stemText keeps numbers and codes, drops stopwords, folds case and accents', () => {
  assert.deepEqual(stemText('Pelayanan KTP-el di Kecamatan 2021'), ['layan', 'ktp', 'el', 'camat', '2021']);
  assert.deepEqual(stemText('yang dan di'), []);
  assert.deepEqual(stemText('Pembayaran PAJAK'), stemText('pembayaran pajak'));
});
