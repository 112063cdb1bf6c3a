import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answersFromQuestionnaire, computeIkm, minSample, skmRulebooks, classify } from './index.ts';

const rb = skmRulebooks.get('skm-2017')!;
const ALL = rb.body.unsur.map((u) => u.code);

function totals(rows: number[][], codes = ALL) {
  const sum: Record<string, number> = {};
  const count: Record<string, number> = {};
  for (const r of rows) codes.forEach((c, i) => {
    sum[c] = (sum[c] ?? 0) + r[i];
    count[c] = (count[c] ?? 0) + 1;
  });
  return { sum, count };
}

test('T-SKM-1: five respondents → NRR per unsur, IKM 3.1778, konversi 79,44, mutu B "Baik" (exact 1/9)', () => {
  const rows = [
    [4, 3, 3, 4, 3, 3, 4, 3, 2],
    [3, 3, 2, 4, 3, 3, 3, 3, 3],
    [4, 4, 3, 4, 4, 3, 4, 3, 3],
    [3, 2, 2, 4, 3, 3, 3, 2, 2],
    [4, 3, 3, 4, 3, 4, 4, 3, 3],
  ];
  const r = computeIkm(rb, ALL, totals(rows), 5);
  assert.deepEqual(Object.values(r.nrr), [3.6, 3.0, 2.6, 4.0, 3.2, 3.2, 3.6, 2.8, 2.6]);
  assert.equal(r.ikm, 3.1778);
  assert.equal(r.ikmConverted, 79.44, 'not 79.37 (0,111 weights)');
  assert.equal(r.mutu, 'B');
  assert.equal(r.kinerja, 'Baik');
  assert.deepEqual(r.weakest, ['U3', 'U9']);
  assert.deepEqual(r.weight, { numerator: 1, denominator: 9, decimal: 0.1111 });
});

test('T-SKM-2: one respondent, all answers 4 → IKM 4,00 → 100,00, A (0,111 would give 99,90)', () => {
  const r = computeIkm(rb, ALL, totals([[4, 4, 4, 4, 4, 4, 4, 4, 4]]), 1);
  assert.equal(r.ikm, 4);
  assert.equal(r.ikmConverted, 100);
  assert.equal(r.mutu, 'A');
  assert.equal(r.kinerja, 'Sangat baik');
});

test('T-SKM-3 bands: 64,99 D; 65,00 C; 76,60 C; 76,61 B; 88,30 B; 88,31 A', () => {
  const cases: Array<[number, string]> = [[64.99, 'D'], [65.0, 'C'], [76.6, 'C'], [76.61, 'B'], [88.3, 'B'], [88.31, 'A']];
  for (const [v, m] of cases) assert.equal(classify(rb, v).mutu, m, String(v));
});

test('T-SKM-4 sample (Krejcie–Morgan, half-up): 10→10, 15→14, 100→80, 500→217, 1000→278, 5000→357', () => {
  const cases: Array<[number, number]> = [[10, 10], [15, 14], [100, 80], [500, 217], [1000, 278], [5000, 357]];
  for (const [n, s] of cases) assert.equal(minSample(rb, n), s, `N=${n}`);
  assert.equal(minSample(rb, 7), 7, 'below 10: everyone');
});

test('the whole published Krejcie–Morgan table is reproduced', () => {
  const table = '10→10, 15→14, 20→19, 25→24, 30→28, 35→32, 40→36, 45→40, 50→44, 55→48, 60→52, 65→56, 70→59, 75→63, 80→66, 85→70, 90→73, 95→76, 100→80, 110→86, 120→92, 130→97, 140→103, 150→108, 160→113, 170→118, 180→123, 190→127, 200→132, 210→136, 220→140, 230→144, 240→148, 250→152, 260→155, 270→159, 280→162, 290→165, 300→169, 320→175, 340→181, 360→186, 380→191, 400→196, 420→201, 440→205, 460→210, 480→214, 500→217, 550→226, 600→234, 650→242, 700→248, 750→254, 800→260, 850→265, 900→269, 950→274, 1000→278, 1100→285, 1200→291, 1300→297, 1400→302, 1500→306, 1600→310, 1700→313, 1800→317, 1900→320, 2000→322, 2200→327, 2400→331, 2600→335, 2800→338, 3000→341, 3500→346, 4000→351, 4500→354, 5000→357, 6000→361, 7000→364, 8000→367, 9000→368, 10000→370, 15000→375, 20000→377, 30000→379, 40000→380, 50000→381, 75000→382, 1000000→384';
  const rows = table.split(', ').map((p) => p.split('→').map(Number));
  assert.equal(rows.length, 90);
  for (const [n, s] of rows) assert.equal(minSample(rb, n), s, `N=${n}`);
});

test('a switched-off unsur (no fee: U4) gives the others weight 1/8', () => {
  const active = ALL.filter((c) => c !== 'U4');
  const r = computeIkm(rb, active, totals([[3, 3, 3, 3, 3, 3, 3, 4]], active), 1);
  assert.equal(r.weight.denominator, 8);
  assert.equal(r.ikmConverted, 78.13); // (7×3 + 4)/8 × 25 = 78,125 → 78,13 half-up
  assert.equal(r.nrr.U4, undefined);
});

test('questionnaire order: question 8 is U9 (Sarana), question 9 is U8 (Pengaduan)', () => {
  const a = answersFromQuestionnaire(rb, [1, 1, 1, 1, 1, 1, 1, 2, 3]);
  assert.equal(a.U9, 2);
  assert.equal(a.U8, 3);
});
