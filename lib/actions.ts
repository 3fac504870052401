import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { AppError, validationError, type AppErrorCode } from '@/lib/errors';
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

/** Form fields as a plain object (repeated fields become arrays; files are dropped). */
export function formFields(form: FormData): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of form) {
    if (typeof value !== 'string' || key.startsWith('$ACTION')) continue;
    const existing = fields[key];
    fields[key] = existing === undefined ? value : [...[existing].flat(), value];
  }
  return fields;
}

/** Parses input with a (strict) schema; throws a validation error naming each field at fault. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationError(
    result.error.issues.map((issue) => ({
      field:
        issue.code === 'unrecognized_keys'
          ? issue.keys.join(', ')
          : issue.path.map(String).join('.') || 'form',
      message:
        issue.code === 'unrecognized_keys' ? 'This field cannot be changed here.' : issue.message,
    })),
  );
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text typed by a person: Unicode-normalised, control characters removed, trimmed. */
export function cleanText(text: string): string {
  return text.normalize('NFKC').replace(CONTROL_CHARACTERS, '').trim();
}
