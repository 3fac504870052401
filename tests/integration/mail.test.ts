import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { devMailbox } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { sendMail } from '@/lib/mail';
import { listDevMail } from '@/lib/mail/dev-mailbox';
import { signInMail } from '@/lib/mail/templates';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

let database: TestDatabase;
let sink: SmtpSink;

beforeAll(async () => {
  database = await createTestDatabase();
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink.close();
  await database.dispose();
});

const LINK = 'http://localhost:3000/sign-in/confirm?token=abc&email=a%40example.org';

describe('sendMail', () => {
  it('sends through SMTP_URL, with the link intact in both parts', async () => {
    await sendMail(signInMail('a@example.org', LINK, 15), {
      SMTP_URL: sink.url,
      NODE_ENV: 'production',
      MAIL_FROM: 'Unknot <hello@unknot.example>',
    });
    const mail = await sink.waitForMail('a@example.org', { already: 0 });
    expect(mail.subject).toBe('Your Unknot sign-in link');
    expect(mail.from).toBe('hello@unknot.example');
    expect(mail.links).toEqual([LINK]);
    expect(mail.html).toContain(`href="${LINK.replace(/&/g, '&#38;')}"`);
    expect(mail.text).toContain('expires in 15 minutes');
  });

  it('keeps mail for the development mailbox when no SMTP server is configured', async () => {
    const before = sink.mails.length;
    await sendMail(signInMail('dev@example.org', LINK, 15), {
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
    });
    const [latest] = await listDevMail(1);
    expect(latest).toMatchObject({ to: 'dev@example.org', subject: 'Your Unknot sign-in link' });
    expect(latest?.text).toContain(LINK);
    expect(sink.mails.length).toBe(before);
  });

  it('refuses to send in production without SMTP_URL, and keeps nothing', async () => {
    const kept = (await getDb().select().from(devMailbox)).length;
    const error = await sendMail(signInMail('prod@example.org', LINK, 15), {
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unavailable');
    expect((await getDb().select().from(devMailbox)).length).toBe(kept);
  });

  it('escapes what it puts into the HTML part', () => {
    const mail = signInMail('x@example.org', 'http://localhost/"><script>alert(1)</script>', 15);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&#34;&#62;&#60;script&#62;');
  });
});
