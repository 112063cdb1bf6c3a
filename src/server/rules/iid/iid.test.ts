import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeIid, iidRulebooks, predicateOf, scoreInnovation, scoreRegion, IidAnswerError, type IndicatorAnswer } from './index.ts';
import { RulebookRegistry, roundHalfUp } from '../rulebook.ts';
import { ZIidBody } from './iid.rulebook.ts';
import { IID_2026 } from './iid-2026.ts';

const rb = iidRulebooks.get('iid-2026')!;
const ALL_URUSAN = ['pendidikan', 'kesehatan', 'pupr', 'perumahan', 'trantibum', 'sosial'];
const many = (n: number, sid: number, urusan = ALL_URUSAN) => Array.from({ length: n }, (_, i) => ({ sid, urusan: [urusan[i % urusan.length]] }));

test('the 2026 catalog: SPD max 63 (15 indicators, 20 rows), SID max 111 (indicators 16–35), total 250', () => {
  assert.equal(rb.body.spd.indicators.length, 20);
  assert.equal(rb.body.sid.indicators.length, 20);
  assert.equal(rb.body.spd.max, 63);
  assert.equal(rb.body.sid.max, 111);
  assert.equal(rb.body.total, 250);
  const allThree = (inds: typeof rb.body.spd.indicators) =>
    Object.fromEntries(inds.map((i) => [i.no, { choice: 3, basis: i.bases ? 'a' : null, evidenceCount: 1 } satisfies IndicatorAnswer]));
  assert.equal(scoreRegion(rb, allThree(rb.body.spd.indicators)).total, 63);
  assert.equal(scoreInnovation(rb, allThree(rb.body.sid.indicators)).total, 111);
});

test('RULES §6.2 vector: SPD 63, 200 innovations × SID 111, urusan covered → 100,00 Sangat Inovatif', () => {
  const r = computeIid(rb, { spdScore: 63, innovations: many(200, 111) });
  assert.equal(r.value, 100);
  assert.equal(r.predicate, 'Sangat Inovatif');
  assert.equal(r.components.count.score, 76);
});

test('RULES §6.2 vector: SPD 40, 20 × SID 70, urusan covered → 47,04 Inovatif; urusan not met → 44,00', () => {
  const met = computeIid(rb, { spdScore: 40, innovations: many(20, 70) });
  assert.equal(met.value, 47.04);
  assert.equal(met.predicate, 'Inovatif');
  assert.equal(met.components.count.score, 7.6);
  const notMet = computeIid(rb, { spdScore: 40, innovations: many(20, 70, ['pendidikan']) });
  assert.equal(notMet.value, 44);
  assert.equal(notMet.components.count.urusanMet, false);
  assert.equal(notMet.components.count.score, 0);
});

test('RULES §6.2 vector: SPD 40, 8 × 80 → avg 640/14, jumlah 3,04 → 35,50 Kurang Inovatif (divisor stays 14)', () => {
  const r = computeIid(rb, { spdScore: 40, innovations: many(8, 80) });
  assert.equal(r.components.sid.divisor, 14);
  assert.equal(r.components.sid.average, 45.7143); // 640 / 14 = 45.714285…
  assert.equal(r.components.count.score, 3.04);
  assert.equal(r.value, 35.5);
  assert.equal(r.predicate, 'Kurang Inovatif');
});

test('RULES §6.2 vector: SPD 40, 14 × 80 → 50,13 Inovatif', () => {
  const r = computeIid(rb, { spdScore: 40, innovations: many(14, 80) });
  assert.equal(r.value, 50.13);
  assert.equal(r.predicate, 'Inovatif');
  assert.match(r.explanation, /50\.13 → Inovatif/);
});

test('RULES §6.2 predicate bands: 65,01 SI; 65,00 I; 40,00 KI; 0 Tidak Dapat Dinilai', () => {
  assert.equal(predicateOf(rb, 65.01), 'Sangat Inovatif');
  assert.equal(predicateOf(rb, 65.0), 'Inovatif');
  assert.equal(predicateOf(rb, 40.01), 'Inovatif');
  assert.equal(predicateOf(rb, 40.0), 'Kurang Inovatif');
  assert.equal(predicateOf(rb, 0.01), 'Kurang Inovatif');
  assert.equal(predicateOf(rb, 0), 'Tidak Dapat Dinilai');
});

test('per-innovation score shows weight, choice, points and flags mandatory indicators without evidence', () => {
  const s = scoreInnovation(rb, {
    '16': { choice: 2, evidenceCount: 1 },
    '17': { choice: 3, evidenceCount: 0 },
    '33': { choice: 2, basis: 'a', evidenceCount: 1 },
  });
  const i16 = s.items.find((i) => i.indicator === '16')!;
  assert.deepEqual([i16.weight, i16.choice, i16.points, i16.choiceLabel], [3, 2, 6, 'Peraturan kepala daerah']);
  const i33 = s.items.find((i) => i.indicator === '33')!;
  assert.equal(i33.choiceLabel, '201–500 orang');
  assert.equal(s.total, 6 + 6 + 6);
  assert.ok(s.missingEvidence.includes('17'), 'answered without evidence');
  assert.ok(s.missingEvidence.includes('35'), 'mandatory and unanswered');
  assert.ok(!s.missingEvidence.includes('18'), 'optional indicators are not flagged');
});

test('a parameter or indicator the rulebook does not have is an error, not a zero', () => {
  assert.throws(() => scoreInnovation(rb, { '16': { choice: 4, evidenceCount: 1 } }), IidAnswerError);
  assert.throws(() => scoreInnovation(rb, { '99': { choice: 1, evidenceCount: 1 } }), IidAnswerError);
  assert.throws(() => scoreInnovation(rb, { '1': { choice: 1, evidenceCount: 1 } }), IidAnswerError, 'region indicator in the innovation sheet');
  assert.throws(() => scoreInnovation(rb, { '33': { choice: 1, evidenceCount: 1 } }), /basisRequired/);
  assert.throws(() => scoreInnovation(rb, { '33': { choice: 1, basis: 'z', evidenceCount: 1 } }), /unknownBasis/);
});

test('what-if: the same answers under the 2028 projection (divisor 16, all 6 urusan) give another value', () => {
  const projection = iidRulebooks.get('iid-2028-proyeksi')!;
  const input = { spdScore: 40, innovations: many(14, 80, ALL_URUSAN.slice(0, 5)) };
  const now = computeIid(rb, input);
  const then = computeIid(projection, input);
  assert.equal(now.value, 50.13);
  // 2028: 1120/16 = 70, urusan 5 of 6 not met → (40 + 70 + 0) / 250 = 44,00
  assert.equal(then.value, 44);
  assert.equal(then.components.sid.divisor, 16);
  assert.equal(then.components.count.urusanMet, false);
});

test('rulebooks are validated at load: a wrong declared maximum or duplicate id is refused', () => {
  const reg = new RulebookRegistry('iid', ZIidBody, () => []);
  reg.register(IID_2026);
  assert.throws(() => reg.register(IID_2026), /registered twice/);
  assert.throws(() => iidRulebooks.register({ ...IID_2026, id: 'iid-bad', body: { ...IID_2026.body, spd: { ...IID_2026.body.spd, max: 60 } } }), /SPD max/);
  assert.throws(() => iidRulebooks.register({ ...IID_2026, id: 'iid-bad2', effectiveFrom: '2026' }), /metadata invalid/);
  assert.equal(iidRulebooks.forDate('2026-06-01')?.id, 'iid-2026');
  // The 2028 projection is UNVERIFIED: never picked by date, only when asked for by id.
  assert.equal(iidRulebooks.forDate('2028-06-01'), undefined);
  assert.equal(iidRulebooks.get('iid-2028-proyeksi')?.confidence, 'UNVERIFIED');
  assert.equal(iidRulebooks.latest()?.id, 'iid-2026');
});

test('roundHalfUp rounds once, half up, without binary noise', () => {
  assert.equal(roundHalfUp(79.444444), 79.44);
  assert.equal(roundHalfUp(0.125), 0.13);
  assert.equal(roundHalfUp(117.6 / 250 * 100), 47.04);
  assert.equal(roundHalfUp(1.005), 1.01);
});
