import { expect } from 'vitest';
import { AppError } from '@/lib/errors';

/** Every message along an error's cause chain. */
function messages(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    parts.push(current.message);
    current = current.cause;
  }
  return parts.join(' | ');
}

/** Expects the statement to be refused by the database, naming `constraint` in the error. */
export async function expectRefused(statement: PromiseLike<unknown>, constraint: string) {
  let refused: unknown;
  try {
    await statement;
  } catch (error) {
    refused = error;
  }
  expect(refused, `expected the database to refuse the row (${constraint})`).toBeInstanceOf(Error);
  expect(messages(refused)).toContain(constraint);
}

/** What a call threw, which must be an AppError: a call that succeeds fails the test. */
export async function failure(promise: PromiseLike<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}

/** A validation error's message per field. */
export function fieldErrors(error: AppError): Record<string, string> {
  return Object.fromEntries(error.issues.map((i) => [i.field, i.message]));
}
