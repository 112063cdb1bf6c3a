/** An uploaded evidence file as the API answers it (no storage details beyond the hash). */
export function presentEvidence(row: { id: string; originalName: string; mime: string; size: number; sha256: string; createdAt: string }) {
  return {
    id: row.id,
    originalName: row.originalName,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.createdAt,
  };
}
