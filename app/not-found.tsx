import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ButtonLink } from '@/components/ui/button';
import { Container } from '@/components/ui/container';

export const metadata: Metadata = {
  title: 'Page not found',
};

export default async function NotFound() {
  // Rendered per request so that its scripts carry the request's CSP nonce.
  await connection();
  return (
    <Container className="py-16 sm:py-24">
      <div className="mx-auto max-w-xl text-center">
        <p className="text-sm font-semibold text-teal-800">404</p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight text-stone-900">
          We couldn&rsquo;t find that page
        </h1>
        <p className="mt-3 text-base text-stone-700">
          The link may be out of date, or the therapist may have taken their listing down. You can
          find therapists near you from the home page.
        </p>
        <div className="mt-8 flex justify-center">
          <ButtonLink href="/">Go to the home page</ButtonLink>
        </div>
      </div>
    </Container>
  );
}
