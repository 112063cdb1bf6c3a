import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSearchTotal } from './search-total.ts';

test('a capped search total reads "1.000+" (Indonesian) and "1,000+" (English); an exact one has no plus', () => {
  assert.equal(formatSearchTotal(1000, true, 'id-ID'), '1.000+');
  assert.equal(formatSearchTotal(1000, false, 'id-ID'), '1.000');
  assert.equal(formatSearchTotal(12, undefined, 'id-ID'), '12');
  assert.equal(formatSearchTotal(1000, true, 'en-GB'), '1,000+');
});
