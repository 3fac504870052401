import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { listDevMail } from '@/lib/mail/dev-mailbox';

export const metadata: Metadata = { title: 'Development mailbox', robots: { index: false } };

const LINK = /(https?:\/\/[^\s<>"]+)/g;

/** Text with its web addresses as links; everything is rendered as text. */
function Linked({ text }: { text: string }) {
  return text.split(LINK).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part} className="break-all text-teal-800 underline">
        {part}
      </a>
    ) : (
      <span key={index}>{part}</span>
    ),
  );
}

/** Mail the app would have sent, while no SMTP server is configured (development only). */
export default async function DevMailboxPage() {
  if (process.env.NODE_ENV === 'production') notFound();
  const mails = await listDevMail();
  return (
    <Container className="py-10">
      <h1 className="text-2xl font-semibold tracking-tight text-stone-900">Development mailbox</h1>
      <p className="mt-2 text-stone-700">
        Without <code>SMTP_URL</code>, mail is kept here instead of being sent. This page does not
        exist in a production build.
      </p>
      {mails.length === 0 ? (
        <p className="mt-8 text-stone-700">No mail yet.</p>
      ) : (
        <ol className="mt-8 space-y-4">
          {mails.map((mail) => (
            <li key={mail.id}>
              <Card as="article" className="p-5">
                <h2 className="text-lg font-semibold text-stone-900">{mail.subject}</h2>
                <p className="mt-1 text-sm text-stone-600">
                  To {mail.to} ·{' '}
                  <time dateTime={mail.createdAt.toISOString()}>
                    {mail.createdAt.toLocaleString('en-US', { timeZone: 'UTC' })} UTC
                  </time>
                </p>
                <p className="mt-3 text-sm whitespace-pre-wrap text-stone-800">
                  <Linked text={mail.text} />
                </p>
              </Card>
            </li>
          ))}
        </ol>
      )}
    </Container>
  );
}
