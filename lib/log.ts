/**
 * Structured logs: one JSON object per line on stderr. Callers pass context, never secrets,
 * tokens or email addresses.
 */
type Level = 'info' | 'warn' | 'error';

function write(level: Level, message: string, context: Record<string, unknown>) {
  if (process.env.LOG_LEVEL === 'silent') return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...context });
  process.stderr.write(`${line}\n`);
}

export const log = {
  info: (message: string, context: Record<string, unknown> = {}) => write('info', message, context),
  warn: (message: string, context: Record<string, unknown> = {}) => write('warn', message, context),
  error: (message: string, context: Record<string, unknown> = {}) =>
    write('error', message, context),
};

/** The message of an unknown thrown value, for logs. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
