import { test } from 'node:test';
import assert from 'node:assert/strict';
import { iidRulebooks, scoreInnovation, scoreRegion, type IndicatorAnswer } from './index.ts';

/**
 * The IID 2026 weights and mandatory flags pinned independently of `iid-2026.ts`, written out by
 * hand from RULES.md §6.2 (b and wajib columns). Any two indicators of different weight swapped,
 * or any mandatory flag changed, turns these tests red.
 */
const SPD: Array<[string, number, boolean]> = [
  ['1', 1, true],
  ['2a', 1, false],
  ['2b', 1, false],
  ['3', 1, true],
  ['4', 1, true],
  ['5a', 0.75, true],
  ['5b', 0.75, true],
  ['6', 1.5, true],
  ['7', 1.5, true],
  ['8', 1.5, true],
  ['9', 1, true],
  ['10a', 0.75, true],
  ['10b', 0.75, true],
  ['11a', 0.75, true],
  ['11b', 0.75, true],
  ['12', 2, false],
  ['13a', 1, false],
  ['13b', 1, false],
  ['14', 1, false],
  ['15', 1, false],
];
const SID: Array<[string, number, boolean]> = [
  ['16', 3, true],
  ['17', 2, true],
  ['18', 2, false],
  ['19', 2, false],
  ['20', 1, false],
  ['21', 2, false],
  ['22', 1, false],
  ['23', 1, false],
  ['24', 1, false],
  ['25', 1, false],
  ['26', 1, false],
  ['27', 1, false],
  ['28', 2, false],
  ['29', 1, false],
  ['30', 2, false],
  ['31', 3, false],
  ['32', 2, true],
  ['33', 3, true],
  ['34', 2, false],
  ['35', 4, true],
];

const rb = iidRulebooks.get('iid-2026')!;
const answer = (no: string, choice: number): IndicatorAnswer => ({ choice, basis: no === '33' ? 'a' : null, evidenceCount: 1 });
const sheets = [
  { part: 'SPD', table: SPD, score: (a: Record<string, IndicatorAnswer>) => scoreRegion(rb, a) },
  { part: 'SID', table: SID, score: (a: Record<string, IndicatorAnswer>) => scoreInnovation(rb, a) },
];

for (const { part, table, score } of sheets) {
  test(`IID 2026 ${part}: exactly the indicators of RULES §6.2, in order`, () => {
    assert.deepEqual(score({}).items.map((i) => i.indicator), table.map(([no]) => no));
  });

  test(`IID 2026 ${part}: each indicator answered alone with p = 1, 2, 3 scores b × p (b from RULES §6.2)`, () => {
    for (const [no, b] of table) {
      for (const p of [1, 2, 3]) {
        assert.equal(score({ [no]: answer(no, p) }).total, b * p, `indicator ${no}, p=${p}: expected ${b} × ${p}`);
      }
    }
  });

  test(`IID 2026 ${part}: the mandatory (wajib) set is exactly RULES §6.2's`, () => {
    const expected = table.filter(([, , m]) => m).map(([no]) => no);
    // Nothing answered: every mandatory indicator, and only those, lacks its evidence.
    assert.deepEqual(score({}).missingEvidence, expected);
    assert.deepEqual(score({}).items.filter((i) => i.mandatory).map((i) => i.indicator), expected);
    // Answered with evidence: no flag left.
    const all = Object.fromEntries(table.map(([no]) => [no, answer(no, 1)]));
    assert.deepEqual(score(all).missingEvidence, []);
  });
}

test('IID 2026: mixed answer vectors with hand-computed totals', () => {
  // SPD: 1→3 (1×3=3) + 5a→1 (0,75) + 6→2 (1,5×2=3) + 12→3 (2×3=6) + 11b→2 (0,75×2=1,5) = 14,25
  assert.equal(scoreRegion(rb, { '1': answer('1', 3), '5a': answer('5a', 1), '6': answer('6', 2), '12': answer('12', 3), '11b': answer('11b', 2) }).total, 14.25);
  // SPD: 8→3 (4,5) + 10b→3 (2,25) + 13a→1 (1) + 2b→2 (2) + 7→1 (1,5) = 11,25
  assert.equal(scoreRegion(rb, { '8': answer('8', 3), '10b': answer('10b', 3), '13a': answer('13a', 1), '2b': answer('2b', 2), '7': answer('7', 1) }).total, 11.25);
  // SID: 16→1 (3) + 17→2 (4) + 18→3 (6) + 35→1 (4) + 20→2 (2) = 19
  assert.equal(scoreInnovation(rb, { '16': answer('16', 1), '17': answer('17', 2), '18': answer('18', 3), '35': answer('35', 1), '20': answer('20', 2) }).total, 19);
  // SID: 33→3 (9) + 28→1 (2) + 29→3 (3) + 30→2 (4) + 34→1 (2) + 22→3 (3) + 31→1 (3) + 32→2 (4) = 30
  assert.equal(
    scoreInnovation(rb, {
      '33': answer('33', 3),
      '28': answer('28', 1),
      '29': answer('29', 3),
      '30': answer('30', 2),
      '34': answer('34', 1),
      '22': answer('22', 3),
      '31': answer('31', 1),
      '32': answer('32', 2),
    }).total,
    30,
  );
  // Every indicator at p=3: SPD 63, SID 111 (RULES §6.2 maxima).
  assert.equal(scoreRegion(rb, Object.fromEntries(SPD.map(([no]) => [no, answer(no, 3)]))).total, 63);
  assert.equal(scoreInnovation(rb, Object.fromEntries(SID.map(([no]) => [no, answer(no, 3)]))).total, 111);
});
