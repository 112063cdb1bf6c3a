/** Row type of the global `jobs` table (migration 0008). */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'dead';

export interface JobTable {
  id: string;
  /** Null for system jobs (daily scans) that belong to no tenant. */
  tenantId: string | null;
  kind: string;
  payload: string; // JSON
  status: JobStatus;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  leaseOwner: string | null;
  leaseUntil: string | null;
  lastError: string | null;
  dedupeKey: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}
