import { AppError } from '../../errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { can, type Resource } from '../../policy/policy.ts';
import { allowedActions, defineMachine } from '../../workflow/state-machine.ts';

/**
 * Rules of an innovation record that depend on its state. Who may do what by role and unit stays
 * in policy/policy.ts; this file adds what the record's status and lifecycle decide.
 */
export type InnovationStatus = 'draft' | 'submitted' | 'returned' | 'verified' | 'published';
export type WorkflowAction = 'submit' | 'return' | 'verify' | 'publish';

/** The review workflow: the unit drafts, its head submits, the Tim Inovasi verifies or returns, then publishes. */
export const innovationMachine = defineMachine<InnovationStatus, WorkflowAction>({
  entityType: 'innovation',
  entity: 'innovation',
  states: ['draft', 'submitted', 'returned', 'verified', 'published'],
  stateLabels: 'innovationStatus',
  actionLabels: 'workflow',
  transitions: [
    { action: 'submit', from: ['draft', 'returned'], to: 'submitted', who: 'innovation.submit' },
    { action: 'return', from: ['submitted', 'verified'], to: 'returned', who: 'innovation.review' },
    { action: 'verify', from: ['submitted'], to: 'verified', who: 'innovation.review' },
    { action: 'publish', from: ['verified'], to: 'published', who: 'innovation.publish' },
  ],
});

interface Row {
  tenantId: string;
  unitId: string;
  status: string;
  lifecycle: string;
}

const resourceOf = (row: Row): Resource => ({ tenantId: row.tenantId, unitId: row.unitId });

/** The unit edits drafts and returned records; once submitted only the Tim Inovasi (reviewers) edit. */
export function mayEditInnovation(actor: Actor, row: Row): boolean {
  const res = resourceOf(row);
  return can(actor, 'innovation.update', res) && (['draft', 'returned'].includes(row.status) || can(actor, 'innovation.review', res));
}

export function assertMayEditInnovation(actor: Actor, row: Row) {
  if (!mayEditInnovation(actor, row)) throw new AppError('FORBIDDEN', 'errors.forbidden');
}

/** A retired innovation moves no further through review, except back to the unit. */
export function assertStepAllowedInLifecycle(row: Row, step: WorkflowAction) {
  if (row.lifecycle === 'retired' && step !== 'return') throw new AppError('CONFLICT', 'errors.innovationRetired');
}

/** The workflow buttons the record's page shows for this actor. */
export function innovationPermissions(actor: Actor, row: Row) {
  const res = resourceOf(row);
  const steps = new Set(allowedActions(innovationMachine, row.status, actor, res));
  return {
    update: mayEditInnovation(actor, row),
    submit: steps.has('submit'),
    verify: steps.has('verify'),
    return: steps.has('return'),
    publish: steps.has('publish'),
    lifecycle: can(actor, 'innovation.lifecycle', res),
    score: can(actor, 'innovation.score', res),
    confirmReplication: can(actor, 'replication.confirm', { tenantId: actor.tenantId }),
  };
}
