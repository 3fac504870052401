import { exportAccountData } from '@/lib/account/mutations';
import { getViewer } from '@/lib/auth/viewer';
import { AppError, toErrorResponse } from '@/lib/errors';

/** GET /account/export: everything we hold about the signed-in member, as a JSON download. */
export async function GET(): Promise<Response> {
  try {
    const viewer = await getViewer();
    if (!viewer) throw new AppError('unauthorized', 'Sign in to download your data.');
    const data = await exportAccountData(viewer);
    const day = data.exportedAt.slice(0, 10);
    return new Response(`${JSON.stringify(data, null, 2)}\n`, {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="unknot-account-${day}.json"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    const response = toErrorResponse(error);
    response.headers.set('cache-control', 'no-store');
    return response;
  }
}
