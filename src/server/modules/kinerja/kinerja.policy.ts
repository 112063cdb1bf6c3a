import { defineMachine } from '../../workflow/state-machine.ts';

/**
 * Workflows of the Perjanjian Kinerja (ARCHITECTURE "Workflow"): the PK is drafted and signed
 * (unit head of its unit, or the Tim RB marking it signed at the ceremony); each quarter's
 * realisation is entered (operator/head of the unit), submitted by the unit head and verified by
 * the Inspektorat or the Tim RB/Bagian Organisasi — never by the user who entered the value
 * (checked in the service). Only verified values count in the capaian.
 */
export const PK_STATES = ['draft', 'submitted', 'agreed', 'signed'] as const;
export type PkState = (typeof PK_STATES)[number];
export type PkAction = 'submit' | 'agree' | 'return' | 'sign';
/**
 * The signing season (issue 11 item 2): the unit head submits the draft, the second party (the
 * Tim RB for the Bupati) agrees, then it is signed. Signing straight from a draft stays allowed:
 * at the ceremony the Tim RB marks every PK signed at once (API contract).
 */
export const pkMachine = defineMachine<PkState, PkAction>({
  entityType: 'pk',
  entity: 'pk',
  states: PK_STATES,
  stateLabels: 'pkStatus',
  actionLabels: 'workflow',
  transitions: [
    { from: ['draft'], to: 'submitted', action: 'submit', who: 'pk.submit' },
    { from: ['submitted'], to: 'agreed', action: 'agree', who: 'pk.agree' },
    { from: ['submitted', 'agreed'], to: 'draft', action: 'return', who: 'pk.agree' },
    { from: ['draft', 'submitted', 'agreed'], to: 'signed', action: 'sign', who: 'pk.sign' },
  ],
});

/** A replaced PK (a signed perubahan exists or is being drafted) stays readable but takes no step. */
export const isReplaced = (pk: { replacedById: string | null }) => pk.replacedById !== null;

// The realisation workflow lives in pk-realisation.policy.ts.
