/**
 * The one error model: code -> HTTP status and a safe message for users. Logs get the context;
 * users get the message.
 */
export type AppErrorCode =
  | 'validation'
  | 'not_found'
  | 'forbidden'
  | 'unauthorized'
  | 'second_factor'
  | 'rate_limited'
  | 'unavailable';

const STATUS: Record<AppErrorCode, number> = {
  validation: 422,
  not_found: 404,
  forbidden: 403,
  unauthorized: 401,
  second_factor: 403,
  rate_limited: 429,
  unavailable: 503,
};

export interface FieldIssue {
  /** The parameter or form field at fault. */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly issues: FieldIssue[];
  /** Seconds to wait, for rate limits. */
  readonly retryAfter: number | null;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { issues?: FieldIssue[]; retryAfter?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = options.issues ?? [];
    this.retryAfter = options.retryAfter ?? null;
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export function validationError(issues: FieldIssue[]): AppError {
  const first = issues[0];
  const message = first ? `${first.field}: ${first.message}` : 'The request is not valid';
  return new AppError('validation', message, { issues });
}

/** The JSON response for an error; unknown errors become a 500 without details. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const headers = new Headers({ 'content-type': 'application/json' });
    if (error.retryAfter !== null) headers.set('retry-after', String(error.retryAfter));
    return new Response(
      JSON.stringify({
        error: error.code,
        message: error.message,
        ...(error.issues.length
          ? { issues: error.issues.map((i) => ({ parameter: i.field, message: i.message })) }
          : {}),
      }),
      { status: error.status, headers },
    );
  }
  return Response.json(
    { error: 'internal', message: 'Something went wrong on our side.' },
    { status: 500 },
  );
}
