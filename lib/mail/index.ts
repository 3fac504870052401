import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { getDb } from '@/db';
import { devMailbox } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** One plain address: no list separator, display name, quote or space. */
const SINGLE_ADDRESS = /^[^\s@,;:<>"()[\]\\]+@[^\s@,;:<>"()[\]\\]+$/;

let cached: { url: string; transport: Transporter } | null = null;

function transportFor(url: string): Transporter {
  if (cached?.url !== url) cached = { url, transport: nodemailer.createTransport(url) };
  return cached.transport;
}

/** The sender address (MAIL_FROM). */
export function mailFrom(env: NodeJS.ProcessEnv = process.env): string {
  return env.MAIL_FROM ?? 'Unknot <no-reply@unknot.localhost>';
}

/**
 * Sends a mail through `SMTP_URL`. Without it, in development and tests, the mail is written to
 * the terminal and kept for the development mailbox page; a production server without
 * `SMTP_URL` refuses to send.
 */
export async function sendMail(mail: Mail, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (!SINGLE_ADDRESS.test(mail.to)) {
    // Callers pass one normalised address; a list or a display name could add a recipient.
    throw new AppError('validation', 'A mail goes to exactly one plain email address.', {
      issues: [{ field: 'email', message: 'Enter one email address.' }],
    });
  }
  const url = env.SMTP_URL;
  if (url) {
    // An address object is used as it is: nodemailer does not parse it as a list.
    await transportFor(url).sendMail({
      from: mailFrom(env),
      ...mail,
      to: { name: '', address: mail.to },
    });
    return;
  }
  if (env.NODE_ENV === 'production') {
    log.error('mail not sent: SMTP_URL is not set', { subject: mail.subject });
    throw new AppError('unavailable', 'Email cannot be sent right now. Please try again later.');
  }
  await getDb().insert(devMailbox).values(mail);
  if (env.LOG_LEVEL !== 'silent') {
    process.stdout.write(
      `\n--- mail to ${mail.to}: ${mail.subject} (also at /dev/mailbox) ---\n${mail.text}\n---\n`,
    );
  }
}
