import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNip, validateNip } from './nip.ts';

const YEAR = 2026;

test('RULES §7.1 example PNS NIP 19550425 198411 1 001 is valid and decoded', () => {
  const r = validateNip('19550425 198411 1 001', 'PNS', YEAR);
  assert.equal(r.ok, true);
  if (r.ok) {
    assert.equal(r.nip, '195504251984111001');
    assert.deepEqual(r.parts, { birthDate: '1955-04-25', tmtYear: 1984, tmtMonth: 11, sex: 'L', sequence: 1 });
  }
});

test('RULES §7.1 NI PPPK example 199312282025212001 is valid for PPPK, not for PNS', () => {
  const pppk = validateNip('199312282025212001', 'PPPK', YEAR);
  assert.equal(pppk.ok, true);
  if (pppk.ok) assert.equal(pppk.parts.sex, 'P');
  const pns = validateNip('199312282025212001', 'PNS', YEAR);
  assert.deepEqual(pns, { ok: false, reason: 'looksPppk' });
});

test('impossible NIPs are rejected with the reason that names the broken part', () => {
  const cases: Array<[string, string]> = [
    ['12345', 'length'],
    ['1955042519841110O1', 'digits'],
    ['195502301984111001', 'birthDate'], // 30 February
    ['192004251984111001', 'birthYear'],
    ['195504251984131001', 'tmtMonth'],
    ['195504251960111001', 'tmtYear'], // appointed at age 5
    ['195504251984113001', 'sex'],
    ['195504251984111000', 'sequence'],
  ];
  for (const [nip, reason] of cases) {
    const r = validateNip(nip, 'PNS', YEAR);
    assert.equal(r.ok, false, nip);
    if (!r.ok) assert.equal(r.reason, reason, nip);
  }
  const r = validateNip('199312282025052001', 'PPPK', YEAR);
  assert.equal(r.ok ? 'ok' : r.reason, 'pppkCode');
});

test('leap day birth dates are accepted only in leap years', () => {
  assert.equal(validateNip('198002292005011001', 'PNS', YEAR).ok, true);
  assert.equal(validateNip('198102292005011001', 'PNS', YEAR).ok, false);
});

test('formatNip shows the 8-6-1-3 grouping', () => {
  assert.equal(formatNip('195504251984111001'), '19550425 198411 1 001');
});
