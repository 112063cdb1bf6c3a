import assert from 'node:assert/strict';
import { test } from 'node:test';
import { annualValue, capaian, capaianStatus, displayCapaian, exact } from './capaian.ts';

const value = (r: ReturnType<typeof capaian>) => (r.ok ? r.value : r.reason);

test('RULES §2.5 vector: higher is better, T=70 R=84 → 120,00 %', () => {
  const r = capaian({ polarity: 'higher' }, 70, 84);
  assert.equal(value(r), 120);
  assert.ok(r.ok && r.explanation.includes('84 ÷ 70 × 100 = 120,00 %'), r.ok ? r.explanation : '');
});

test('RULES §2.5 vectors: lower is better (LAN), T=10: R=8 → 120,00 %, R=12 → 80,00 %, R=25 → −50 floored to 0 %', () => {
  const rule = { polarity: 'lower' as const };
  assert.equal(value(capaian(rule, 10, 8)), 120);
  assert.equal(value(capaian(rule, 10, 12)), 80);
  const r = capaian(rule, 10, 25);
  assert.ok(r.ok);
  assert.equal(r.value, 0);
  assert.equal(r.raw, -50);
  assert.equal(r.floored, true);
  assert.match(r.explanation, /\(2 × 10 − 25\) ÷ 10 × 100 = -50,00 % → 0,00 %/);
});

test('the inverse formula for lower-is-better is a per-indicator choice (target ÷ realisasi)', () => {
  assert.equal(value(capaian({ polarity: 'lower', lowerFormula: 'inverse' }, 10, 8)), 125);
  assert.equal(value(capaian({ polarity: 'lower', lowerFormula: 'inverse' }, 10, 0)), 'realisasiZero');
});

test('never capped in storage: 150 % stays 150 %; a display cap is the caller\'s option', () => {
  const r = capaian({ polarity: 'higher' }, 40, 60);
  assert.equal(value(r), 150);
  assert.deepEqual(displayCapaian(150, 120), { shown: 120, capped: true });
  assert.deepEqual(displayCapaian(150, null), { shown: 150, capped: false });
  assert.deepEqual(displayCapaian(95, 120), { shown: 95, capped: false });
});

test('exact arithmetic, rounded once half-up: 2/3 → 66,67 %; 0,1 + 0,2 style decimals do not drift', () => {
  assert.equal(value(capaian({ polarity: 'higher' }, 3, 2)), 66.67);
  assert.equal(value(capaian({ polarity: 'higher' }, 8, 1)), 12.5);
  // 0.3 / 0.1 in floats is 2.9999999999999996; exact it is 300,00 %.
  assert.equal(value(capaian({ polarity: 'higher' }, 0.1, 0.3)), 300);
  // 1/8 of a percent: 0,125 → 0,13 (half-up), not 0,12.
  assert.equal(value(capaian({ polarity: 'higher' }, 800, 1)), 0.13);
  assert.equal(exact(8.25).n, 33n);
  assert.equal(exact(8.25).d, 4n);
});

test('a target of 0 is refused unless the indicator says how to treat it', () => {
  assert.equal(value(capaian({ polarity: 'lower' }, 0, 3)), 'targetZero');
  assert.equal(value(capaian({ polarity: 'lower', zeroTarget: 'zeroIsFull' }, 0, 0)), 100);
  assert.equal(value(capaian({ polarity: 'lower', zeroTarget: 'zeroIsFull' }, 0, 2)), 0);
  assert.equal(value(capaian({ polarity: 'higher' }, 10, null)), 'noValue');
});

test('annual value by method, from verified quarters only', () => {
  const q = [120, 80, null, 100];
  assert.equal(annualValue('sum', q).value, 300);
  assert.equal(annualValue('last', q).value, 100);
  assert.equal(annualValue('average', q).value, 100);
  assert.equal(annualValue('min', q).value, 80);
  assert.equal(annualValue('max', q).value, 120);
  assert.deepEqual(annualValue('sum', q).quarters, [1, 2, 4]);
  assert.equal(annualValue('last', [5, 7, null, null]).value, 7);
  assert.equal(annualValue('average', [1, 2, 2, null]).value, 1.6667);
  assert.equal(annualValue('sum', [0.1, 0.2, null, null]).value, 0.3);
  assert.equal(annualValue('sum', [null, null, null, null]).value, null);
  assert.match(annualValue('sum', q).explanation, /TW I 120, TW II 80, TW IV 100 → 300/);
});

test('status colours: merah < 70, kuning 70–90 inclusive, hijau > 90; bands configurable', () => {
  assert.equal(capaianStatus(69.99), 'merah');
  assert.equal(capaianStatus(70), 'kuning');
  assert.equal(capaianStatus(90), 'kuning');
  assert.equal(capaianStatus(90.01), 'hijau');
  assert.equal(capaianStatus(85, { red: 80, green: 100 }), 'kuning');
  assert.equal(capaianStatus(79, { red: 80, green: 100 }), 'merah');
});
