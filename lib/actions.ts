import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { AppError, type AppErrorCode } from '@/lib/errors';
import { errorMessage, log } from '@/lib/log';

/** What every server action returns: data, or a safe message with the fields at fault. */
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: AppErrorCode | 'internal';
      message: string;
      fieldErrors: Record<string, string>;
      retryAfter: number | null;
    };

/**
 * The one wrapper for server actions: runs `work` (which parses, authorizes and mutates) and
 * turns what it throws into a result. Redirects pass through; unknown errors are logged and
 * reported without details.
 */
export async function runAction<T>(name: string, work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AppError) {
      return {
        ok: false,
        code: error.code,
        message: error.message,
        fieldErrors: Object.fromEntries(error.issues.map((i) => [i.field, i.message])),
        retryAfter: error.retryAfter,
      };
    }
    log.error('action failed', { action: name, error: errorMessage(error) });
    return {
      ok: false,
      code: 'internal',
      message: 'Something went wrong on our side. Please try again.',
      fieldErrors: {},
      retryAfter: null,
    };
  }
}
