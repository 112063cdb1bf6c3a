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
  for (const [word, stem] of Object.entries(STEM_OVERRIDES)) assert.equal(stemWord(word), stem, word);
});

test('stemText keeps numbers and codes, drops stopwords, folds case and accents', () => {
  assert.deepEqual(stemText('Pelayanan KTP-el di Kecamatan 2021'), ['layan', 'ktp', 'el', 'camat', '2021']);
  assert.deepEqual(stemText('yang dan di'), []);
  assert.deepEqual(stemText('Pembayaran PAJAK'), stemText('pembayaran pajak'));
});
