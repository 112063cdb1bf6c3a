import type { Deps } from '../../deps.ts';
import type { ClaimedJob } from '../../jobs/jobs.queue.ts';
import { newId } from '../../lib/ids.ts';
import { renderText, renderMessage } from './messages.ts';
import { mailerFor } from './mailer.ts';
import { notificationsRepo, resolveRecipients } from './notifications.repo.ts';
import type { Recipients } from './notify.ts';
import type { EmailStatus } from './notifications.types.ts';

/**
 * The delivery job of one outbox row. Step 1 (one transaction): one in-app notification per
 * recipient, rendered in the recipient's language; the unique (outbox, user) key makes a retry
 * a no-op. Step 2: e-mail to every recipient still "pending"; each sent one is marked at once,
 * so a retry after an SMTP failure sends only what was not sent yet.
 */
export async function deliverOutbox(job: ClaimedJob, deps: Deps): Promise<void> {
  const { db, clock, config } = deps;
  const { outboxId } = job.payload as { outboxId: string };
  const tenantId = job.tenantId;
  if (!tenantId) throw new Error('notifications.deliver needs a tenant');
  const mailer = mailerFor(config);

  await db.transaction().execute(async (tx) => {
    const row = await notificationsRepo.findOutbox(tx, tenantId, outboxId);
    if (!row) throw new Error(`Outbox row ${outboxId} not found`);
    if (row.deliveredAt) return;
    const recipients = JSON.parse(row.recipients) as Recipients;
    const message = JSON.parse(row.message) as { key: string; params: Record<string, string | number> };
    const users = await resolveRecipients(tx, tenantId, recipients);
    const now = clock.now().toISOString();
    const url = row.link ? `${config.publicUrl}${row.link}` : config.publicUrl;
    for (const u of users) {
      const lang = u.locale === 'en' ? 'en' : 'id';
      const text = renderMessage(lang, message.key, message.params, url);
      const emailStatus: EmailStatus = !mailer ? 'off' : u.email ? 'pending' : 'no_address';
      await notificationsRepo.insertNotification(tx, {
        tenantId,
        id: newId(),
        outboxId,
        userId: u.id,
        kind: row.kind,
        title: text.title,
        body: text.body,
        link: row.link,
        shareText: text.share,
        emailStatus,
        emailedAt: null,
        createdAt: now,
        readAt: null,
      });
    }
    await notificationsRepo.markOutboxDelivered(tx, tenantId, outboxId, now, users.length);
  });

  const pending = await notificationsRepo.pendingEmails(db, tenantId, outboxId);
  for (const n of pending) {
    if (!mailer || !n.email) {
      // SMTP was switched off (or the address removed) between attempts: record it, do not fail.
      await notificationsRepo.setEmailStatus(db, tenantId, n.id, mailer ? 'no_address' : 'off');
      continue;
    }
    const lang = n.locale === 'en' ? 'en' : 'id';
    const url = n.link ? `${config.publicUrl}${n.link}` : config.publicUrl;
    const text = [n.body, '', `${renderText(lang, 'email.open', {})} ${url}`, '', '--', renderText(lang, 'email.footer', { tenant: n.tenantName })].join('\n');
    await mailer.send({ to: n.email, subject: n.title, text });
    await notificationsRepo.setEmailStatus(db, tenantId, n.id, 'sent', clock.now().toISOString());
  }
}
