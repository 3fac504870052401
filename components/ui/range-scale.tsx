import { cn } from './cn';

interface RangeScaleProps {
  /** Lowest level in the range, from 1. */
  min: number;
  /** Highest level in the range, up to `steps`. */
  max: number;
  steps?: number;
  startLabel?: string;
  endLabel?: string;
  className?: string;
}

/** Segments 1…steps with the range min–max filled. Purely visual: give the text beside it. */
export function RangeScale({
  min,
  max,
  steps = 5,
  startLabel,
  endLabel,
  className,
}: RangeScaleProps) {
  const low = Math.min(min, max);
  const high = Math.max(min, max);
  const levels = Array.from({ length: steps }, (_, index) => index + 1);
  return (
    <div aria-hidden="true" className={cn('w-full max-w-xs', className)}>
      <div className="flex gap-1">
        {levels.map((level) => (
          <span
            key={level}
            className={cn(
              'h-2.5 flex-1 rounded-sm',
              level >= low && level <= high ? 'bg-teal-600' : 'bg-stone-200',
            )}
          />
        ))}
      </div>
      <div className="mt-1 flex gap-1 text-center text-[0.6875rem] text-stone-600 tabular-nums">
        {levels.map((level) => (
          <span key={level} className="flex-1">
            {level}
          </span>
        ))}
      </div>
      {startLabel || endLabel ? (
        <div className="mt-0.5 flex justify-between text-xs text-stone-600">
          <span>{startLabel}</span>
          <span>{endLabel}</span>
        </div>
      ) : null}
    </div>
  );
}
