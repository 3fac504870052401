import { cn } from '@/components/ui/cn';

/** The Unknot mark and name. Decorative mark; the name is the text. */
export function Wordmark({ className }: { className?: string }) {
  return (
    <span
      className={cn(
        'inline-flex items-center gap-2 text-lg font-semibold tracking-tight',
        className,
      )}
    >
      <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className="size-7 shrink-0">
        <rect width="32" height="32" rx="9" className="fill-teal-700" />
        <path
          d="M6 18.5c3 0 3.6-6.5 6.6-6.5s3.4 8 6.6 8c2.7 0 3.3-4 6.8-4"
          fill="none"
          stroke="white"
          strokeWidth="2.6"
          strokeLinecap="round"
        />
      </svg>
      <span>Unknot</span>
    </span>
  );
}
