import { defineMachine } from '../../workflow/state-machine.ts';

/**
 * The workflow of a quarter's realisation (ARCHITECTURE "Workflow"): entered (operator/head of
 * the unit) → submitted by the unit head → verified by the Inspektorat or the Tim RB/Bagian
 * Organisasi, never by the user who entered the value (checked in the service), or returned to
 * the unit with a note, edited and submitted again. Only verified values count in the capaian; a
 * verified value changes only by an audited correction (not a state change).
 */
export const PK_REALISATION_STATES = ['draft', 'submitted', 'verified', 'returned'] as const;
export type PkRealisationState = (typeof PK_REALISATION_STATES)[number];
export const pkRealisationMachine = defineMachine<PkRealisationState, 'submit' | 'verify' | 'return'>({
  entityType: 'pk_realisation',
  entity: 'pk_realisation',
  states: PK_REALISATION_STATES,
  stateLabels: 'pkRealisationStatus',
  actionLabels: 'workflow',
  transitions: [
    { from: ['draft', 'returned'], to: 'submitted', action: 'submit', who: 'pk.submit' },
    { from: ['submitted'], to: 'verified', action: 'verify', who: 'pk.verify' },
    { from: ['submitted'], to: 'returned', action: 'return', who: 'pk.verify' },
  ],
});
