import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptsAnswers } from './skm.policy.ts';

test('a survey takes answers only while open and inside its period, both ends included', () => {
  const q4 = { status: 'open', periodStart: '2026-10-01', periodEnd: '2026-12-31' };
  assert.equal(acceptsAnswers(q4, '2026-10-01'), true, 'first day');
  assert.equal(acceptsAnswers(q4, '2026-11-15'), true);
  assert.equal(acceptsAnswers(q4, '2026-12-31'), true, 'last day');
  assert.equal(acceptsAnswers(q4, '2026-09-30'), false, 'before the period');
  assert.equal(acceptsAnswers(q4, '2027-01-01'), false, 'after the period');
  assert.equal(acceptsAnswers({ ...q4, status: 'closed' }, '2026-11-15'), false, 'closed by the unit');
});
