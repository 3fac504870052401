import { cn } from '@/components/ui/cn';
import { ClockIcon } from '@/components/ui/icons';
import { formatShare } from '@/lib/format';
import type { OutcomeFigure } from '@/lib/therapists/types';

/** "7 of 9 still better at 6 weeks", labelled self-reported. */
export function LastingRelief({
  figure,
  className,
}: {
  figure: OutcomeFigure;
  className?: string;
}) {
  return (
    <p
      className={cn(
        'flex items-start gap-2 rounded-xl bg-emerald-50 px-3 py-2 text-sm text-emerald-900',
        className,
      )}
    >
      <ClockIcon className="mt-0.5 text-emerald-700" />
      <span>
        <span className="font-semibold">{formatShare(figure.count, figure.base)}</span> still better
        at 6 weeks <span className="block text-xs text-emerald-800">Self-reported</span>
      </span>
    </p>
  );
}
