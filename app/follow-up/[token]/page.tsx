import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { getFollowUpQuestion } from '@/lib/follow-ups/queries';
import { FollowUpForm } from './follow-up-form';

export const metadata: Metadata = {
  title: 'Still better?',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

/** The tapped score from the email's link, if it is one of 0..10. */
function tappedPain(value: string | string[] | undefined): number | null {
  return typeof value === 'string' && /^(?:10|[0-9])$/.test(value) ? Number(value) : null;
}

/**
 * The page a follow-up link opens. Opening it records nothing (mail scanners open links too): it
 * shows the question with the tapped score chosen, and only "Save" records the answer. A bad,
 * expired or closed link gets the explanation in not-found.tsx, with a 404.
 */
export default async function FollowUpPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await params;
  const query = await searchParams;
  const result = await getFollowUpQuestion(token);
  if (!result.ok) notFound();
  const { question } = result;
  const selected = tappedPain(query.pain) ?? question.answer?.painNow ?? null;
  return (
    <Container className="py-10 sm:py-16">
      <Card className="mx-auto max-w-2xl p-6 sm:p-8">
        <p className="text-sm font-semibold text-teal-800">
          About {question.weeks} weeks after your review
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-stone-900 sm:text-3xl">
          Still better?
        </h1>
        <p className="mt-2 text-base text-stone-700">
          You reviewed your visits to{' '}
          <strong className="font-semibold text-stone-900">{question.therapistName}</strong>. How is
          your pain now?
        </p>
        <FollowUpForm
          token={token}
          selected={selected}
          therapistName={question.therapistName}
          previous={question.answer}
        />
      </Card>
    </Container>
  );
}
