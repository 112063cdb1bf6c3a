/** English catalog of the shared assessment UI (same keys as web-assessment.id.ts). */
export const webAssessmentEn = {
  assessment: {
    unverified: 'unverified',
    unverifiedHint: 'This number comes from a source with {{level}} confidence: not yet confirmed against the official text of the regulation. Use it as an estimate, not as an official value.',
    unverifiedHintItem: '{{what}} comes from a source with {{level}} confidence: not yet confirmed against the official text of the regulation.',
    kippWeights: 'The scoring weights of this rulebook',
    confidenceLevel: {
      HIGH: 'high',
      MED: 'medium',
      LOW: 'low',
      UNVERIFIED: 'unverified',
    },
  },
};
