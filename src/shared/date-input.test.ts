import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDateDMY, parseDateInput } from './date-input.ts';

test('DD/MM/YYYY and its variants parse to the ISO date the API expects', () => {
  assert.equal(parseDateInput('17/08/2026'), '2026-08-17');
  assert.equal(parseDateInput(' 5/1/2026 '), '2026-01-05');
  assert.equal(parseDateInput('05-01-2026'), '2026-01-05');
  assert.equal(parseDateInput('05.01.2026'), '2026-01-05');
  assert.equal(parseDateInput('2026-01-05'), '2026-01-05');
});

test('impossible or ambiguous dates are refused, not shifted', () => {
  assert.equal(parseDateInput('31/02/2026'), null);
  assert.equal(parseDateInput('29/02/2026'), null);
  assert.equal(parseDateInput('29/02/2028'), '2028-02-29');
  assert.equal(parseDateInput('13/13/2026'), null);
  assert.equal(parseDateInput('00/01/2026'), null);
  assert.equal(parseDateInput('1/2/26'), null);
  assert.equal(parseDateInput('besok'), null);
  assert.equal(parseDateInput(''), null);
});

test('ISO dates are shown day first', () => {
  assert.equal(formatDateDMY('2026-08-17'), '17/08/2026');
  assert.equal(formatDateDMY('2026-08-17T03:00:00.000Z'), '17/08/2026');
  assert.equal(formatDateDMY(null), '');
});
