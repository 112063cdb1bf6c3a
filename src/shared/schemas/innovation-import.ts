import { z } from 'zod';

/**
 * Excel import of innovations in two steps: a dry run (preview) that says what each row would do,
 * then the confirmation that applies the whole file in one transaction. Shared by the server
 * (route schemas) and the SPA (ImportModal).
 */
export const IMPORT_ACTIONS = ['create', 'update', 'unchanged', 'duplicate', 'error'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

/** Comma-separated sheet row numbers ("3,5,12"), as the confirmation's query string carries them. */
const ZRowList = z
  .string()
  .max(20000)
  .regex(/^\s*(\d{1,6}\s*(,\s*\d{1,6}\s*)*)?$/, { message: 'invalidRowList' })
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean).map(Number));

export const ZImportConfirmQuery = z
  .object({
    /** Rows flagged "mungkin sudah ada" that the user still wants created. */
    create: ZRowList.optional(),
    /** Rows flagged "mungkin sudah ada" that the user leaves out. */
    skip: ZRowList.optional(),
  })
  .strict();
export type ImportDecisions = z.infer<typeof ZImportConfirmQuery>;

export const ZImportMatch = z.object({
  /** The existing record; null when the look-alike is an earlier row of the same file. */
  id: z.string().nullable(),
  title: z.string(),
  score: z.number(),
  reason: z.string(),
});
export type ImportMatch = z.infer<typeof ZImportMatch>;

export const ZImportProblem = z.object({ field: z.string(), column: z.string(), message: z.string() });

export const ZImportPreviewRow = z.object({
  row: z.number().int(),
  action: z.enum(IMPORT_ACTIONS),
  title: z.string(),
  /** "ID Serasan" of the record a row updates (or names). */
  id: z.string().nullable(),
  match: ZImportMatch.nullable(),
  /** Column headers whose value an update changes. */
  changes: z.array(z.string()),
  problems: z.array(ZImportProblem),
});
export type ImportPreviewRow = z.infer<typeof ZImportPreviewRow>;

export const ZImportPreview = z.object({
  rows: z.array(ZImportPreviewRow),
  counts: z.object({ create: z.number(), update: z.number(), unchanged: z.number(), duplicate: z.number(), error: z.number() }),
});
export type ImportPreview = z.infer<typeof ZImportPreview>;

export const ZImportResult = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
  imported: z.number(),
  ids: z.array(z.string()),
  updatedIds: z.array(z.string()),
});
export type ImportResult = z.infer<typeof ZImportResult>;
