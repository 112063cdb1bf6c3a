import { z } from 'zod';
import { LIST_SORTS, ZId, ZListQuery } from './common.ts';

/**
 * The document types of the numbering register: the one list (the server's numbering register,
 * the route schemas and the SPA's filters all read it). Adding a type here makes tsc ask for its
 * default classification (numbering.ts) and the catalogs' label (web-docs `docs.types.*`).
 */
export const DOC_TYPES = ['keputusan', 'surat_dinas', 'surat_undangan', 'nota_dinas', 'berita_acara', 'notula', 'perjanjian_kinerja', 'laporan_hasil_evaluasi'] as const;
export type DocType = (typeof DOC_TYPES)[number];
export const ZDocType = z.enum(DOC_TYPES);

const opt = (max: number) => z.string().trim().max(max).nullable().optional();

export const ZTenantDocSettingsInput = z
  .object({
    governmentLine: opt(160),
    headTitle: opt(120),
    headName: opt(160),
    place: opt(80),
    address: opt(300),
    phone: opt(60),
    website: opt(120),
    email: z.string().trim().email().max(120).nullable().optional().or(z.literal('')),
    postalCode: z.string().trim().regex(/^\d{5}$/).nullable().optional().or(z.literal('')),
  })
  .strict();

export const ZUnitLetterheadInput = z
  .object({
    unitCode: opt(40),
    address: opt(300),
    phone: opt(60),
    website: opt(120),
    email: z.string().trim().email().max(120).nullable().optional().or(z.literal('')),
    postalCode: z.string().trim().regex(/^\d{5}$/).nullable().optional().or(z.literal('')),
  })
  .strict();

export const ZNumberTemplateInput = z.object({ template: z.string().trim().min(5).max(120), classification: z.string().trim().min(1).max(40) }).strict();
export const ZReserveNumberInput = z.object({ docType: ZDocType, title: z.string().trim().min(3).max(300), unitId: ZId.nullable().optional(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).strict();
export const ZReasonInput = z.object({ reason: z.string().trim().min(5).max(500) }).strict();

/** What a register row shows: a cancelled number, a withdrawn document, a number with no document yet, or an issued document. */
export const REGISTER_STATUSES = ['issued', 'reserved', 'withdrawn', 'cancelled'] as const;
export type RegisterStatus = (typeof REGISTER_STATUSES)[number];

/** The numbering register as a list: search (number, title), filters, sort, paging (issue 10 item 5). */
export const ZDocRegisterQuery = ZListQuery(LIST_SORTS.documents.keys, LIST_SORTS.documents.default).extend({
  q: z.string().trim().max(200).optional(),
  docType: ZDocType.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(REGISTER_STATUSES).optional(),
});
export type DocRegisterQuery = z.infer<typeof ZDocRegisterQuery>;
