import type { NextRequest } from 'next/server';
import { validationError, toErrorResponse, AppError } from '@/lib/errors';
import { errorMessage, log } from '@/lib/log';
import { clientAddress, consumeRateLimit, searchRateLimit } from '@/lib/rate-limit';
import { searchTherapists } from '@/lib/search';
import { parseSearchQuery } from '@/lib/search/query';

/** `GET /api/search`: the same query model as the search page; bad parameters get a 422 naming them. */
export async function GET(request: NextRequest): Promise<Response> {
  const parsed = parseSearchQuery(request.nextUrl.searchParams);
  if (!parsed.ok) {
    return toErrorResponse(
      validationError(parsed.issues.map((i) => ({ field: i.parameter, message: i.message }))),
    );
  }
  try {
    await consumeRateLimit(searchRateLimit(), clientAddress(request.headers));
    const result = await searchTherapists(parsed.query);
    return Response.json(result, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    if (!(error instanceof AppError)) log.error('search failed', { error: errorMessage(error) });
    return toErrorResponse(error);
  }
}
