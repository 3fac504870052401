import { formatDate } from '@/lib/format';
import type { InvitationOverview } from '@/lib/invitations/queries';

/** The owner's invitation figures: counts only, never an address. */
export function InvitationSummary({ overview }: { overview: InvitationOverview }) {
  const items: { label: string; value: string }[] = [
    { label: 'Invitations sent', value: overview.sent.toLocaleString('en-US') },
    ...(overview.waiting > 0
      ? [{ label: 'Waiting to be sent', value: overview.waiting.toLocaleString('en-US') }]
      : []),
    {
      label: 'Reviews from invitations',
      value: overview.reviewsFromInvitations.toLocaleString('en-US'),
    },
    { label: 'Last batch', value: formatDate(overview.lastBatchAt) ?? 'None yet' },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {items.map((item) => (
        <div key={item.label} className="rounded-2xl border border-stone-200 bg-white p-4">
          <dt className="text-sm text-stone-600">{item.label}</dt>
          <dd className="mt-1 text-xl font-semibold text-stone-900 tabular-nums">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
