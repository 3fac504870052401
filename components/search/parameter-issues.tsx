import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { AlertIcon } from '@/components/ui/icons';

export interface ParameterProblem {
  /** What the setting is called on the page ("Minimum rating"). */
  label: string;
  message: string;
  /** The address without the setting. */
  removeHref: string;
}

interface ParameterIssuesProps {
  problems: readonly ParameterProblem[];
  /** Results are shown without the settings. */
  resultsShown: boolean;
  className?: string;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Settings in the address that could not be used, each with a link that drops it. */
export function ParameterIssues({ problems, resultsShown, className }: ParameterIssuesProps) {
  if (problems.length === 0) return null;
  return (
    <section
      aria-labelledby="parameter-issues-heading"
      className={cn(
        'rounded-2xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950',
        className,
      )}
    >
      <h2 id="parameter-issues-heading" className="flex items-start gap-2 font-semibold">
        <AlertIcon className="mt-0.5 text-amber-800" />
        {problems.length === 1
          ? 'One setting in this address could not be used'
          : 'Some settings in this address could not be used'}
      </h2>
      <ul className="mt-2 space-y-1 pl-6">
        {problems.map((problem) => (
          <li key={problem.label}>
            <span className="font-semibold">{problem.label}:</span> {sentence(problem.message)}{' '}
            <Link
              href={problem.removeHref}
              className="rounded font-semibold text-amber-950 underline underline-offset-2"
            >
              Remove it
            </Link>
          </li>
        ))}
      </ul>
      {resultsShown ? (
        <p className="mt-2 pl-6">
          The results below leave {problems.length === 1 ? 'it' : 'them'} out.
        </p>
      ) : null}
    </section>
  );
}
