import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandOf, checkWorksheet, findNode, lkeAkipRulebooks, questionsOf, scoreWorksheet, SCALES, type Answers, type WorksheetBody } from './index.ts';

/**
 * The LKE AKIP 88/2021 worksheet with its 80 criteria (RULES.md §2.1–2.4). The expected numbers
 * below are written out from RULES, not read from the rulebook, so a swapped weight, a lost
 * criterion or an inclusive band fails here.
 */
const akip = lkeAkipRulebooks.get('lke-akip-2021')!;
const grade = (g: Record<string, string>): Answers => Object.fromEntries(Object.entries(g).map(([k, v]) => [k, { value: v }]));

// RULES §2.1 table: sub-component → [bobot, # kriteria].
const TABLE: Record<string, [number, number]> = {
  '1.a': [6, 6], '1.b': [9, 11], '1.c': [15, 8],
  '2.a': [6, 3], '2.b': [9, 7], '2.c': [15, 10],
  '3.a': [3, 6], '3.b': [4.5, 9], '3.c': [7.5, 7],
  '4.a': [5, 3], '4.b': [7.5, 5], '4.c': [12.5, 5],
};

test('RULES §2.1: twelve sub-components with the weights and the criteria counts of the table (80 criteria, Ya/Tidak)', () => {
  const subs = akip.body.root.children!.flatMap((c) => c.children!);
  assert.deepEqual(
    Object.fromEntries(subs.map((s) => [s.code, [s.weight, s.children?.length ?? 0]])),
    TABLE,
  );
  assert.deepEqual(akip.body.root.children!.map((c) => [c.code, c.weight]), [['1', 30], ['2', 30], ['3', 15], ['4', 25]]);
  const criteria = subs.flatMap((s) => s.children ?? []);
  assert.equal(criteria.length, 80);
  assert.ok(criteria.every((c) => c.aggregation === 'checklist' && c.scale === SCALES.yaTidak.id));
  assert.equal(findNode(scoreWorksheet(akip, {}).root, '1.b.8')!.title, 'Kinerja dijenjangkan secara selaras (cascading)');
  // Criteria are answerable questions (the store accepts their codes), sub-components too.
  assert.equal(questionsOf(akip.body).length, 92);
});

test('RULES §2.4 vector with criteria answered: the score is the letter × weight only; criteria give the Ya share as a hint', () => {
  const allYa = Object.fromEntries(Object.keys(TABLE).flatMap((s) => Array.from({ length: TABLE[s][1] }, (_, i) => [`${s}.${i + 1}`, 'Ya'])));
  const letters = { '1.a': 'A', '1.b': 'BB', '1.c': 'BB', '4.a': 'A', '4.b': 'A', '4.c': 'AA' };
  const r = scoreWorksheet(akip, grade({ ...allYa, ...letters, '1.a.2': 'Tidak' }));
  const s = (c: string) => findNode(r.root, c)!;
  assert.deepEqual(['1.a', '1.b', '1.c', '1', '4.a', '4.b', '4.c'].map((c) => s(c).score), [5.4, 7.2, 12, 24.6, 4.5, 6.75, 12.5]);
  assert.equal(s('1.a').formula, '6 × 0.9 [A] = 5.4');
  assert.equal(r.total, 48.35, 'criteria add nothing: 24,60 + 23,75');
  assert.equal(r.max, 100);
  assert.deepEqual(s('1.a').checklist, { total: 6, answered: 6, positive: 5 });
  assert.deepEqual(s('2.a').checklist, { total: 3, answered: 3, positive: 3 });
  assert.equal(s('1.a.2').score, 0);
  assert.equal(s('1.a.2').max, 0);
  assert.deepEqual(r.missing, ['2.a', '2.b', '2.c', '3.a', '3.b', '3.c'], 'only ungraded sub-components are missing, never criteria');
  // Criteria alone (no letters) score nothing.
  assert.equal(scoreWorksheet(akip, grade(allYa)).total, 0);
});

test('RULES §2.3 bands, exclusive lower bounds: 80,00 BB; 80,01 A; 90,00 A; 90,01 AA; 70,00 B; 30,00 D; 0 D', () => {
  const b = (v: number) => bandOf(akip.body.bands, v)?.code;
  assert.deepEqual([80, 80.01, 90, 90.01, 100, 70, 70.01, 60, 50, 30, 30.01, 0].map(b), ['BB', 'A', 'A', 'AA', 'AA', 'B', 'BB', 'CC', 'C', 'D', 'C', 'D']);
});

test('checklist items (generic): an unknown option is an error; a checklist item may not sit in a mean group or carry children', () => {
  assert.throws(() => scoreWorksheet(akip, grade({ '1.a.1': 'Mungkin' })), /unknownOption: 1.a.1/);
  const body = (root: WorksheetBody['root']): WorksheetBody => ({ decimals: 2, scales: [SCALES.yaTidak], root, bands: [], pointsWithoutEvidence: 'count' });
  const item = { code: 'k', title: 'k', aggregation: 'checklist' as const, scale: 'ya-tidak' };
  assert.deepEqual(checkWorksheet(body({ code: 'g', title: 'g', aggregation: 'meanTimesWeight', weight: 1, children: [{ code: 'q', title: 'q', aggregation: 'weightedChoice', scale: 'ya-tidak' }, item] })), [
    'k: a checklist item cannot be an item of a meanTimesWeight group',
  ]);
  assert.deepEqual(checkWorksheet(body({ code: 'r', title: 'r', aggregation: 'sum', children: [{ code: 'q', title: 'q', aggregation: 'weightedChoice', weight: 2, scale: 'ya-tidak', children: [{ code: 'x', title: 'x', aggregation: 'sum', children: [] }] }] })).some((p) => /q: a question has no children other than checklist items/.test(p)), true);
  assert.deepEqual(checkWorksheet(body({ code: 'r', title: 'r', aggregation: 'sum', weight: 2, children: [{ code: 'q', title: 'q', aggregation: 'weightedChoice', weight: 2, scale: 'ya-tidak', children: [item] }] })), [], 'weights: checklist items add 0 to the maximum');
});
