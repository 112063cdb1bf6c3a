import type { SkmSurveyTable } from '../../db/schema.ts';
import type { SkmRulebook } from '../../rules/skm/index.ts';

type Survey = Pick<SkmSurveyTable, 'id' | 'code' | 'serviceId' | 'unitId' | 'periodKind' | 'periodStart' | 'periodEnd' | 'population' | 'status'>;
type Names = { serviceName: string; unitName: string };

/** The fields every survey answer carries; formUrl is the public form (`${publicBase}/skm/${code}`). */
function surveyBase(s: Survey, names: Names, formUrl: string) {
  return {
    id: s.id,
    surveyCode: s.code,
    serviceId: s.serviceId,
    serviceName: names.serviceName,
    unitId: s.unitId,
    unitName: names.unitName,
    periodKind: s.periodKind,
    periodStart: s.periodStart,
    periodEnd: s.periodEnd,
    population: s.population,
    status: s.status,
    formUrl,
  };
}

/** A survey just opened. */
export function presentCreatedSurvey(s: Survey & Pick<SkmSurveyTable, 'activeUnsur'>, names: Names, formUrl: string) {
  return { ...surveyBase(s, names, formUrl), activeUnsur: JSON.parse(s.activeUnsur) as string[] };
}

/** A row of the survey list, with its running result. */
export function presentSurveyListItem<
  R extends Survey & Names & Pick<SkmSurveyTable, 'isDemo'> & { responses: number; ikmConverted: unknown; mutu: unknown; minSample: unknown; canManage: boolean },
>(s: R, formUrl: string) {
  return {
    ...surveyBase(s, s, formUrl),
    isDemo: s.isDemo === 1,
    responses: s.responses,
    ikmConverted: s.ikmConverted,
    mutu: s.mutu,
    minSample: s.minSample,
    canManage: s.canManage,
  };
}

/** One survey with its rulebook. */
export function presentSurveyDetail(
  s: Survey & Pick<SkmSurveyTable, 'isDemo' | 'activeUnsur'>,
  extra: Names & { rulebook: SkmRulebook; canManage: boolean },
  formUrl: string,
) {
  return {
    ...surveyBase(s, extra, formUrl),
    isDemo: s.isDemo === 1,
    activeUnsur: JSON.parse(s.activeUnsur) as string[],
    rulebook: extra.rulebook,
    canManage: extra.canManage,
  };
}
