import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../../policy/actor.ts';
import type { Tx } from '../../db/db.ts';
import type { AuditRecorder } from '../audit/audit.writer.ts';
import { writeWithAudit } from '../audit/audit.writer.ts';
import { who } from '../org/org.service.ts';
import { usersRepo } from './users.repo.ts';

/** "" and null both mean "no address"; addresses are stored lower-case and trimmed. */
export const normalizeEmail = (email: string | null | undefined): string | null => (email ? email.trim().toLowerCase() : null);

/** Set a user's notification e-mail inside an open transaction, with its audit entry. */
export async function setUserEmail(tx: Tx, audit: AuditRecorder, tenantId: string, userId: string, email: string | null, now: string) {
  const user = await usersRepo.findUser(tx, tenantId, userId);
  if (!user) throw notFound('user');
  const before = user.email ?? null;
  if (before === email) return;
  await usersRepo.updateUser(tx, tenantId, userId, { email, updatedAt: now });
  await audit.record({ entityType: 'user', entityId: userId, action: 'update', changes: { email: { before, after: email } } });
}

/** The signed-in user's own address (account page). */
export function createAccountEmailService(deps: Deps) {
  const { db, clock } = deps;
  return {
    async get(actor: Actor) {
      if (!actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated');
      const u = await usersRepo.findUser(db, actor.tenantId, actor.userId);
      return { email: u?.email ?? null, smtpConfigured: !!deps.config.smtpUrl };
    },
    async set(actor: Actor, email: string | null, requestId?: string) {
      if (!actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated');
      const value = normalizeEmail(email);
      await writeWithAudit(db, who(actor, requestId), clock, (tx, audit) => setUserEmail(tx, audit, actor.tenantId, actor.userId, value, clock.now().toISOString()));
      return { email: value, smtpConfigured: !!deps.config.smtpUrl };
    },
  };
}
