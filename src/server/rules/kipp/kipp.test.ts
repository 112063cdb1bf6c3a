import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kippRulebooks, rank, weightedTotal, wordCount, yearsBetween } from './index.ts';

const umum = kippRulebooks.get('kipp-umum-2023')!;

test('RULES §5.3 Kelompok Umum: sections, word limits and weights (10/15/5/30/20/5/15 = 100)', () => {
  assert.deepEqual(umum.body.sections.map((s) => [s.key, s.wordLimit]), [
    ['ringkasan', 200], ['latar_belakang', 300], ['kebaruan', 200], ['implementasi', 200], ['signifikansi', 600],
    ['adaptabilitas_replikasi', 100], ['adaptabilitas_potensi', 200], ['sumber_daya', 200], ['keberlanjutan', 500],
  ]);
  assert.deepEqual(umum.body.criteria.map((c) => c.weight), [10, 15, 5, 30, 20, 5, 15]);
  assert.equal(umum.body.sections[0].criterion, null, 'the summary carries no weight');
  assert.equal(umum.body.minAgeYears, 2);
  const khusus = kippRulebooks.get('kipp-khusus-2023')!;
  assert.equal(khusus.confidence, 'UNVERIFIED');
  assert.ok(khusus.body.sections.some((s) => s.key === 'pembaruan'));
});

test('word count: whitespace-separated tokens containing a letter or digit', () => {
  assert.equal(wordCount('Inovasi  pelayanan\tpublik\n2024'), 4);
  assert.equal(wordCount(' — - • ... '), 0, 'punctuation alone is not a word');
  assert.equal(wordCount('KTP-el, (e-KTP) 100%'), 3);
  assert.equal(wordCount(''), 0);
});

test('weighted total and ranking: mean of judges, spread, disagreement flag over the margin', () => {
  const all80 = Object.fromEntries(umum.body.criteria.map((c) => [c.key, 80]));
  assert.equal(weightedTotal(umum, all80), 80);
  assert.equal(weightedTotal(umum, { signifikansi: 100 }), 30);
  const r = rank([
    { proposalId: 'a', judgeTotals: [80, 84] },
    { proposalId: 'b', judgeTotals: [90, 60] },
    { proposalId: 'c', judgeTotals: [70, 70] },
  ], 20);
  assert.deepEqual(r.map((x) => [x.proposalId, x.mean, x.spread, x.flagged]), [['a', 82, 4, false], ['b', 75, 30, true], ['c', 70, 0, false]]);
  assert.equal(rank([{ proposalId: 'd', judgeTotals: [50, 70] }], 20)[0].flagged, false, 'exactly the margin is not flagged');
});

test('minimum age: whole years up to the registration close date', () => {
  assert.equal(yearsBetween('2022-03-16', '2024-03-16'), 2);
  assert.equal(yearsBetween('2022-03-17', '2024-03-16'), 1);
  assert.equal(yearsBetween('2020-02-29', '2022-02-28'), 1);
});
