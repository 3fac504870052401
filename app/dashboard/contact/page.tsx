import type { Metadata } from 'next';
import { ContactForm } from '@/components/listings/contact-form';
import { ListingAccess } from '@/components/listings/listing-access';
import { WaitingChange } from '@/components/listings/waiting-change';
import { getContactDetails } from '@/lib/listings/contact';
import { CONTACT_FIELD_LABELS, CONTACT_FIELDS } from '@/lib/listings/options';
import { loadOwnerPage } from '@/lib/listings/owner-page';

export const metadata: Metadata = { title: 'Contact details' };

export default async function DashboardContactPage() {
  const page = await loadOwnerPage('/dashboard/contact', getContactDetails);
  if (!page.ok) return <ListingAccess title="Contact details" page={page} />;
  const details = page.data;
  return (
    <div className="max-w-2xl space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-semibold tracking-tight text-stone-900">Contact details</h1>
        <p className="text-base text-stone-700">
          {`To protect your clients from a hijacked account, a change waits ${details.delayHours} hours before it applies, and the email address on the listing and your account’s address are told at once, with a link that stops it.`}
        </p>
      </div>

      <section aria-labelledby="current-contact-heading" className="space-y-3">
        <h2
          id="current-contact-heading"
          className="text-lg font-semibold tracking-tight text-stone-900"
        >
          What the listing shows now
        </h2>
        <dl className="divide-y divide-stone-100 rounded-2xl border border-stone-200 bg-white px-4">
          {CONTACT_FIELDS.map((field) => (
            <div key={field} className="grid gap-1 py-3 sm:grid-cols-[8rem_1fr]">
              <dt className="text-sm font-medium text-stone-600">{CONTACT_FIELD_LABELS[field]}</dt>
              <dd className="text-sm break-words text-stone-900">
                {details.current[field] ?? 'None'}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      {details.waiting ? <WaitingChange change={details.waiting} /> : null}

      <section aria-labelledby="change-contact-heading" className="space-y-4">
        <h2
          id="change-contact-heading"
          className="text-lg font-semibold tracking-tight text-stone-900"
        >
          Ask for a change
        </h2>
        <ContactForm current={details.current} delayHours={details.delayHours} />
      </section>
    </div>
  );
}
