import 'server-only';
import { desc } from 'drizzle-orm';
import { getDb } from '@/db';
import { devMailbox } from '@/db/schema';
import { AppError } from '@/lib/errors';

export interface DevMail {
  id: number;
  to: string;
  subject: string;
  text: string;
  createdAt: Date;
}

/** The latest mails kept while no SMTP server is configured. Never available in production. */
export async function listDevMail(limit = 50): Promise<DevMail[]> {
  if (process.env.NODE_ENV === 'production') {
    throw new AppError('not_found', 'There is no development mailbox in production.');
  }
  return getDb()
    .select({
      id: devMailbox.id,
      to: devMailbox.to,
      subject: devMailbox.subject,
      text: devMailbox.text,
      createdAt: devMailbox.createdAt,
    })
    .from(devMailbox)
    .orderBy(desc(devMailbox.id))
    .limit(limit);
}
