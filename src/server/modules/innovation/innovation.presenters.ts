import type { InnovationTable } from '../../db/schema.ts';

export const presentInnovationSummary = (r: InnovationTable & { unitName?: string | null }) => ({
  id: r.id,
  title: r.title,
  acronym: r.acronym,
  unitId: r.unitId,
  unitName: r.unitName ?? null,
  type: r.type,
  stage: r.stage,
  digital: r.isDigital === 1,
  urusanMain: r.urusanMain,
  year: r.year,
  status: r.status,
  lifecycle: r.lifecycle,
  initiatedOn: r.initiatedOn,
  appliedOn: r.appliedOn,
  updatedAt: r.updatedAt,
  publishedAt: r.publishedAt,
});

export const presentInnovation = (r: InnovationTable & { unitName?: string | null }) => ({
  ...presentInnovationSummary(r),
  initiatorClass: r.initiatorClass,
  urusanOther: JSON.parse(r.urusanOther) as string[],
  trialOn: r.trialOn,
  description: r.description,
  goals: r.goals,
  benefits: r.benefits,
  results: r.results,
  legalBasisDoc: r.legalBasisDoc,
  legalBasisLevel: r.legalBasisLevel,
  budget: r.budget,
  videoUrl: r.videoUrl,
  retiredReason: r.retiredReason,
  sourceNote: r.sourceNote,
  createdAt: r.createdAt,
});

/** What the public sees: published content, no internal workflow or people's NIPs. */
export const presentPublicInnovation = (r: InnovationTable & { unitName?: string | null; regionCode: string; tenantName: string }) => ({
  id: r.id,
  title: r.title,
  acronym: r.acronym,
  regionCode: r.regionCode,
  regionName: r.tenantName,
  unitName: r.unitName ?? null,
  type: r.type,
  stage: r.stage,
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
  legalBasisLevel: r.legalBasisLevel,
  videoUrl: r.videoUrl,
  lifecycle: r.lifecycle,
  publishedAt: r.publishedAt,
});

/** A region of the public catalogue with its count of published innovations. */
export const presentPublicRegion = (x: { regionCode: string; name: string; published: number | string | bigint }) => ({ regionCode: x.regionCode, name: x.name, published: Number(x.published) });
