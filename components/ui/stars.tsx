import { ratingLabel } from '@/lib/format';
import { cn } from './cn';

const CELL = 24;
const COUNT = 5;
const WIDTH = CELL * COUNT;

/** Points of a five-pointed star centred in a CELL-sized square. */
function starPoints(offsetX: number): string {
  const cx = offsetX + CELL / 2;
  const cy = CELL / 2 + 0.8;
  const outer = 11;
  const inner = 4.6;
  const points: string[] = [];
  for (let i = 0; i < 10; i += 1) {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(
      `${(cx + radius * Math.cos(angle)).toFixed(2)},${(cy + radius * Math.sin(angle)).toFixed(2)}`,
    );
  }
  return points.join(' ');
}

const STAR_POINTS = Array.from({ length: COUNT }, (_, index) => starPoints(index * CELL));

function StarRow({ className }: { className: string }) {
  return (
    <>
      {STAR_POINTS.map((points) => (
        <polygon key={points} points={points} className={className} />
      ))}
    </>
  );
}

const SIZES = {
  sm: 'h-3.5 w-[4.375rem]',
  md: 'h-4 w-20',
  lg: 'h-6 w-30',
} as const;

interface StarsProps {
  /** From 0 to 5; fractions fill part of a star. */
  value: number;
  size?: keyof typeof SIZES;
  className?: string;
}

/** A 0–5 star rating, announced as "4.6 out of 5 stars". */
export function Stars({ value, size = 'md', className }: StarsProps) {
  const clamped = Math.min(Math.max(value, 0), COUNT);
  const filledWidth = Number(((clamped / COUNT) * WIDTH).toFixed(2));
  return (
    <span
      role="img"
      aria-label={ratingLabel(clamped)}
      className={cn('inline-flex shrink-0 align-middle', SIZES[size], className)}
    >
      <svg
        viewBox={`0 0 ${WIDTH} ${CELL}`}
        aria-hidden="true"
        focusable="false"
        className="size-full"
      >
        <StarRow className="fill-stone-300" />
        {filledWidth > 0 ? (
          <svg x={0} y={0} width={filledWidth} height={CELL} viewBox={`0 0 ${filledWidth} ${CELL}`}>
            <StarRow className="fill-amber-500" />
          </svg>
        ) : null}
      </svg>
    </span>
  );
}
