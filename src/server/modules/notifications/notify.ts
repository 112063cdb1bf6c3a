import type { Executor } from '../../db/db.ts';
import type { Clock } from '../../lib/clock.ts';
import { newId } from '../../lib/ids.ts';
import { enqueueJob } from '../../jobs/jobs.queue.ts';
import type { Role } from '../../../shared/schemas/common.ts';
import { isKnownMessage } from './messages.ts';
import { notificationsRepo } from './notifications.repo.ts';

/**
 * How a module announces something: call notify() with the transaction that makes the change.
 * The outbox row and its delivery job commit or roll back with the change, so a rolled-back
 * change announces nothing, and a committed one is delivered even if the server stops now.
 */

/** Who receives it. A user matches by id, or by holding one of `roles` whose unit covers one of
 * `unitIds` (a unit role covers its unit and sub-units; a tenant-wide role covers every unit).
 * Without `unitIds`, every holder of the roles in the tenant receives it. */
export interface Recipients {
  userIds?: string[];
  roles?: Role[];
  unitIds?: string[];
}

export interface NotifyInput {
  tenantId: string;
  /** Kind of announcement, e.g. "skm.periodEnding" (filters and presentation). */
  kind: string;
  recipients: Recipients;
  /** A key of src/shared/i18n/notify.*.ts with title, body and optionally share (WhatsApp). */
  message: { key: string; params?: Record<string, string | number> };
  /** In-app path of the record, e.g. "/skm/{id}". */
  link?: string | null;
  /** Notify once per key within the tenant: a second call with it does nothing (answers null). */
  dedupeKey?: string | null;
  createdBy?: string | null;
}

export const DELIVER_JOB = 'notifications.deliver';

export async function notify(tx: Executor, clock: Clock, input: NotifyInput): Promise<string | null> {
  if (!isKnownMessage(input.message.key)) throw new Error(`Unknown notification message: ${input.message.key}`);
  // In-app paths only ("/skm/…"): never another site, not even protocol-relative ("//host").
  if (input.link && !/^\/(?!\/)/.test(input.link)) throw new Error('A notification link is an in-app path starting with a single "/"');
  const id = newId();
  const inserted = await notificationsRepo.insertOutbox(tx, {
    tenantId: input.tenantId,
    id,
    kind: input.kind,
    recipients: JSON.stringify({ userIds: input.recipients.userIds ?? [], roles: input.recipients.roles ?? [], unitIds: input.recipients.unitIds ?? [] }),
    message: JSON.stringify({ key: input.message.key, params: input.message.params ?? {} }),
    link: input.link ?? null,
    dedupeKey: input.dedupeKey ?? null,
    createdBy: input.createdBy ?? null,
    createdAt: clock.now().toISOString(),
    deliveredAt: null,
    recipientCount: null,
  });
  if (!inserted) return null;
  await enqueueJob(tx, clock, { kind: DELIVER_JOB, tenantId: input.tenantId, payload: { outboxId: id } });
  return id;
}
