/** English catalog of the shared assessment UI (same keys as web-assessment.id.ts). */
export const webAssessmentEn = {
  assessment: {
    unverified: 'unverified',
    unverifiedHint: 'This number comes from a source with {{level}} confidence: not yet confirmed against the official text of the regulation. Use it as an estimate, not as an official value.',
    unverifiedHintItem: '{{what}} comes from a source with {{level}} confidence: not yet confirmed against the official text of the regulation.',
    kippWeights: 'The scoring weights of this rulebook',
    evaluation: {
      title: 'Innovation Team verification',
      count: '{{count}} of {{total}} indicators verified',
      hint: "Enter the Innovation Team's value and note for each indicator. The unit's answer stays stored beside it, unchanged.",
      readOnly: "The Innovation Team's values and notes on your unit's answers. Verification does not change the unit's answers.",
      own: "Unit's answer",
      evaluator: 'Innovation Team value',
      note: 'Innovation Team note',
      differs: 'differs',
      save: 'Save verification ({{count}})',
      saved: 'Verification saved.',
    },
    confidenceLevel: {
      HIGH: 'high',
      MED: 'medium',
      LOW: 'low',
      UNVERIFIED: 'unverified',
    },
  },
};
