import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

const transports = new Map<string, Transporter>();

/**
 * E-mail over SMTP (nodemailer), or null when SMTP_URL is not set: delivery then records
 * "e-mail off" and still succeeds. One transport per URL; a failure throws, so the
 * delivery job is retried with backoff.
 */
export function mailerFor(config: Config): Mailer | null {
  const url = config.smtpUrl;
  if (!url) return null;
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
    transports.set(url, transport);
  }
  const t = transport;
  return {
    async send(mail) {
      await t.sendMail({ from: config.smtpFrom, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
