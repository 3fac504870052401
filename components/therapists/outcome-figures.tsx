import { Badge } from '@/components/ui/badge';
import { Meter } from '@/components/ui/meter';
import { formatShare } from '@/lib/format';
import type { OutcomeFigure } from '@/lib/therapists/types';

interface OutcomeFiguresProps {
  improved: OutcomeFigure | null;
  lastingRelief: OutcomeFigure | null;
  /** Reports needed before a figure is shown. */
  minReports: number;
}

function Figure({ label, figure, unit }: { label: string; figure: OutcomeFigure; unit: string }) {
  return (
    <li>
      <p className="flex flex-wrap justify-between gap-x-3 text-sm">
        <span className="text-stone-700">{label}:</span>{' '}
        <span className="font-semibold text-stone-900 tabular-nums">
          {formatShare(figure.count, figure.base)}
          {unit ? ` ${unit}` : ''}
        </span>
      </p>
      <Meter value={figure.count} max={figure.base} className="mt-1.5" />
    </li>
  );
}

/** What happened to the pain, from reviewers' own before/now and follow-up answers. */
export function OutcomeFigures({ improved, lastingRelief, minReports }: OutcomeFiguresProps) {
  return (
    <div>
      <div className="flex items-center justify-between gap-3">
        <h3 className="text-sm font-semibold text-stone-900">Did the pain go away?</h3>
        <Badge>Self-reported</Badge>
      </div>
      {improved || lastingRelief ? (
        <ul className="mt-3 space-y-3">
          {improved ? (
            <Figure label="Pain down 2+ points" figure={improved} unit="reviewers" />
          ) : null}
          {lastingRelief ? (
            <Figure label="Still better at 6 weeks" figure={lastingRelief} unit="" />
          ) : (
            <li className="text-sm text-stone-600">
              Still better at 6 weeks: shown once {minReports} reviewers have answered the
              follow-up.
            </li>
          )}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-stone-600">
          Shown once {minReports} reviewers have reported their pain before and after.
        </p>
      )}
    </div>
  );
}
