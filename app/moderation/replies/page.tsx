import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AccessMessage } from '@/components/moderation/access-message';
import { HeldReplyItem } from '@/components/replies/held-reply-item';
import { Container } from '@/components/ui/container';
import { FormMessage } from '@/components/ui/form-message';
import { getViewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { pluralize } from '@/lib/format';
import { waitingLabel } from '@/lib/moderation/reasons';
import { listHeldReplies } from '@/lib/replies/queries';
import { REPLY_CONFIDENCE_RULE } from '@/lib/replies/reasons';

export const metadata: Metadata = { title: 'Held replies', robots: { index: false } };

const LINK = 'font-semibold text-teal-800 underline underline-offset-2 hover:text-teal-900';

type Params = Record<string, string | string[] | undefined>;

/** The message after a decision (the page is opened again with it in the address). */
function doneMessage(params: Params): string | null {
  const decided = typeof params.decided === 'string' ? params.decided : '';
  const status = typeof params.status === 'string' ? params.status : '';
  if (!/^\d{1,10}$/.test(decided)) return null;
  if (status === 'published') return `Decision recorded: reply ${decided} is published.`;
  if (status === 'removed') return `Decision recorded: reply ${decided} is removed.`;
  return null;
}

/** Replies held because they seem to disclose a client's health or identity, oldest first. */
export default async function HeldRepliesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const viewer = await getViewer();
  if (!viewer) redirect('/sign-in?callbackUrl=/moderation/replies');
  let queue;
  try {
    queue = await listHeldReplies(viewer);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return (
      <AccessMessage
        title="Held replies"
        message={error.message}
        secondFactor={error.code === 'second_factor'}
      />
    );
  }
  const done = doneMessage(await searchParams);
  return (
    <Container className="max-w-4xl py-10">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-3xl font-semibold tracking-tight text-stone-900">Held replies</h1>
        <Link href="/moderation" className={LINK}>
          Reviews waiting
        </Link>
      </div>
      {done ? (
        <FormMessage tone="success" className="mt-6">
          {done}
        </FormMessage>
      ) : null}
      <p className="mt-4 text-base text-stone-800">
        {pluralize(queue.total, 'reply', 'replies')} waiting
        {queue.oldestHours !== null ? `, the oldest for ${waitingLabel(queue.oldestHours)}` : ''}.
      </p>
      <p className="mt-2 text-sm text-stone-600">
        Practitioners’ replies are held when they seem to disclose a client’s health or identity.{' '}
        {REPLY_CONFIDENCE_RULE} Publish a reply only when it keeps to that; the practitioner sees
        your decision and its reason.
      </p>
      <section aria-labelledby="held-replies-list" className="mt-8">
        <h2 id="held-replies-list" className="sr-only">
          Replies waiting for a decision
        </h2>
        {queue.items.length === 0 ? (
          <p className="text-stone-700">No reply is waiting.</p>
        ) : (
          <ol className="space-y-5">
            {queue.items.map((item) => (
              <li key={item.id}>
                <HeldReplyItem item={item} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </Container>
  );
}
