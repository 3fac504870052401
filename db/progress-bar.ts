/**
 * A progress bar for long command-line work (seeding, reindexing) on stderr. Without a
 * terminal it prints a line every few seconds instead of redrawing.
 */
import cliProgress from 'cli-progress';

export interface ProgressBar {
  /** Shows `done` of `total` for `phase`; starts the bar on first use. */
  update(done: number, total: number, phase: string): void;
  stop(): void;
}

export function createProgressBar(phaseWidth = 12): ProgressBar {
  const stream = process.stderr;
  const bar = new cliProgress.SingleBar(
    {
      format: '  {phase} |{bar}| {percentage}% | {value}/{total} | {duration_formatted}',
      barCompleteChar: '\u2588',
      barIncompleteChar: '\u2591',
      hideCursor: true,
      stream,
      noTTYOutput: !stream.isTTY,
      notTTYSchedule: 5000,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let shownTotal = 0;
  return {
    update(done, total, phase) {
      const payload = { phase: phase.padEnd(phaseWidth) };
      const size = Math.max(total, 1);
      if (!started) {
        bar.start(size, done, payload);
        started = true;
      } else {
        if (size !== shownTotal) bar.setTotal(size);
        bar.update(done, payload);
      }
      shownTotal = size;
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
