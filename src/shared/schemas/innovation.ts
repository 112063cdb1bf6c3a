import { z } from 'zod';
import { URUSAN_CODES } from '../urusan.ts';
import { LIST_SORTS, ZId, ZIsoDate, ZPage, ZPageSize, ZSortOf } from './common.ts';

export const INNOVATION_TYPES = ['tata_kelola', 'pelayanan_publik', 'lainnya'] as const;
export const INNOVATION_STAGES = ['inisiatif', 'uji_coba', 'penerapan'] as const;
export const INITIATOR_CLASSES = ['kepala_daerah', 'anggota_dprd', 'opd', 'asn', 'masyarakat'] as const;
export const LEGAL_BASIS_LEVELS = ['sk_kepala_pd', 'sk_kepala_daerah', 'perkada', 'perda'] as const;
export const INNOVATION_STATUSES = ['draft', 'submitted', 'returned', 'verified', 'published'] as const;
export const LIFECYCLES = ['active', 'paused', 'retired'] as const;
export const INNOVATOR_ROLES = ['penggagas', 'ketua', 'anggota', 'pelaksana', 'pendamping'] as const;

export const ZUrusan = z.enum(URUSAN_CODES);

export const ZInnovator = z
  .object({
    personId: ZId.nullish(),
    externalName: z.string().trim().min(2).max(200).nullish(),
    role: z.enum(INNOVATOR_ROLES).default('anggota'),
  })
  .strict()
  .refine((x) => !!x.personId !== !!x.externalName, { message: 'innovatorWho', path: ['personId'] });

const text = (max: number) => z.string().trim().max(max);

export const ZInnovationFields = z
  .object({
    title: z.string().trim().min(3).max(200),
    acronym: text(60).nullish(),
    unitId: ZId,
    initiatorClass: z.enum(INITIATOR_CLASSES).default('opd'),
    type: z.enum(INNOVATION_TYPES),
    digital: z.boolean(),
    urusanMain: ZUrusan.nullish(),
    urusanOther: z.array(ZUrusan).max(10).default([]),
    stage: z.enum(INNOVATION_STAGES),
    initiatedOn: ZIsoDate,
    trialOn: ZIsoDate.nullish(),
    appliedOn: ZIsoDate.nullish(),
    description: z.string().trim().min(10).max(20000),
    goals: text(10000).nullish(),
    benefits: text(10000).nullish(),
    results: text(10000).nullish(),
    legalBasisDoc: text(300).nullish(),
    legalBasisLevel: z.enum(LEGAL_BASIS_LEVELS).nullish(),
    budget: z.number().min(0).max(1e13).nullish(),
    videoUrl: z.url({ protocol: /^https?$/ }).max(500).nullish(),
    innovators: z.array(ZInnovator).max(50).optional(),
  })
  .strict();

export const ZCreateInnovationInput = ZInnovationFields;
export type CreateInnovationInput = z.infer<typeof ZCreateInnovationInput>;
export const ZUpdateInnovationInput = ZInnovationFields.partial().strict();
export type UpdateInnovationInput = z.infer<typeof ZUpdateInnovationInput>;

export const ZLifecycleInput = z
  .object({ lifecycle: z.enum(LIFECYCLES), reason: z.string().trim().min(5).max(1000).nullish() })
  .strict()
  .refine((x) => x.lifecycle !== 'retired' || !!x.reason, { message: 'retireReason', path: ['reason'] });

export const ZReviewInput = z.object({ comment: z.string().trim().max(4000).nullish() }).strict();
export const ZReturnInput = z.object({ comment: z.string().trim().min(5).max(4000) }).strict();

export const ZInnovationListQuery = z.object({
  q: z.string().max(200).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  stage: z.enum(INNOVATION_STAGES).optional(),
  type: z.enum(INNOVATION_TYPES).optional(),
  status: z.enum(INNOVATION_STATUSES).optional(),
  unitId: ZId.optional(),
  urusan: ZUrusan.optional(),
  digital: z.enum(['true', 'false']).optional(),
  lifecycle: z.enum(LIFECYCLES).optional(),
  page: ZPage,
  pageSize: ZPageSize,
  /** Default: relevance when searching (q), else newest change first. */
  sort: ZSortOf(LIST_SORTS.innovations.keys).optional(),
});
export type InnovationListQuery = z.infer<typeof ZInnovationListQuery>;

export const ZScoreAnswersInput = z
  .object({
    rulebookId: z.string().max(60).optional(),
    answers: z.record(
      z.string().max(8),
      z.object({ choice: z.number().int(), basis: z.string().max(4).nullish(), evidenceIds: z.array(ZId).max(20).default([]), note: text(1000).nullish() }).strict(),
    ),
  })
  .strict();

export const ZReplicationInput = z
  .object({ originInnovationId: ZId.nullish(), externalOrigin: z.string().trim().min(3).max(300).nullish() })
  .strict()
  .refine((x) => !!x.originInnovationId !== !!x.externalOrigin, { message: 'replicationOrigin', path: ['originInnovationId'] });
