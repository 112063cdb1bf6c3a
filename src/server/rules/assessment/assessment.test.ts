import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import {
  bandOf,
  createWorksheetRegistry,
  findNode,
  lkeAkipRulebooks,
  ratioAnswer,
  rescore,
  scoreWorksheet,
  AssessmentAnswerError,
  SCALES,
  type Answers,
  type WorksheetNode,
} from './index.ts';
import { RulebookRegistry } from '../rulebook.ts';
import { computeIid, iidRulebooks } from '../iid/index.ts';
import { iidWorksheet } from '../iid/iid.worksheet.ts';

const akip = lkeAkipRulebooks.get('lke-akip-2021')!;
const grade = (g: Record<string, string>): Answers => Object.fromEntries(Object.entries(g).map(([k, v]) => [k, { value: v }]));
const node = (r: ReturnType<typeof scoreWorksheet>, code: string) => findNode(r.root, code)!;

test('RULES §2.4 AKIP vector: 1.a=A 5,40; 1.b=BB 7,20; 1.c=BB 12,00 → Perencanaan 24,60; 4.a=A 4,50; 4.b=A 6,75; 4.c=AA 12,50', () => {
  const r = scoreWorksheet(akip, grade({ '1.a': 'A', '1.b': 'BB', '1.c': 'BB', '4.a': 'A', '4.b': 'A', '4.c': 'AA' }));
  assert.deepEqual(['1.a', '1.b', '1.c'].map((c) => node(r, c).score), [5.4, 7.2, 12]);
  assert.equal(node(r, '1').score, 24.6);
  assert.deepEqual(['4.a', '4.b', '4.c'].map((c) => node(r, c).score), [4.5, 6.75, 12.5]);
  assert.equal(node(r, '4').score, 23.75);
  assert.equal(r.total, 48.35);
  assert.equal(r.max, 100);
  // The explanation carries inputs, weights and the formula per node.
  assert.equal(node(r, '1.a').formula, '6 × 0.9 [A] = 5.4');
  assert.equal(node(r, '1').formula, '5.4 + 7.2 + 12 = 24.6');
  // Components summed exactly, rounded once, then banded.
  assert.equal(r.explanation, '24.6 + 0 + 0 + 23.75 = 48.35 → 48.35 → C (Kurang)');
  assert.ok(r.missing.includes('2.a'), 'ungraded sub-components are reported, scored 0');
  assert.equal(r.root.unverified, false, 'MED rulebook: not flagged');
});

test('RULES §2.3 AKIP predikat: exclusive lower bounds — 80,00 BB, 80,01 A, 90,00 A, 90,01 AA, 30,00 D, 30,01 C, 0 D', () => {
  const b = (v: number) => bandOf(akip.body.bands, v)?.code;
  assert.equal(b(80), 'BB');
  assert.equal(b(80.01), 'A');
  assert.equal(b(90), 'A');
  assert.equal(b(90.01), 'AA');
  assert.equal(b(70), 'B');
  assert.equal(b(60.01), 'B');
  assert.equal(b(50), 'C');
  assert.equal(b(50.01), 'CC');
  assert.equal(b(30), 'D');
  assert.equal(b(30.01), 'C');
  assert.equal(b(0), 'D');
  assert.equal(b(100), 'AA');
});

test('AKIP: the band is chosen on the total rounded once (79,995 → 80,00 → BB), all grades AA → 100 AA', () => {
  const allAA = scoreWorksheet(akip, grade(Object.fromEntries(['1', '2', '3', '4'].flatMap((c) => ['a', 'b', 'c'].map((s) => [`${c}.${s}`, 'AA'])))));
  assert.equal(allAA.total, 100);
  assert.equal(allAA.band?.code, 'AA');
  // 1 → BB 24; 2 → BB 24; 3 → A 13,5; 4 → BB 20 = 81,5 → A; swap 3.a to B: 81,5 − 0,6 = 80,9 → A; 3.b B: 80,45…
  const r = scoreWorksheet(akip, grade({ '1.a': 'BB', '1.b': 'BB', '1.c': 'BB', '2.a': 'BB', '2.b': 'BB', '2.c': 'BB', '3.a': 'BB', '3.b': 'BB', '3.c': 'BB', '4.a': 'BB', '4.b': 'BB', '4.c': 'BB' }));
  assert.equal(r.total, 80);
  assert.equal(r.band?.code, 'BB', '80,00 is Sangat Baik, not Memuaskan');
});

test('an unknown grade or question is an error, not a zero', () => {
  assert.throws(() => scoreWorksheet(akip, grade({ '1.a': 'AAA' })), (e: unknown) => e instanceof AssessmentAnswerError && e.reason === 'unknownOption' && e.question === '1.a');
  assert.throws(() => scoreWorksheet(akip, grade({ '9.z': 'A' })), (e: unknown) => e instanceof AssessmentAnswerError && e.reason === 'unknownQuestion');
});

// A small LKE ZI tree (RULES.md §3.1–3.3, §3.5): two pengungkit areas and the hasil part.
const q = (code: string, scale: string): WorksheetNode => ({ code, title: `Pertanyaan ${code}`, aggregation: 'weightedChoice', scale });
const ratio = (code: string): WorksheetNode => ({ code, title: `Rasio ${code}`, aggregation: 'ratioCapped' });
const area = (code: string, title: string, weight: number, subs: WorksheetNode[]): WorksheetNode => ({
  code,
  title,
  aggregation: 'sum',
  weight,
  minimums: { wbk: { fractionOfMax: 0.6 }, wbbm: { fractionOfMax: 0.75 } },
  children: subs,
});
const ZI_SMALL = {
  id: 'zi-kecil',
  kind: 'lke_zi_test',
  version: '1',
  title: 'LKE ZI (contoh kecil)',
  effectiveFrom: '2021-01-01',
  effectiveTo: null,
  legalBasis: ['PermenPANRB 90/2021'],
  confidence: 'MED',
  notes: [],
  body: {
    decimals: 2,
    scales: [SCALES.yaTidak, SCALES.aC, SCALES.aD, SCALES.aE],
    root: {
      code: 'zi',
      title: 'Nilai LKE ZI',
      aggregation: 'sum',
      minimums: { wbk: { value: 75, confidence: 'LOW' }, wbbm: { value: 85, confidence: 'LOW' } },
      children: [
        area('mp', 'Manajemen Perubahan (pemenuhan)', 4, [
          { code: 'mp.tim', title: 'Tim kerja', aggregation: 'meanTimesWeight', weight: 0.5, children: [q('mp.tim.1', 'ya-tidak'), q('mp.tim.2', 'a-e')] },
          { code: 'mp.ren', title: 'Rencana pembangunan ZI', aggregation: 'meanTimesWeight', weight: 1, children: [q('mp.ren.1', 'a-c'), q('mp.ren.2', 'a-d'), q('mp.ren.3', 'ya-tidak')] },
          { code: 'mp.mon', title: 'Monev pembangunan ZI', aggregation: 'meanTimesWeight', weight: 1, children: [q('mp.mon.1', 'a-d'), q('mp.mon.2', 'a-d'), q('mp.mon.3', 'a-d')] },
          { code: 'mp.bud', title: 'Perubahan pola pikir', aggregation: 'meanTimesWeight', weight: 1.5, children: [q('mp.bud.1', 'a-e'), q('mp.bud.2', 'a-e'), q('mp.bud.3', 'a-e'), q('mp.bud.4', 'ya-tidak')] },
        ]),
        area('aw', 'Penguatan Pengawasan (reform)', 7.5, [
          { code: 'aw.lhkpn', title: 'Penyampaian LHKPN/LHKASN', aggregation: 'meanTimesWeight', weight: 2, children: [ratio('aw.lhkpn.1'), ratio('aw.lhkpn.2')] },
          { code: 'aw.mek', title: 'Mekanisme pengendalian', aggregation: 'weightedChoice', weight: 2.5, scale: 'a-e' },
          { code: 'aw.adu', title: 'Penanganan pengaduan', aggregation: 'weightedChoice', weight: 3, scale: 'ya-tidak' },
        ]),
        {
          code: 'hasil',
          title: 'Hasil',
          aggregation: 'sum',
          children: [{ code: 'ipak', title: 'IPAK', aggregation: 'indexScaled', weight: 17.5, range: { from: 1, to: 4 }, minimums: { wbk: { value: 15.75 } } }],
        },
      ],
    } as WorksheetNode,
  },
};
const ziRegistry = createWorksheetRegistry('lke_zi_test');
const zi = ziRegistry.register(ZI_SMALL);

test('LKE ZI §3.5: sub-area = Σ item scores × weight ÷ n; options A–D 1/0,67/0,33/0; area = Σ sub-areas', () => {
  const r = scoreWorksheet(zi, {
    'mp.tim.1': { value: 'Ya' },
    'mp.tim.2': { value: 'B' }, // 0,75
    'mp.ren.1': { value: 'B' }, // 0,5
    'mp.ren.2': { value: 'B' }, // 0,67
    'mp.ren.3': { value: 'Tidak' },
    'mp.mon.1': { value: 'C' }, // 0,33 ×3
    'mp.mon.2': { value: 'C' },
    'mp.mon.3': { value: 'C' },
  });
  // (1 + 0,75) × 0,5 ÷ 2 = 0,4375
  assert.equal(node(r, 'mp.tim').score, 0.44);
  assert.equal(node(r, 'mp.tim').formula, '(1 + 0.75) × 0.5 ÷ 2 = 0.4375');
  // (0,5 + 0,67 + 0) × 1 ÷ 3 = 0,39
  assert.equal(node(r, 'mp.ren').score, 0.39);
  // 0,33 × 3 × 1 ÷ 3 = 0,33
  assert.equal(node(r, 'mp.mon').score, 0.33);
  // Exact sum, rounded once: 0,4375 + 0,39 + 0,33 = 1,1575 → 1,16 (rounding each first would give 1,16 too, but
  // the exact value is kept beside it in the formula)
  assert.equal(node(r, 'mp').score, 1.16);
  assert.match(node(r, 'mp').formula, /0\.4375 \+ 0\.39 \+ 0\.33 \+ 0 = 1\.1575/);
  assert.equal(node(r, 'mp').max, 4);
});

test('LKE ZI: a numeric ratio of two counts is capped at 1; 0 obliged is refused', () => {
  const r = scoreWorksheet(zi, { 'aw.lhkpn.1': { value: ratioAnswer(45, 50) }, 'aw.lhkpn.2': { value: ratioAnswer(12, 10) } });
  assert.equal(node(r, 'aw.lhkpn.1').value, 0.9);
  assert.equal(node(r, 'aw.lhkpn.2').value, 1, '12 of 10 counts as 1, not 1,2');
  // (0,9 + 1) × 2 ÷ 2 = 1,9
  assert.equal(node(r, 'aw.lhkpn').score, 1.9);
  assert.throws(() => scoreWorksheet(zi, { 'aw.lhkpn.1': { value: '3/0' } }), (e: unknown) => e instanceof AssessmentAnswerError && e.reason === 'invalidRatio');
  assert.throws(() => scoreWorksheet(zi, { 'aw.lhkpn.1': { value: 'lima' } }), (e: unknown) => e instanceof AssessmentAnswerError && e.reason === 'invalidRatio');
});

test('LKE ZI §3.2: IPAK 3,70 → (3,70 − 1)/3 × 17,5 = 15,75 (exactly the minimum); 3,69 falls short', () => {
  const r = scoreWorksheet(zi, { ipak: { value: '3,70' } });
  assert.equal(node(r, 'ipak').score, 15.75);
  assert.ok(!r.minimums.wbk.shortfalls.some((s) => s.code === 'ipak'), 'exactly at the minimum is enough');
  const low = scoreWorksheet(zi, { ipak: { value: '3.69' } });
  const s = low.minimums.wbk.shortfalls.find((x) => x.code === 'ipak')!;
  assert.equal(s.required, 15.75);
  assert.equal(s.shortBy, 0.0583); // 17,5 × 0,01 / 3 = 0,05833…
  assert.equal(scoreWorksheet(zi, { ipak: { value: '4.5' } }).total, 17.5, 'capped at the weight');
});

test('LKE ZI §3.3: per-area minimums 60 % (WBK) and 75 % (WBBM) of the weight answer which areas fall short and by how much', () => {
  const answers: Answers = {
    // Pengawasan: LHKPN 1 → 2; mekanisme B 0,75 × 2,5 = 1,875; pengaduan Ya 3 → 6,875 of 7,5 (91,7 %)
    'aw.lhkpn.1': { value: '10/10' },
    'aw.lhkpn.2': { value: '5/5' },
    'aw.mek': { value: 'B' },
    'aw.adu': { value: 'Ya' },
    // Manajemen perubahan: everything A/Ya except the culture items C (0,5) → 0,5 + 1 + 1 + (0,5×3 + 1) × 1,5 ÷ 4 = 3,4375 (85,9 %)
    ...Object.fromEntries(['mp.tim.1', 'mp.ren.3', 'mp.bud.4'].map((c) => [c, { value: 'Ya' }])),
    ...Object.fromEntries(['mp.tim.2', 'mp.ren.1', 'mp.ren.2', 'mp.mon.1', 'mp.mon.2', 'mp.mon.3'].map((c) => [c, { value: 'A' }])),
    ...Object.fromEntries(['mp.bud.1', 'mp.bud.2', 'mp.bud.3'].map((c) => [c, { value: 'C' }])),
    ipak: { value: '3.7' },
  };
  const r = scoreWorksheet(zi, answers);
  assert.equal(node(r, 'aw').score, 6.88);
  assert.equal(node(r, 'mp').score, 3.44);
  assert.ok(!r.minimums.wbk.shortfalls.some((s) => s.code === 'mp' || s.code === 'aw'), 'both areas ≥ 60 %');
  assert.ok(!r.minimums.wbbm.shortfalls.some((s) => s.code === 'mp' || s.code === 'aw'), 'both areas ≥ 75 %');
  // Total 3,4375 + 6,875 + 15,75 = 26,0625 < 75: short by 48,9375 — a LOW threshold, flagged unverified.
  const total = r.minimums.wbk.shortfalls.find((s) => s.code === 'zi')!;
  assert.equal(total.shortBy, 48.9375);
  assert.equal(total.unverified, true);
  assert.equal(r.minimums.wbk.met, false);

  // Mekanisme E and pengaduan Tidak: Pengawasan 2 of 7,5 → short of WBK 4,50 by 2,50 and WBBM 5,625 by 3,625.
  const weak = scoreWorksheet(zi, { ...answers, 'aw.mek': { value: 'E' }, 'aw.adu': { value: 'Tidak' } });
  const wbk = weak.minimums.wbk.shortfalls.find((s) => s.code === 'aw')!;
  assert.deepEqual([wbk.required, wbk.actual, wbk.shortBy], [4.5, 2, 2.5]);
  const wbbm = weak.minimums.wbbm.shortfalls.find((s) => s.code === 'aw')!;
  assert.deepEqual([wbbm.required, wbbm.shortBy], [5.625, 3.625]);
  // Manajemen perubahan meets WBK (2,40) but not WBBM (3,00) once culture drops to E.
  const mpWeak = scoreWorksheet(zi, { ...answers, 'mp.bud.1': { value: 'E' }, 'mp.bud.2': { value: 'E' }, 'mp.bud.3': { value: 'E' }, 'mp.bud.4': { value: 'Tidak' } });
  assert.equal(node(mpWeak, 'mp').score, 2.5);
  assert.ok(!mpWeak.minimums.wbk.shortfalls.some((s) => s.code === 'mp'));
  assert.equal(mpWeak.minimums.wbbm.shortfalls.find((s) => s.code === 'mp')?.shortBy, 0.5);
});

test('worksheets are checked at load: declared weights equal Σ children, codes unique, scales exist', () => {
  const reg = createWorksheetRegistry('lke_zi_test');
  const bad = structuredClone(ZI_SMALL);
  bad.body.root.children![0].weight = 5;
  assert.throws(() => reg.register({ ...bad, id: 'zi-bad' }), /mp: weight 5 ≠ Σ children maxima 4/);
  const dup = structuredClone(ZI_SMALL);
  dup.body.root.children![1].children![1].code = 'mp.tim';
  assert.throws(() => reg.register({ ...dup, id: 'zi-dup' }), /duplicate node code mp\.tim/);
  const noScale = structuredClone(ZI_SMALL);
  noScale.body.scales = noScale.body.scales.slice(1);
  assert.throws(() => reg.register({ ...noScale, id: 'zi-noscale' }), /unknown scale ya-tidak/);
});

test('what-if: the same answers rescored under another version, matched by question code; missing and unmatched reported; UNVERIFIED flagged', () => {
  const v2 = structuredClone(ZI_SMALL);
  v2.id = 'zi-kecil-v2';
  v2.version = '2';
  v2.confidence = 'UNVERIFIED';
  // Version 2 drops mp.tim.2, adds mp.tim.3, and weighs the IPAK by x/4 instead of (x−1)/3.
  v2.body.root.children![0].children![0].children = [q('mp.tim.1', 'ya-tidak'), q('mp.tim.3', 'ya-tidak')];
  v2.body.root.children![2].children![0].range = { from: 0, to: 4 };
  const zi2 = ziRegistry.register(v2);
  const answers: Answers = { 'mp.tim.1': { value: 'Ya' }, 'mp.tim.2': { value: 'A' }, ipak: { value: '3.7' } };
  const [a, b] = rescore(answers, [zi, zi2]);
  assert.equal(node(a.result, 'ipak').score, 15.75);
  assert.equal(node(b.result, 'ipak').score, 16.19); // 3,7/4 × 17,5 = 16,1875
  assert.deepEqual(b.unmatched, ['mp.tim.2']);
  assert.ok(b.result.missing.includes('mp.tim.3'));
  assert.equal(node(b.result, 'mp.tim').score, 0.25); // (1 + 0) × 0,5 ÷ 2
  assert.equal(a.unverified, false);
  assert.equal(b.unverified, true);
  assert.equal(b.result.root.unverified, true);
  assert.equal(node(b.result, 'ipak').unverified, true, 'every number from the UNVERIFIED source carries the flag');
});

test('an UNVERIFIED node inside a verified rulebook flags itself and the sums above it, not its siblings', () => {
  const v = structuredClone(ZI_SMALL);
  v.id = 'zi-kecil-node';
  v.body.root.children![2].children![0].confidence = 'UNVERIFIED';
  const r = scoreWorksheet(ziRegistry.register(v), {});
  assert.equal(node(r, 'ipak').unverified, true);
  assert.equal(node(r, 'hasil').unverified, true);
  assert.equal(r.root.unverified, true);
  assert.equal(node(r, 'mp').unverified, false);
});

test('an UNVERIFIED rulebook is never picked automatically by date; only by id', () => {
  const reg = new RulebookRegistry('demo', z.object({}), () => []);
  const meta = { kind: 'demo', version: '1', title: 'Demo rulebook', legalBasis: ['Dasar hukum'], notes: [], body: {} };
  reg.register({ ...meta, id: 'demo-2026', effectiveFrom: '2026-01-01', effectiveTo: null, confidence: 'MED' });
  reg.register({ ...meta, id: 'demo-2027-draft', effectiveFrom: '2027-01-01', effectiveTo: null, confidence: 'UNVERIFIED' });
  assert.equal(reg.forDate('2027-06-30')?.id, 'demo-2026', 'the verified book still in force is picked');
  assert.equal(reg.latest()?.id, 'demo-2026');
  assert.equal(reg.get('demo-2027-draft')?.id, 'demo-2027-draft');
  reg.register({ ...meta, id: 'demo-2028', effectiveFrom: '2028-01-01', effectiveTo: null, confidence: 'LOW' });
  assert.equal(reg.forDate('2028-06-30')?.id, 'demo-2028', 'LOW may be picked');
});

// ---- IID §6.2 vectors through the generic engine: SPD and SID totals are engine results.

const iid = iidRulebooks.get('iid-2026')!;
const ALL_URUSAN = ['pendidikan', 'kesehatan', 'pupr', 'perumahan', 'trantibum', 'sosial'];

/** Answers reaching `target` points on an IID sheet (greedy: highest p first), scored by the engine. */
function sheetWorth(part: 'spd' | 'sid', target: number, given?: Record<string, number>) {
  const ws = iidWorksheet(iid, part);
  const answers: Answers = {};
  let left = given ? 0 : target;
  for (const [code, p] of Object.entries(given ?? {})) answers[code] = { value: String(p), evidenceCount: 1 };
  // Backtracking over p ∈ {3,2,1,0} per indicator (in hundredths, exact) until the points add up.
  const inds = given ? [] : ws.body.root.children!;
  const w = inds.map((i) => Math.round(i.weight! * 100));
  const rest = w.map((_, i) => w.slice(i).reduce((a, b) => a + b * 3, 0));
  const pick: number[] = [];
  const search = (i: number, need: number): boolean => {
    if (need === 0) return true;
    if (i === inds.length || need < 0 || rest[i] < need) return false;
    for (const p of [3, 2, 1, 0]) {
      pick[i] = p;
      if (search(i + 1, need - w[i] * p)) return true;
    }
    pick[i] = 0;
    return false;
  };
  if (!given) assert.ok(search(0, Math.round(left * 100)), `no answers worth ${target}`);
  inds.forEach((ind, i) => {
    if (pick[i]) answers[ind.code] = { value: String(pick[i]), basis: ind.bases ? 'a' : null, evidenceCount: 1 };
  });
  const r = scoreWorksheet(ws, answers);
  assert.equal(r.total, target, `${part} sheet worth ${target}`);
  return r.total;
}

const innovations = (n: number, sid: number, urusan = ALL_URUSAN) => Array.from({ length: n }, (_, i) => ({ sid, urusan: [urusan[i % urusan.length]] }));

test('RULES §6.2 vectors with engine-scored sheets: 100,00 / 47,04 / 44,00 / 35,50 / 50,13', () => {
  const [spd63, spd40, sid111, sid70, sid80] = [sheetWorth('spd', 63), sheetWorth('spd', 40, {
    // the ten weight-1 indicators at p=3 (30) + 6 and 7 (b 1,5) at p=2 (6) + 12 (b 2) at p=2 (4) = 40
    ...Object.fromEntries(['1', '2a', '2b', '3', '4', '9', '13a', '13b', '14', '15'].map((c) => [c, 3])),
    '6': 2,
    '7': 2,
    '12': 2,
  }), sheetWorth('sid', 111), sheetWorth('sid', 70), sheetWorth('sid', 80)];
  assert.equal(computeIid(iid, { spdScore: spd63, innovations: innovations(200, sid111) }).value, 100);
  const r47 = computeIid(iid, { spdScore: spd40, innovations: innovations(20, sid70) });
  assert.deepEqual([r47.value, r47.predicate], [47.04, 'Inovatif']);
  assert.equal(computeIid(iid, { spdScore: spd40, innovations: innovations(20, sid70, ['pendidikan']) }).value, 44);
  const r35 = computeIid(iid, { spdScore: spd40, innovations: innovations(8, sid80) });
  assert.deepEqual([r35.value, r35.predicate, r35.components.sid.divisor], [35.5, 'Kurang Inovatif', 14]);
  const r50 = computeIid(iid, { spdScore: spd40, innovations: innovations(14, sid80) });
  assert.deepEqual([r50.value, r50.predicate], [50.13, 'Inovatif']);
});

test('IID sheets as worksheets: SPD max 63, SID max 111; indicator 33 labels follow the chosen basis', () => {
  assert.equal(scoreWorksheet(iidWorksheet(iid, 'spd'), {}).max, 63);
  const sid = scoreWorksheet(iidWorksheet(iid, 'sid'), { '33': { value: '2', basis: 'c', evidenceCount: 1 } });
  assert.equal(sid.max, 111);
  assert.equal(node(sid, '33').answer?.label, '10,01–20 %');
  assert.equal(node(sid, '33').score, 6);
  assert.throws(() => scoreWorksheet(iidWorksheet(iid, 'sid'), { '33': { value: '2' } }), (e: unknown) => e instanceof AssessmentAnswerError && e.reason === 'basisRequired');
  const proj = iidWorksheet(iidRulebooks.get('iid-2028-proyeksi')!, 'sid');
  assert.equal(scoreWorksheet(proj, {}).root.unverified, true, 'the 2028 projection numbers are flagged');
});

// ---- Rounding: exact values all the way up, one half-up rounding of the total, then the band.

const ROUNDING = {
  id: 'rounding-check',
  kind: 'lke_rounding_test',
  version: '1',
  title: 'Rounding check worksheet',
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  legalBasis: ['PRODUCT.md principle 3 (round once, at the end, half-up)'],
  confidence: 'MED',
  notes: [],
  body: {
    decimals: 2,
    scales: [SCALES.yaTidak, SCALES.aE],
    root: {
      code: 'total',
      title: 'Total',
      aggregation: 'sum',
      children: [
        ...['g1', 'g2', 'g3'].map((g): WorksheetNode => ({ code: g, title: `Kelompok ${g}`, aggregation: 'meanTimesWeight', weight: 0.5, children: [q(`${g}.1`, 'ya-tidak'), q(`${g}.2`, 'a-e')] })),
        { code: 't', title: 'Satu butir', aggregation: 'weightedChoice', weight: 0.5, scale: 'a-e' },
      ],
    } as WorksheetNode,
    // An exclusive bound between the exact total (1,3125) and its rounding (1,31).
    bands: [
      { code: 'X', label: 'Di atas 1,31', min: 1.31, inclusive: false },
      { code: 'Y', label: 'Sampai 1,31', min: 0, inclusive: true },
    ],
  },
};
const rounding = createWorksheetRegistry('lke_rounding_test').register(ROUNDING);

test('rounding happens once, at the end: three groups of 0,4375 add up to 1,3125 → 1,31 (not 3 × 0,44 = 1,32), and the band reads the rounded total', () => {
  const r = scoreWorksheet(rounding, Object.fromEntries(['g1', 'g2', 'g3'].flatMap((g) => [[`${g}.1`, { value: 'Ya' }], [`${g}.2`, { value: 'B' }]])));
  assert.deepEqual(['g1', 'g2', 'g3'].map((g) => node(r, g).score), [0.44, 0.44, 0.44], 'each group shown rounded');
  assert.equal(r.total, 1.31, 'the exact sum 1,3125 rounded once; rounding each group first would give 1,32');
  assert.equal(r.root.score, 1.31);
  assert.equal(r.explanation, '0.4375 + 0.4375 + 0.4375 + 0 = 1.3125 → 1.31 → Y (Sampai 1,31)');
  assert.equal(r.band?.code, 'Y', '1,3125 is above 1,31 but the rounded total 1,31 is not: the band follows the number shown');
});

test('rounding is half-up at the tie: 0,5 × 0,25 [D] = 0,125 → 0,13 (half-even or truncation would give 0,12)', () => {
  const r = scoreWorksheet(rounding, { t: { value: 'D' } });
  assert.equal(node(r, 't').formula, '0.5 × 0.25 [D] = 0.125');
  assert.equal(r.total, 0.13);
  assert.equal(node(r, 't').score, 0.13);
});
