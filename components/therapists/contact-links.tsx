import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ExternalLink } from '@/components/ui/external-link';
import { displayHost, toSafeHttpUrl, toTelHref } from '@/lib/format';
import type { TherapistProfile } from '@/lib/therapists/types';

type ContactProps = Pick<TherapistProfile, 'bookingUrl' | 'phone' | 'website'>;

const LINK = 'font-medium text-teal-800 underline underline-offset-2 hover:text-teal-950';

/** Booking, phone and website as plain links. Addresses that are not http(s) are not linked. */
export function ContactLinks({ bookingUrl, phone, website }: ContactProps) {
  const booking = toSafeHttpUrl(bookingUrl);
  const site = toSafeHttpUrl(website);
  const tel = toTelHref(phone);
  const hasAny = booking || site || phone;

  return (
    <Card as="section" aria-labelledby="contact-heading" className="p-5">
      <h2 id="contact-heading" className="text-base font-semibold text-stone-900">
        Book or get in touch
      </h2>
      {hasAny ? (
        <div className="mt-3 space-y-3 text-sm">
          {booking ? (
            <ExternalLink href={booking} className={buttonClasses('primary', 'w-full')}>
              Book a session
              <span className="font-normal text-teal-100">on {displayHost(booking)}</span>
            </ExternalLink>
          ) : null}
          <dl className="space-y-2">
            {phone ? (
              <div className="flex flex-wrap justify-between gap-x-3">
                <dt className="text-stone-600">Phone</dt>
                <dd>
                  {tel ? (
                    <a href={tel} className={LINK}>
                      {phone}
                    </a>
                  ) : (
                    phone
                  )}
                </dd>
              </div>
            ) : null}
            {site ? (
              <div className="flex flex-wrap justify-between gap-x-3">
                <dt className="text-stone-600">Website</dt>
                <dd className="min-w-0 break-all">
                  <ExternalLink href={site} className={LINK}>
                    {displayHost(site)}
                  </ExternalLink>
                </dd>
              </div>
            ) : null}
          </dl>
        </div>
      ) : (
        <p className="mt-2 text-sm text-stone-600">No contact details listed yet.</p>
      )}
      <p className="mt-4 border-t border-stone-100 pt-3 text-xs text-stone-600">
        Booking happens with the therapist directly. Unknot takes no fee and no part in it.
      </p>
    </Card>
  );
}
