import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wordDiff } from './word-diff.ts';

test('word diff: unchanged text is one "same" part', () => {
  assert.deepEqual(wordDiff('Layanan antar dokumen', 'Layanan antar dokumen'), [{ op: 'same', text: 'Layanan antar dokumen' }]);
});

test('word diff: a replaced word is deleted then added, whitespace kept', () => {
  assert.deepEqual(wordDiff('Layanan antar dokumen gratis', 'Layanan jemput dokumen gratis'), [
    { op: 'same', text: 'Layanan ' },
    { op: 'del', text: 'antar' },
    { op: 'add', text: 'jemput' },
    { op: 'same', text: ' dokumen gratis' },
  ]);
});

test('word diff: words added at the end and removed at the start', () => {
  assert.deepEqual(wordDiff('Mulai uji coba 2024', 'uji coba 2024 diperluas'), [
    { op: 'del', text: 'Mulai ' },
    { op: 'same', text: 'uji coba 2024' },
    { op: 'add', text: ' diperluas' },
  ]);
});

test('word diff: from and to empty text', () => {
  assert.deepEqual(wordDiff('', 'Teks baru'), [{ op: 'add', text: 'Teks baru' }]);
  assert.deepEqual(wordDiff('Teks lama', ''), [{ op: 'del', text: 'Teks lama' }]);
  assert.deepEqual(wordDiff('', ''), []);
});

test('word diff: very long texts fall back to one replacement instead of a quadratic table', () => {
  const a = Array.from({ length: 2100 }, (_, i) => `a${i}`).join(' ');
  const b = Array.from({ length: 2100 }, (_, i) => `b${i}`).join(' ');
  assert.deepEqual(wordDiff(a, b), [{ op: 'del', text: a }, { op: 'add', text: b }]);
});
