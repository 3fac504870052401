import { Card } from '@/components/ui/card';
import { Section } from '@/components/ui/section';

const STEPS = [
  {
    title: 'Pain before and now',
    text: 'Reviewers rate their pain from 0 to 10 before the first session and again when they write. A drop of 2 points or more is the change people feel as real.',
  },
  {
    title: 'Still better weeks later?',
    text: 'We ask again at 2, 6 and 12 weeks. Relief that lasts means the therapist found the cause, not only the sore spot.',
  },
  {
    title: 'What the session was like',
    text: 'Did they assess before treating, explain a likely cause, give home exercises, listen when asked for more or less pressure?',
  },
  {
    title: 'Self-reported and honest',
    text: 'Figures come from reviewers, shown only from 5 reports up. No paid or filtered reviews; doubtful ones are marked, never silently removed.',
  },
] as const;

/** The short explainer of what a review here records. */
export function HowReviewsWork() {
  return (
    <Section
      id="how-reviews-work"
      title="How reviews work here"
      description="Stars alone do not tell you whether the pain went away. Reviews on Unknot record what happened to it."
    >
      <ol className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {STEPS.map((step, index) => (
          <Card as="li" key={step.title} className="p-5">
            <span
              aria-hidden="true"
              className="flex size-8 items-center justify-center rounded-full bg-teal-50 text-sm font-semibold text-teal-800 tabular-nums"
            >
              {index + 1}
            </span>
            <h3 className="mt-3 text-base font-semibold text-stone-900">{step.title}</h3>
            <p className="mt-1 text-sm text-stone-600">{step.text}</p>
          </Card>
        ))}
      </ol>
    </Section>
  );
}
