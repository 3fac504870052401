import type { Metadata } from 'next';
import { ModerationFrame } from '@/components/moderation/moderation-frame';
import { HeldReplyItem } from '@/components/replies/held-reply-item';
import { AccessNotice } from '@/components/ui/access-notice';
import { loadViewerPage } from '@/lib/auth/page-access';
import { pluralize } from '@/lib/format';
import { waitingLabel } from '@/lib/moderation/reasons';
import { listHeldReplies } from '@/lib/replies/queries';
import { REPLY_CONFIDENCE_RULE } from '@/lib/replies/reasons';

export const metadata: Metadata = { title: 'Held replies', robots: { index: false } };

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
  const page = await loadViewerPage('/moderation/replies', listHeldReplies);
  if (!page.ok) return <AccessNotice standalone title="Held replies" refusal={page.refusal} />;
  const queue = page.data;
  return (
    <ModerationFrame
      title="Held replies"
      links={[{ href: '/moderation', label: 'Reviews waiting' }]}
      done={doneMessage(await searchParams)}
    >
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
    </ModerationFrame>
  );
}
