/**
 * Rules of an SKM survey that depend on its state (issue 8 §4: state rules live in
 * `<module>.policy.ts` beside the service, not scattered through it). The role × action table
 * stays in policy/policy.ts.
 *
 * A survey takes answers while it is open and the day lies inside its period, both ends included:
 * the public form says "closed" and a submission is refused outside that.
 */
interface SurveyState {
  status: string;
  periodStart: string; // YYYY-MM-DD
  periodEnd: string; // YYYY-MM-DD
}

export function acceptsAnswers(s: SurveyState, today: string): boolean {
  return s.status === 'open' && s.periodStart <= today && today <= s.periodEnd;
}
