import type { Rulebook } from '../rulebook.ts';
import { SCALES, type WorksheetBody, type WorksheetNode } from '../assessment/worksheet.ts';
import type { IidIndicator, IidRulebook } from './iid.rulebook.ts';

/**
 * The IID rulebooks expressed as assessment worksheets: each part (SPD region sheet, SID
 * innovation sheet) is a `sum` of `weightedChoice` questions, score = b × p (RULES.md §6.2).
 * The index formula on top (divisor, count component, urusan rule) stays in `computeIid`.
 */
const labels = (params: IidIndicator['params']) => Object.fromEntries(params.map((p) => [String(p.value), p.label]));

function question(ind: IidIndicator): WorksheetNode {
  return {
    code: ind.no,
    title: ind.name,
    aggregation: 'weightedChoice',
    weight: ind.weight,
    scale: SCALES.iidParameter.id,
    optionLabels: labels(ind.params),
    ...(ind.bases ? { bases: ind.bases.map((b) => ({ key: b.key, label: b.label, optionLabels: labels(b.params) })) } : {}),
    mandatory: ind.mandatory,
    meta: { variable: ind.variable },
  };
}

const cache = new WeakMap<IidRulebook, Record<'spd' | 'sid', Rulebook<WorksheetBody>>>();

export function iidWorksheet(rb: IidRulebook, part: 'spd' | 'sid'): Rulebook<WorksheetBody> {
  let both = cache.get(rb);
  if (!both) {
    const make = (p: 'spd' | 'sid'): Rulebook<WorksheetBody> => ({
      ...rb,
      id: `${rb.id}:${p}`,
      kind: `iid_${p}`,
      body: {
        // The part totals feed computeIid; 4 decimals keep them exact for every b × p (b has ≤ 2 decimals).
        decimals: 4,
        scales: [SCALES.iidParameter],
        root: { code: p, title: p === 'spd' ? 'Satuan Pemerintah Daerah' : 'Satuan Inovasi Daerah', aggregation: 'sum', weight: rb.body[p].max, children: rb.body[p].indicators.map(question) },
        bands: [],
        pointsWithoutEvidence: rb.body.pointsWithoutEvidence,
      },
    });
    both = { spd: make('spd'), sid: make('sid') };
    cache.set(rb, both);
  }
  return both[part];
}
