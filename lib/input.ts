import type { z } from 'zod';
import { validationError } from '@/lib/errors';

/*
 * Input from people and forms, shared by server actions, mutations and background jobs (so it
 * imports nothing of the web framework).
 */

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
