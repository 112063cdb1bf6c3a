import { translate, type Lang } from '../../../shared/i18n/translate.ts';
import { formatRegionStamp } from '../../../shared/region-time.ts';

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

export function presentAuditEntry(e: {
  id: string;
  at: string;
  action: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  actorName: string | null;
  entityName: string | null;
  changes: AuditChanges;
}) {
  return {
    id: e.id,
    at: e.at,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    actorId: e.actorId,
    actorName: e.actorName,
    entityName: e.entityName,
    changes: e.changes,
  };
}

/** Columns of the Riwayat CSV (Indonesian headers, like every export of the region). */
export const AUDIT_CSV_HEADER = ['Waktu', 'Aksi', 'Jenis data', 'Data', 'ID data', 'Oleh', 'Perubahan'] as const;

function csvValue(v: unknown, refs: Record<string, string>): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return refs[v] ?? v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * One CSV row of an entry: the time in the region's zone ("2026-03-02 01.30 WITA"), the action and
 * record type in the reader's language, the record's name, and its changes as "Field: before → after".
 */
export function auditCsvRow(e: ReturnType<typeof presentAuditEntry>, refs: Record<string, string>, regionCode: string | null, lang: Lang): string[] {
  const changes = Object.entries(e.changes)
    .map(([field, ch]) => `${translate(lang, `fields.${field}`)}: ${csvValue(ch?.before, refs)} → ${csvValue(ch?.after, refs)}`)
    .join('; ');
  return [
    formatRegionStamp(e.at, regionCode),
    translate(lang, `actions.${e.action}`),
    translate(lang, `entities.${e.entityType}`),
    e.entityName ?? '',
    e.entityId,
    e.actorName ?? (lang === 'en' ? 'System' : 'Sistem'),
    changes,
  ];
}
