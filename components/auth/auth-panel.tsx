import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { Container } from '@/components/ui/container';

/** The narrow centred panel of the sign-in pages. */
export function AuthPanel({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Container className="py-12 sm:py-20">
      <Card className="mx-auto max-w-md p-6 sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight text-stone-900">{title}</h1>
        {intro ? <div className="mt-2 space-y-2 text-base text-stone-700">{intro}</div> : null}
        {children ? <div className="mt-6">{children}</div> : null}
      </Card>
    </Container>
  );
}
