import { cn } from './cn';

const TONES = {
  brand: 'fill-teal-600',
  accent: 'fill-amber-500',
} as const;

interface MeterProps {
  value: number;
  max: number;
  tone?: keyof typeof TONES;
  className?: string;
}

/**
 * A horizontal bar filled to value/max. Purely visual: the caller prints the numbers beside it.
 */
export function Meter({ value, max, tone = 'brand', className }: MeterProps) {
  const share = max > 0 ? Math.min(Math.max(value / max, 0), 1) : 0;
  return (
    <span className={cn('block h-2 overflow-hidden rounded-full bg-stone-200', className)}>
      <svg
        viewBox="0 0 100 1"
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
        className="block size-full"
      >
        <rect
          x={0}
          y={0}
          width={Number((share * 100).toFixed(2))}
          height={1}
          className={TONES[tone]}
        />
      </svg>
    </span>
  );
}
