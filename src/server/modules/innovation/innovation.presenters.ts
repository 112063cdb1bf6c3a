import type { InnovationTable } from '../../db/schema.ts';
import type {
  InitiatorClass,
  InnovationDetail,
  InnovationStage,
  InnovationStatus,
  InnovationSummary,
  InnovationType,
  LegalBasisLevel,
  Lifecycle,
  PublicInnovation,
  PublicRegion,
} from '../../../shared/schemas/innovation-responses.ts';

// The shapes are declared in src/shared/ (the SPA reads them); the columns hold the same enums
// as text, checked by the zod input schemas on the way in.

export const presentInnovationSummary = (r: InnovationTable & { unitName?: string | null }): InnovationSummary => ({
  id: r.id,
  title: r.title,
  acronym: r.acronym,
  unitId: r.unitId,
  unitName: r.unitName ?? null,
  type: r.type as InnovationType,
  stage: r.stage as InnovationStage,
  digital: r.isDigital === 1,
  urusanMain: r.urusanMain,
  year: r.year,
  status: r.status as InnovationStatus,
  lifecycle: r.lifecycle as Lifecycle,
  initiatedOn: r.initiatedOn,
  appliedOn: r.appliedOn,
  updatedAt: r.updatedAt,
  publishedAt: r.publishedAt,
});

/** A record's own fields (the detail endpoint adds innovators, timeline, replication and permissions). */
export const presentInnovation = (r: InnovationTable & { unitName?: string | null }): Omit<InnovationDetail, 'innovators' | 'timeline' | 'replication' | 'replicatedBy' | 'permissions'> => ({
  ...presentInnovationSummary(r),
  initiatorClass: r.initiatorClass as InitiatorClass,
  urusanOther: JSON.parse(r.urusanOther) as string[],
  trialOn: r.trialOn,
  description: r.description,
  goals: r.goals,
  benefits: r.benefits,
  results: r.results,
  legalBasisDoc: r.legalBasisDoc,
  legalBasisLevel: r.legalBasisLevel as LegalBasisLevel | null,
  budget: r.budget,
  videoUrl: r.videoUrl,
  retiredReason: r.retiredReason,
  sourceNote: r.sourceNote,
  createdAt: r.createdAt,
});

/** GET /api/innovations/:id: the record with its people, timeline, replication and what the viewer may do. */
export const presentInnovationDetail = (d: {
  row: InnovationTable;
  unitName: string;
  innovators: Array<{ id: string; personId: string | null; externalName: string | null; role: string; personName: string | null; nip: string | null }>;
  timeline: Array<{ id: string; action: string; fromStatus: string | null; toStatus: string | null; comment: string | null; actorName: string | null; at: string; lifecycle?: string | null }>;
  replication: InnovationDetail['replication'];
  replicatedBy: Array<Omit<InnovationDetail['replicatedBy'][number], 'status'> & { status: string }>;
  permissions: InnovationDetail['permissions'];
}): InnovationDetail => ({
  ...presentInnovation({ ...d.row, unitName: d.unitName }),
  innovators: d.innovators as InnovationDetail['innovators'],
  timeline: d.timeline as InnovationDetail['timeline'],
  replication: d.replication,
  replicatedBy: d.replicatedBy as InnovationDetail['replicatedBy'],
  permissions: d.permissions,
});

/** What the public sees: published content, no internal workflow or people's NIPs. */
export const presentPublicInnovation = (r: InnovationTable & { unitName?: string | null; regionCode: string; tenantName: string }): PublicInnovation => ({
  id: r.id,
  title: r.title,
  acronym: r.acronym,
  regionCode: r.regionCode,
  regionName: r.tenantName,
  unitName: r.unitName ?? null,
  type: r.type as InnovationType,
  stage: r.stage as InnovationStage,
  digital: r.isDigital === 1,
  urusanMain: r.urusanMain,
  urusanOther: JSON.parse(r.urusanOther) as string[],
  year: r.year,
  initiatedOn: r.initiatedOn,
  trialOn: r.trialOn,
  appliedOn: r.appliedOn,
  description: r.description,
  goals: r.goals,
  benefits: r.benefits,
  results: r.results,
  legalBasisDoc: r.legalBasisDoc,
  legalBasisLevel: r.legalBasisLevel as LegalBasisLevel | null,
  videoUrl: r.videoUrl,
  lifecycle: r.lifecycle as Lifecycle,
  publishedAt: r.publishedAt,
});

/** A region of the public catalogue with its count of published innovations. */
export const presentPublicRegion = (x: { regionCode: string; name: string; published: number | string | bigint }): PublicRegion => ({ regionCode: x.regionCode, name: x.name, published: Number(x.published) });
