import type { Metadata } from 'next';
import { ContactChangeLines } from '@/components/listings/contact-change-lines';
import { StopChangeForm } from '@/components/listings/stop-change-form';
import { Card } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { FormMessage } from '@/components/ui/form-message';
import { getContactChangeForLink } from '@/lib/listings/contact';
import { formatMoment } from '@/lib/listings/format';

export const metadata: Metadata = {
  title: 'A change to a listing’s contact details',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

/**
 * The page the link in the old address's email opens: the waiting change and a button that
 * stops it. Opening it changes nothing (mail scanners open links too).
 */
export default async function ListingChangePage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const result = await getContactChangeForLink(token);
  return (
    <Container className="py-10 sm:py-16">
      <Card className="mx-auto max-w-2xl space-y-5 p-6 sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight text-stone-900 sm:text-3xl">
          A change to a listing’s contact details
        </h1>
        {result.ok ? (
          <>
            <p className="text-base text-stone-700">
              The account that holds the listing of{' '}
              <strong className="font-semibold text-stone-900">
                {result.change.therapistName}
              </strong>{' '}
              asked on {formatMoment(result.change.requestedAt)} to change its contact details:
            </p>
            <ContactChangeLines lines={result.change.lines} />
            {result.change.status === 'waiting' ? (
              <>
                <p className="text-base text-stone-700">
                  It applies on{' '}
                  <strong className="font-semibold text-stone-900">
                    {formatMoment(result.change.appliesAt)}
                  </strong>{' '}
                  unless it is stopped. If you did not ask for it, stop it here.
                </p>
                <StopChangeForm token={token} />
              </>
            ) : (
              <FormMessage tone="info">
                {result.change.status === 'applied'
                  ? 'This change has already applied.'
                  : 'This change was stopped: the contact details stay as they are.'}
              </FormMessage>
            )}
          </>
        ) : (
          <FormMessage tone="error">{result.message}</FormMessage>
        )}
      </Card>
    </Container>
  );
}
