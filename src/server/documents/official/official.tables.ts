import type { Bool } from '../../db/schema.ts';

/** Row types of migration 0007 (official documents kit). */
export interface DocTenantSettingsTable {
  tenantId: string;
  emblemEvidenceId: string | null;
  governmentLine: string | null;
  headTitle: string | null;
  headName: string | null;
  place: string | null;
  address: string | null;
  phone: string | null;
  website: string | null;
  email: string | null;
  postalCode: string | null;
  isDemo: Bool;
  updatedAt: string;
}

export interface DocUnitLetterheadTable {
  tenantId: string;
  unitId: string;
  unitCode: string | null;
  address: string | null;
  phone: string | null;
  website: string | null;
  email: string | null;
  postalCode: string | null;
  isDemo: Bool;
  updatedAt: string;
}

export interface DocNumberTable {
  tenantId: string;
  id: string;
  docType: string;
  year: number;
  seq: number;
  number: string;
  unitId: string | null;
  title: string;
  status: 'issued' | 'cancelled';
  cancelReason: string | null;
  cancelledAt: string | null;
  cancelledBy: string | null;
  documentId: string | null;
  issuedAt: string;
  issuedBy: string | null;
}

export interface OfficialDocumentTable {
  tenantId: string;
  id: string;
  docType: string;
  number: string;
  numberId: string;
  title: string;
  unitId: string | null;
  issuer: string;
  signer: string;
  documentDate: string;
  issuedAt: string;
  issuedBy: string | null;
  sha256: string;
  evidenceId: string;
  verificationCode: string;
  status: 'issued' | 'withdrawn';
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  withdrawnBy: string | null;
  entityType: string | null;
  entityId: string | null;
}
