/** A claimed job, as its handler sees it. */
export interface ClaimedJob {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  /** Tries so far, this one included. */
  attempts: number;
  maxAttempts: number;
  /** The worker's clock for this run (real time unless a test passes its own). */
  now: Date;
}

/**
 * Does the job's work. Resolving marks the job done (handlers that decide there is nothing to do
 * simply resolve); throwing retries it later, or sets it aside as failed after its last attempt.
 */
export type JobHandler = (job: ClaimedJob) => Promise<void>;

/** Thrown by a handler when trying again cannot help (a malformed payload): the job fails now. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}
