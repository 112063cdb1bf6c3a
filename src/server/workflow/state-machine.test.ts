import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import type { Actor } from '../policy/actor.ts';
import { translate } from '../../shared/i18n/translate.ts';
import { allowedActions, authorizeTransition, defineMachine, recordTransition, reviewLogOf, transition } from './state-machine.ts';
import { innovationMachine } from '../modules/innovation/innovation.policy.ts';
import { writeWithAudit } from '../modules/audit/audit.writer.ts';
import { createTestRuntime, testDialects, type TestRuntime } from '../testing/harness.ts';

const T = 'tenant-a';
const actor = (roles: Actor['roles'], unitScope: string[] = []): Actor => ({ userId: 'u1', tenantId: T, name: 'Uji', roles, isPlatformAdmin: false, unitScope: new Set(unitScope) });
const unitHead = actor([{ role: 'unit_head', unitId: 'unit-1' }], ['unit-1']);
const operator = actor([{ role: 'unit_operator', unitId: 'unit-1' }], ['unit-1']);
const team = actor([{ role: 'innovation_team', unitId: null }]);
const res = { tenantId: T, unitId: 'unit-1' };

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof AppError, String(e));
    return e;
  }
  assert.fail('expected an AppError');
}

describe('state machine helper', () => {
  test('transition: the innovation path draft → submitted → verified → published, and returned → submitted', () => {
    assert.equal(transition(innovationMachine, 'draft', 'submit'), 'submitted');
    assert.equal(transition(innovationMachine, 'submitted', 'verify'), 'verified');
    assert.equal(transition(innovationMachine, 'verified', 'publish'), 'published');
    assert.equal(transition(innovationMachine, 'submitted', 'return'), 'returned');
    assert.equal(transition(innovationMachine, 'verified', 'return'), 'returned');
    assert.equal(transition(innovationMachine, 'returned', 'submit'), 'submitted');
  });

  test('a step not allowed from the current state is a CONFLICT whose Indonesian message names the state and the step', () => {
    const e = errorOf(() => transition(innovationMachine, 'draft', 'publish'));
    assert.equal(e.code, 'CONFLICT');
    const id = translate('id', e.messageKey, e.params);
    assert.equal(id, 'Langkah "publikasikan" tidak dapat dilakukan: Inovasi ini berstatus "Draf".');
    assert.match(translate('en', e.messageKey, e.params), /cannot be taken/);
    assert.equal(errorOf(() => transition(innovationMachine, 'published', 'return')).code, 'CONFLICT', 'published is final');
  });

  test('authorizeTransition: 403 when the step is not the actor’s, 409 when it is theirs but not now', () => {
    assert.equal(errorOf(() => authorizeTransition(innovationMachine, 'draft', 'submit', operator, res)).code, 'FORBIDDEN', 'the unit head submits, not the operator');
    assert.equal(authorizeTransition(innovationMachine, 'draft', 'submit', unitHead, res), 'submitted');
    assert.equal(errorOf(() => authorizeTransition(innovationMachine, 'draft', 'submit', unitHead, { tenantId: T, unitId: 'unit-2' })).code, 'FORBIDDEN', 'another unit');
    assert.equal(errorOf(() => authorizeTransition(innovationMachine, 'draft', 'submit', unitHead, { tenantId: 'tenant-b', unitId: 'unit-1' })).code, 'FORBIDDEN', 'another tenant');
    assert.equal(errorOf(() => authorizeTransition(innovationMachine, 'draft', 'verify', team, res)).code, 'CONFLICT');
    assert.equal(errorOf(() => authorizeTransition(innovationMachine, 'draft', 'archive' as never, team, res)).code, 'VALIDATION');
  });

  test('allowedActions lists exactly the steps the actor may take from the state', () => {
    assert.deepEqual(allowedActions(innovationMachine, 'draft', unitHead, res), ['submit']);
    assert.deepEqual(allowedActions(innovationMachine, 'draft', operator, res), []);
    assert.deepEqual(allowedActions(innovationMachine, 'submitted', team, res).sort(), ['return', 'verify']);
    assert.deepEqual(allowedActions(innovationMachine, 'verified', team, res).sort(), ['publish', 'return']);
    assert.deepEqual(allowedActions(innovationMachine, 'published', team, res), []);
  });

  test('guards: a transition may name a function instead of a policy action', () => {
    const m = defineMachine<'open' | 'signed', 'sign'>({
      entityType: 'pk',
      entity: 'proposal',
      states: ['open', 'signed'],
      stateLabels: 'innovationStatus',
      actionLabels: 'workflow',
      transitions: [{ action: 'sign', from: ['open'], to: 'signed', who: (a) => a.userId === 'signer' }],
    });
    assert.deepEqual(allowedActions(m, 'open', { ...team, userId: 'signer' }, res), ['sign']);
    assert.deepEqual(allowedActions(m, 'open', team, res), []);
  });

  test('defineMachine refuses unknown states and two transitions for one step from one state', () => {
    assert.throws(() => defineMachine({ entityType: 'x', entity: 'x', states: ['a'], stateLabels: 's', actionLabels: 'a', transitions: [{ action: 'go', from: ['a'], to: 'b' as 'a', who: 'innovation.read' }] }), /unknown state "b"/);
    assert.throws(
      () => defineMachine({ entityType: 'x', entity: 'x', states: ['a', 'b'], stateLabels: 's', actionLabels: 'a', transitions: [{ action: 'go', from: ['a'], to: 'b', who: 'innovation.read' }, { action: 'go', from: ['a'], to: 'a', who: 'innovation.read' }] }),
      /two transitions/,
    );
  });
});

for (const dialect of await testDialects()) {
  describe(`review log [${dialect}]`, () => {
    let rt: TestRuntime;
    let tenantId: string;
    before(async () => {
      rt = await createTestRuntime(dialect);
      tenantId = (await rt.deps.db.selectFrom('tenants').select('id').executeTakeFirstOrThrow()).id;
    });
    after(() => rt.close());

    const who = { actorId: null, actorName: 'uji', tenantId: '' };
    test('recordTransition writes in the caller’s transaction: a failed change leaves no log entry', async () => {
      const entry = { tenantId, entityType: 'pk', entityId: 'pk-1', fromState: 'draft', toState: 'signed', action: 'sign', actor: { userId: 'u1', name: 'Bupati' }, note: 'ditandatangani', at: '2026-11-30T01:00:00.000Z' };
      await assert.rejects(
        writeWithAudit(rt.deps.db, { ...who, tenantId }, rt.deps.clock, async (tx) => {
          await recordTransition(tx, entry);
          throw new Error('the state change failed');
        }),
        /state change failed/,
      );
      assert.equal((await reviewLogOf(rt.deps.db, tenantId, 'pk', 'pk-1')).length, 0);
      await writeWithAudit(rt.deps.db, { ...who, tenantId }, rt.deps.clock, (tx) => recordTransition(tx, entry));
      const log = await reviewLogOf(rt.deps.db, tenantId, 'pk', 'pk-1');
      assert.deepEqual(log.map((l) => [l.fromState, l.toState, l.action, l.actorName, l.note]), [['draft', 'signed', 'sign', 'Bupati', 'ditandatangani']]);
      assert.equal((await reviewLogOf(rt.deps.db, 'another-tenant', 'pk', 'pk-1')).length, 0, 'tenant-scoped');
    });
  });
}
