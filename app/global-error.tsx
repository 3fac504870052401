'use client';

import { GeistSans } from 'geist/font/sans';
import { useEffect } from 'react';
import { Wordmark } from '@/components/site/wordmark';
import { Button, ButtonLink } from '@/components/ui/button';
import './globals.css';

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <html lang="en" className={GeistSans.variable}>
      <body className="flex min-h-dvh items-center justify-center px-4">
        <title>Something went wrong · Unknot</title>
        <main className="max-w-md text-center">
          <Wordmark className="justify-center text-stone-900" />
          <h1 className="mt-8 text-2xl font-semibold tracking-tight text-stone-900">
            Something went wrong
          </h1>
          <p className="mt-3 text-base text-stone-700">
            Unknot could not load this page. Please try again in a moment.
          </p>
          <div className="mt-8 flex flex-wrap justify-center gap-3">
            <Button onClick={() => retry()}>Try again</Button>
            <ButtonLink href="/" variant="ghost">
              Go to the home page
            </ButtonLink>
          </div>
        </main>
      </body>
    </html>
  );
}
