import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, type Role } from '../../shared/schemas/common.ts';
import { expandUnitScope, type Actor } from './actor.ts';
import { can, POLICY, type Action } from './policy.ts';

/**
 * The policy walked as a table: role × action × (own unit, sub-unit, other unit, tenant-wide,
 * other tenant). The expectations are written out here by hand, independently of POLICY.
 *   T = allowed anywhere in the own tenant, U = allowed only in the granted unit and its
 *   sub-units, - = never. Another tenant is always refused.
 */
const TABLE: Record<Action, Record<Role, 'T' | 'U' | '-'>> = {
  //                  admin rb_team innovation_team inspectorate unit_operator unit_head leader judge
  'tenant.read':       { admin: 'T', rb_team: 'T', innovation_team: 'T', inspectorate: 'T', unit_operator: 'T', unit_head: 'T', leader: 'T', judge: 'T' },
  'tenant.create':     { admin: '-', rb_team: '-', innovation_team: '-', inspectorate: '-', unit_operator: '-', unit_head: '-', leader: '-', judge: '-' },
  'unit.read':         { admin: 'T', rb_team: 'T', innovation_team: 'T', inspectorate: 'T', unit_operator: 'T', unit_head: 'T', leader: 'T', judge: 'T' },
  'unit.create':       { admin: 'T', rb_team: '-', innovation_team: '-', inspectorate: '-', unit_operator: 'U', unit_head: 'U', leader: '-', judge: '-' },
  'unit.update':       { admin: 'T', rb_team: '-', innovation_team: '-', inspectorate: '-', unit_operator: 'U', unit_head: 'U', leader: '-', judge: '-' },
  'position.read':     { admin: 'T', rb_team: 'T', innovation_team: 'T', inspectorate: 'T', unit_operator: 'T', unit_head: 'T', leader: 'T', judge: 'T' },
  'position.manage':   { admin: 'T', rb_team: '-', innovation_team: '-', inspectorate: '-', unit_operator: 'U', unit_head: 'U', leader: '-', judge: '-' },
  'person.read':       { admin: 'T', rb_team: 'T', innovation_team: 'T', inspectorate: 'T', unit_operator: 'T', unit_head: 'T', leader: 'T', judge: 'T' },
  'person.manage':     { admin: 'T', rb_team: '-', innovation_team: '-', inspectorate: '-', unit_operator: 'U', unit_head: 'U', leader: '-', judge: '-' },
  'assignment.read':   { admin: 'T', rb_team: 'T', innovation_team: 'T', inspectorate: 'T', unit_operator: 'T', unit_head: 'T', leader: 'T', judge: 'T' },
  'assignment.manage': { admin: 'T', rb_team: '-', innovation_team: '-', inspectorate: '-', unit_operator: 'U', unit_head: 'U', leader: '-', judge: '-' },
  'user.read':         { admin: 'T', rb_team: '-', innovation_team: '-', inspectorate: '-', unit_operator: '-', unit_head: '-', leader: '-', judge: '-' },
  'user.manage':       { admin: 'T', rb_team: '-', innovation_team: '-', inspectorate: '-', unit_operator: '-', unit_head: '-', leader: '-', judge: '-' },
  'audit.readAll':     { admin: 'T', rb_team: '-', innovation_team: '-', inspectorate: 'T', unit_operator: '-', unit_head: '-', leader: 'T', judge: '-' },
  'audit.readOrg':     { admin: 'T', rb_team: 'T', innovation_team: 'T', inspectorate: 'T', unit_operator: 'T', unit_head: 'T', leader: 'T', judge: 'T' },
  'evidence.upload':   { admin: 'T', rb_team: 'T', innovation_team: 'T', inspectorate: 'T', unit_operator: 'T', unit_head: 'T', leader: 'T', judge: 'T' },
  'evidence.read':     { admin: 'T', rb_team: 'T', innovation_team: 'T', inspectorate: 'T', unit_operator: 'T', unit_head: 'T', leader: 'T', judge: 'T' },
  'innovation.read':   { admin: 'T', rb_team: 'T', innovation_team: 'T', inspectorate: 'T', unit_operator: 'T', unit_head: 'T', leader: 'T', judge: '-' },
  'innovation.create': { admin: 'T', rb_team: '-', innovation_team: 'T', inspectorate: '-', unit_operator: 'U', unit_head: 'U', leader: '-', judge: '-' },
  'innovation.update': { admin: 'T', rb_team: '-', innovation_team: 'T', inspectorate: '-', unit_operator: 'U', unit_head: 'U', leader: '-', judge: '-' },
  'innovation.submit': { admin: 'T', rb_team: '-', innovation_team: '-', inspectorate: '-', unit_operator: '-', unit_head: 'U', leader: '-', judge: '-' },
  'innovation.review': { admin: 'T', rb_team: '-', innovation_team: 'T', inspectorate: '-', unit_operator: '-', unit_head: '-', leader: '-', judge: '-' },
  'innovation.publish': { admin: 'T', rb_team: '-', innovation_team: 'T', inspectorate: '-', unit_operator: '-', unit_head: '-', leader: '-', judge: '-' },
  'innovation.lifecycle': { admin: 'T', rb_team: '-', innovation_team: 'T', inspectorate: '-', unit_operator: '-', unit_head: 'U', leader: '-', judge: '-' },
  'innovation.score':  { admin: 'T', rb_team: '-', innovation_team: 'T', inspectorate: '-', unit_operator: 'U', unit_head: 'U', leader: '-', judge: '-' },
  'iid.read':          { admin: 'T', rb_team: 'T', innovation_team: 'T', inspectorate: 'T', unit_operator: 'T', unit_head: 'T', leader: 'T', judge: 'T' },
  'iid.manage':        { admin: 'T', rb_team: '-', innovation_team: 'T', inspectorate: '-', unit_operator: '-', unit_head: '-', leader: '-', judge: '-' },
  'replication.confirm': { admin: 'T', rb_team: '-', innovation_team: 'T', inspectorate: '-', unit_operator: '-', unit_head: '-', leader: '-', judge: '-' },
  'skm.read':          { admin: 'T', rb_team: 'T', innovation_team: 'T', inspectorate: 'T', unit_operator: 'T', unit_head: 'T', leader: 'T', judge: 'T' },
  'skm.manage':        { admin: 'T', rb_team: '-', innovation_team: '-', inspectorate: '-', unit_operator: 'U', unit_head: 'U', leader: '-', judge: '-' },
  'proposal.read':     { admin: 'T', rb_team: 'T', innovation_team: 'T', inspectorate: 'T', unit_operator: 'U', unit_head: 'U', leader: 'T', judge: '-' },
  'proposal.write':    { admin: 'T', rb_team: '-', innovation_team: 'T', inspectorate: '-', unit_operator: 'U', unit_head: 'U', leader: '-', judge: '-' },
  'proposal.comment':  { admin: 'T', rb_team: '-', innovation_team: 'T', inspectorate: '-', unit_operator: 'U', unit_head: 'U', leader: '-', judge: '-' },
  'competition.read':  { admin: 'T', rb_team: '-', innovation_team: 'T', inspectorate: 'T', unit_operator: '-', unit_head: '-', leader: 'T', judge: 'T' },
  'competition.manage': { admin: 'T', rb_team: '-', innovation_team: 'T', inspectorate: '-', unit_operator: '-', unit_head: '-', leader: '-', judge: '-' },
  'competition.score': { admin: 'T', rb_team: '-', innovation_team: 'T', inspectorate: '-', unit_operator: '-', unit_head: '-', leader: 'T', judge: 'T' },
  'document.read':     { admin: 'T', rb_team: 'T', innovation_team: 'T', inspectorate: 'T', unit_operator: 'U', unit_head: 'U', leader: 'T', judge: '-' },
  'document.issue':    { admin: 'T', rb_team: '-', innovation_team: '-', inspectorate: '-', unit_operator: 'U', unit_head: 'U', leader: '-', judge: '-' },
  'document.withdraw': { admin: 'T', rb_team: '-', innovation_team: '-', inspectorate: '-', unit_operator: '-', unit_head: 'U', leader: '-', judge: '-' },
  'letterhead.manage': { admin: 'T', rb_team: '-', innovation_team: '-', inspectorate: '-', unit_operator: 'U', unit_head: 'U', leader: '-', judge: '-' },
  'pk.read':           { admin: 'T', rb_team: 'T', innovation_team: '-', inspectorate: 'T', unit_operator: 'U', unit_head: 'U', leader: 'T', judge: '-' },
  'pk.manage':         { admin: 'T', rb_team: 'T', innovation_team: '-', inspectorate: '-', unit_operator: 'U', unit_head: 'U', leader: '-', judge: '-' },
  'pk.sign':           { admin: 'T', rb_team: 'T', innovation_team: '-', inspectorate: '-', unit_operator: '-', unit_head: 'U', leader: '-', judge: '-' },
  'pk.realise':        { admin: 'T', rb_team: '-', innovation_team: '-', inspectorate: '-', unit_operator: 'U', unit_head: 'U', leader: '-', judge: '-' },
  'pk.submit':         { admin: 'T', rb_team: '-', innovation_team: '-', inspectorate: '-', unit_operator: '-', unit_head: 'U', leader: '-', judge: '-' },
  'pk.verify':         { admin: 'T', rb_team: 'T', innovation_team: '-', inspectorate: 'T', unit_operator: '-', unit_head: '-', leader: '-', judge: '-' },
  'pk.configure':      { admin: 'T', rb_team: '-', innovation_team: '-', inspectorate: '-', unit_operator: '-', unit_head: '-', leader: '-', judge: '-' },
  'sakip.recap':       { admin: 'T', rb_team: 'T', innovation_team: '-', inspectorate: 'T', unit_operator: '-', unit_head: '-', leader: 'T', judge: '-' },
  'sakipEval.read':    { admin: 'T', rb_team: 'T', innovation_team: '-', inspectorate: 'T', unit_operator: 'U', unit_head: 'U', leader: 'T', judge: '-' },
  'sakipEval.fill':    { admin: 'T', rb_team: '-', innovation_team: '-', inspectorate: '-', unit_operator: 'U', unit_head: 'U', leader: '-', judge: '-' },
  'sakipEval.pemdaFill': { admin: 'T', rb_team: 'T', innovation_team: '-', inspectorate: '-', unit_operator: '-', unit_head: '-', leader: '-', judge: '-' },
  'sakipEval.evaluate': { admin: 'T', rb_team: '-', innovation_team: '-', inspectorate: 'T', unit_operator: '-', unit_head: '-', leader: '-', judge: '-' },
  'pk.agree':          { admin: 'T', rb_team: 'T', innovation_team: '-', inspectorate: '-', unit_operator: '-', unit_head: '-', leader: '-', judge: '-' },
  'pk.season':         { admin: 'T', rb_team: 'T', innovation_team: '-', inspectorate: '-', unit_operator: '-', unit_head: '-', leader: '-', judge: '-' },
  'job.read':          { admin: 'T', rb_team: '-', innovation_team: '-', inspectorate: '-', unit_operator: '-', unit_head: '-', leader: '-', judge: '-' },
  'job.manage':        { admin: 'T', rb_team: '-', innovation_team: '-', inspectorate: '-', unit_operator: '-', unit_head: '-', leader: '-', judge: '-' },
};

// A small unit tree: dinas D with bidang B below it; another dinas X.
const UNITS = [
  { id: 'D', parentId: null },
  { id: 'B', parentId: 'D' },
  { id: 'X', parentId: null },
];

function actorWith(role: Role): Actor {
  const roles = [{ role, unitId: role === 'unit_operator' || role === 'unit_head' ? 'D' : null }];
  return { userId: 'u1', tenantId: 'T1', name: 'n', roles, isPlatformAdmin: false, unitScope: expandUnitScope(roles, UNITS) };
}

test('the policy table covers every action', () => {
  assert.deepEqual(Object.keys(TABLE).sort(), Object.keys(POLICY).sort());
});

test('policy: roles × actions × own unit / sub-unit / other unit / tenant-wide / other tenant', () => {
  for (const [action, row] of Object.entries(TABLE) as Array<[Action, Record<Role, 'T' | 'U' | '-'>]>) {
    for (const role of ROLES) {
      const actor = actorWith(role);
      const expected = row[role];
      const cell = (resource: { tenantId: string; unitId?: string | null }) => can(actor, action, resource);
      const where = `${role} ${action}`;
      assert.equal(cell({ tenantId: 'T1', unitId: 'D' }), expected !== '-', `${where} own unit`);
      assert.equal(cell({ tenantId: 'T1', unitId: 'B' }), expected !== '-', `${where} sub-unit`);
      assert.equal(cell({ tenantId: 'T1', unitId: 'X' }), expected === 'T', `${where} other unit`);
      assert.equal(cell({ tenantId: 'T1' }), expected === 'T', `${where} tenant-wide resource`);
      assert.equal(cell({ tenantId: 'T2', unitId: 'D' }), false, `${where} other tenant`);
      assert.equal(cell({ tenantId: 'T2' }), false, `${where} other tenant, tenant-wide`);
    }
  }
});

test('platform operators (and only they) create tenants; nobody signed out can do anything', () => {
  const platform = { ...actorWith('admin'), isPlatformAdmin: true };
  assert.equal(can(platform, 'tenant.create', { tenantId: 'T1' }), true);
  assert.equal(can(actorWith('admin'), 'tenant.create', { tenantId: 'T1' }), false);
  for (const action of Object.keys(POLICY) as Action[]) assert.equal(can(null, action, { tenantId: 'T1' }), false);
});

test('unit scope covers the granted unit and all its sub-units, nothing else', () => {
  const scope = expandUnitScope([{ role: 'unit_head', unitId: 'D' }, { role: 'leader', unitId: null }], UNITS);
  assert.deepEqual([...scope].sort(), ['B', 'D']);
});
