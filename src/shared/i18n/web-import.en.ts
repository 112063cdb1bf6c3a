import type { webImportId } from './web-import.id.ts';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** UI texts of the Excel import preview, the history labels and the competition rules (English). */
export const webImportEn: Widen<typeof webImportId> = {
  importPlan: {
    intro: 'Upload a filled-in Serasan template, or a Serasan export you have edited. Serasan shows a preview first; nothing is saved until you confirm. Rows with "ID Serasan" update that innovation.',
    preview: 'Preview',
    confirm: 'Save import',
    back: 'Choose another file',
    fixErrors: 'Fix the rows with problems in Excel and upload again. Nothing is saved while a row has a problem.',
    decideDuplicates: 'Some rows may already be recorded. Choose for each row: create it as a new innovation anyway, or skip it.',
    nothingToDo: 'Every row equals the data in Serasan: nothing changes.',
    action: {
      create: 'New',
      update: 'Updated',
      unchanged: 'Unchanged',
      duplicate: 'May already exist',
      error: 'Problem',
    },
    col: {
      row: 'Row',
      title: 'Innovation',
      action: 'Action',
      detail: 'Details',
    },
    changes: 'Changed columns: {{columns}}',
    existing: 'Like "{{title}}" ({{reason}})',
    createAnyway: 'Create anyway',
    skip: 'Skip',
    done: 'Import done: {{created}} new, {{updated}} updated, {{unchanged}} unchanged, {{skipped}} skipped.',
  },
  competitionRules: {
    noScores: 'No scores yet: no judge has scored, so there is no ranking yet.',
    notScored: 'not scored yet',
  },
};
