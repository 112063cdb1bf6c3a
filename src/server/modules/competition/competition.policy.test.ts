import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../policy/actor.ts';
import { blindRedactor, conflictOf, isBlindFor, mayReadDecree, maySeeRanking } from './competition.policy.ts';

const actor = (role: Actor['roles'][number]['role']): Actor => ({ userId: 'u1', tenantId: 't', name: 'Uji', roles: [{ role, unitId: null }], isPlatformAdmin: false, unitScope: new Set() });

test('blind redaction: whole names, any case, longest first, inside running text', () => {
  const redact = blindRedactor(['Dinas Kesehatan', 'Dinkes', 'Kesehatan Hewan', 'Sulastri', 'RS']);
  assert.equal(redact('DINAS KESEHATAN dan dinkes bekerja sama.'), '[disamarkan] dan [disamarkan] bekerja sama.');
  assert.equal(redact('Dinkesmas bukan nama unit; Sulastri ya.'), 'Dinkesmas bukan nama unit; [disamarkan] ya.', 'whole words only');
  assert.equal(redact('RS tetap: nama di bawah tiga huruf diabaikan.'), 'RS tetap: nama di bawah tiga huruf diabaikan.');
  assert.equal(blindRedactor(['Dinas', 'Dinas Kesehatan'])('Dinas Kesehatan melapor.'), '[disamarkan] melapor.', 'the longer name wins');
  assert.equal(blindRedactor(['Dinas (Uji) [x]'])('Oleh Dinas (Uji) [x].'), 'Oleh [disamarkan].', 'regular-expression characters in names');
});

test('who is blind and who sees the ranking: managers always; others only after the decision', () => {
  const open = { tenantId: 't', status: 'open', isBlind: 1 };
  const frozen = { ...open, status: 'frozen' };
  assert.equal(isBlindFor(actor('judge'), open), true);
  assert.equal(isBlindFor(actor('leader'), open), true);
  assert.equal(isBlindFor(actor('innovation_team'), open), false);
  assert.equal(isBlindFor(actor('judge'), { ...open, isBlind: 0 }), false);
  assert.deepEqual([maySeeRanking(actor('judge'), open), maySeeRanking(actor('judge'), frozen)], [false, true]);
  assert.deepEqual([maySeeRanking(actor('admin'), open), maySeeRanking(actor('leader'), open)], [true, false]);
});

test('the decree names the units: after the decision everyone who reads the competition gets it, in blind mode only the managers', () => {
  const frozen = { tenantId: 't', status: 'frozen', isBlind: 0 };
  const blind = { ...frozen, isBlind: 1 };
  assert.deepEqual([mayReadDecree(actor('judge'), frozen), mayReadDecree(actor('judge'), { ...frozen, status: 'open' })], [true, false]);
  assert.deepEqual(['judge', 'leader', 'innovation_team', 'admin'].map((r) => mayReadDecree(actor(r as Actor['roles'][number]['role']), blind)), [false, false, true, true]);
});

test('conflict of interest: own unit first, then a declared conflict', () => {
  const judge = { userId: 'u1', conflicts: JSON.stringify(['p2']) };
  const units = new Set(['unit-a']);
  assert.equal(conflictOf(judge, units, { id: 'p1', unitId: 'unit-a' }), 'own_unit');
  assert.equal(conflictOf(judge, units, { id: 'p2', unitId: 'unit-b' }), 'declared');
  assert.equal(conflictOf(judge, units, { id: 'p3', unitId: 'unit-b' }), null);
});
