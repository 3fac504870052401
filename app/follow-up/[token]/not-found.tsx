import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { FOLLOW_UP_LINK_DAYS } from '@/lib/follow-ups/format';

export const metadata: Metadata = {
  title: 'This follow-up link does not work',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

/** What a broken, expired or closed follow-up link shows (with a 404). Nothing was recorded. */
export default async function FollowUpLinkNotFound() {
  // Rendered per request so that its scripts carry the request's CSP nonce.
  await connection();
  return (
    <Container className="py-10 sm:py-16">
      <Card className="mx-auto max-w-2xl p-6 sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight text-stone-900">
          This follow-up link does not work
        </h1>
        <div className="mt-3 space-y-3 text-base text-stone-700">
          <p>Nothing was recorded. Usually it is one of these:</p>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              The link has expired: links in our follow-up emails work for {FOLLOW_UP_LINK_DAYS}{' '}
              days after the email was sent.
            </li>
            <li>
              The link is not complete or was changed: open it straight from the email, or copy all
              of it.
            </li>
            <li>The review it asks about is no longer on Unknot.</li>
          </ul>
          <p>
            You don&rsquo;t need to do anything. If there is another follow-up for your review, it
            comes with a new link.
          </p>
        </div>
        <div className="mt-6">
          <ButtonLink href="/">Go to the home page</ButtonLink>
        </div>
      </Card>
    </Container>
  );
}
