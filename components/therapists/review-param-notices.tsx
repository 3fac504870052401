import { cn } from '@/components/ui/cn';
import { AlertIcon } from '@/components/ui/icons';
import type { ReviewParamNotice } from '@/lib/therapists/review-params';

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Settings in the address that could not be used; the list below leaves them out. */
export function ReviewParamNotices({
  notices,
  className,
}: {
  notices: readonly ReviewParamNotice[];
  className?: string;
}) {
  if (notices.length === 0) return null;
  return (
    <div
      role="status"
      className={cn(
        'rounded-2xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950',
        className,
      )}
    >
      <p className="flex items-start gap-2 font-semibold">
        <AlertIcon className="mt-0.5 text-amber-800" />
        {notices.length === 1
          ? 'One setting in this address was ignored'
          : 'Some settings in this address were ignored'}
      </p>
      <ul className="mt-1 space-y-1 pl-6">
        {notices.map((notice) => (
          <li key={notice.parameter}>
            <span className="font-semibold">{notice.label}:</span> {sentence(notice.message)}
          </li>
        ))}
      </ul>
    </div>
  );
}
