'use client';

import { useEffect } from 'react';
import { Button, ButtonLink } from '@/components/ui/button';
import { Container } from '@/components/ui/container';

function errorReference(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'digest' in error) {
    const { digest } = error;
    return typeof digest === 'string' ? digest : null;
  }
  return null;
}

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  const reference = errorReference(error);

  return (
    <Container className="py-16 sm:py-24">
      <div className="mx-auto max-w-xl text-center" role="alert">
        <h1 className="text-3xl font-semibold tracking-tight text-stone-900">
          Something went wrong on our side
        </h1>
        <p className="mt-3 text-base text-stone-700">
          This page could not be loaded just now. Please try again in a moment.
        </p>
        {reference ? (
          <p className="mt-2 text-sm text-stone-600">
            If it keeps happening, quote reference <span className="font-mono">{reference}</span>.
          </p>
        ) : null}
        <div className="mt-8 flex flex-wrap justify-center gap-3">
          <Button onClick={() => retry()}>Try again</Button>
          <ButtonLink href="/" variant="secondary">
            Go to the home page
          </ButtonLink>
        </div>
      </div>
    </Container>
  );
}
