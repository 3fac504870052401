/**
 * A small OAuth 2.0 authorization server for tests, laid out like GitHub Enterprise Server so
 * that Auth.js's own GitHub provider can talk to it (`enterprise: { baseUrl: fake.url }`):
 *
 * - GET  /login/oauth/authorize      checks the client, redirect URI and PKCE challenge, then
 *                                    redirects back with a one-time code and the state;
 * - POST /login/oauth/access_token   checks the client secret, the code and the PKCE verifier;
 * - GET  /api/v3/user                the profile of the signed-in fake user;
 * - GET  /api/v3/user/emails         their addresses (GitHub's answer when the profile has none).
 *
 * Every request is recorded, so tests can see what the app sent.
 */
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeOAuthUser {
  id: number;
  login: string;
  name?: string | null;
  /** The public email on the profile; null makes the app ask /user/emails. */
  email: string | null;
  /** What /user/emails answers; without it, that endpoint answers 404. */
  emails?: { email: string; primary: boolean; verified: boolean }[];
}

export interface FakeOAuthServer {
  /** http://127.0.0.1:<port>, for `enterprise.baseUrl`. */
  url: string;
  clientId: string;
  clientSecret: string;
  /** The user who "signs in" at the next authorization. */
  user: FakeOAuthUser;
  /** Method and path of every request received, in order. */
  requests: string[];
  close(): Promise<void>;
}

interface Grant {
  user: FakeOAuthUser;
  redirectUri: string;
  codeChallenge: string | null;
}

function json(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function base64url(buffer: Buffer): string {
  return buffer.toString('base64url');
}

export async function startFakeOAuth(
  options: { clientId?: string; clientSecret?: string; user?: FakeOAuthUser } = {},
): Promise<FakeOAuthServer> {
  const clientId = options.clientId ?? 'unknot-test-client';
  const clientSecret = options.clientSecret ?? randomBytes(16).toString('hex');
  const grants = new Map<string, Grant>();
  const tokens = new Map<string, FakeOAuthUser>();

  const fake: FakeOAuthServer = {
    url: '',
    clientId,
    clientSecret,
    user: options.user ?? { id: 1, login: 'octocat', email: 'octocat@example.org' },
    requests: [],
    close: () => Promise.resolve(),
  };

  const server = http.createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', fake.url);
      fake.requests.push(`${request.method ?? ''} ${url.pathname}`);

      if (request.method === 'GET' && url.pathname === '/login/oauth/authorize') {
        const redirectUri = url.searchParams.get('redirect_uri');
        if (url.searchParams.get('client_id') !== clientId || !redirectUri) {
          json(response, 400, { error: 'invalid_request' });
          return;
        }
        const challenge = url.searchParams.get('code_challenge');
        if (challenge && url.searchParams.get('code_challenge_method') !== 'S256') {
          json(response, 400, { error: 'invalid_request', error_description: 'S256 only' });
          return;
        }
        const code = randomBytes(16).toString('hex');
        grants.set(code, { user: fake.user, redirectUri, codeChallenge: challenge });
        const back = new URL(redirectUri);
        back.searchParams.set('code', code);
        const state = url.searchParams.get('state');
        if (state) back.searchParams.set('state', state);
        response.writeHead(302, { location: back.toString() });
        response.end();
        return;
      }

      if (request.method === 'POST' && url.pathname === '/login/oauth/access_token') {
        const form = new URLSearchParams(await readBody(request));
        const basic = request.headers.authorization?.match(/^Basic (.+)$/)?.[1];
        const [id, secret] = basic
          ? Buffer.from(basic, 'base64')
              .toString()
              .split(':')
              .map((part) => decodeURIComponent(part.replace(/\+/g, ' ')))
          : [form.get('client_id'), form.get('client_secret')];
        if (id !== clientId || secret !== clientSecret) {
          json(response, 401, { error: 'invalid_client' });
          return;
        }
        const code = form.get('code') ?? '';
        const grant = grants.get(code);
        grants.delete(code);
        if (!grant || form.get('redirect_uri') !== grant.redirectUri) {
          json(response, 400, { error: 'invalid_grant' });
          return;
        }
        if (grant.codeChallenge) {
          const verifier = form.get('code_verifier') ?? '';
          const expected = base64url(createHash('sha256').update(verifier).digest());
          if (expected !== grant.codeChallenge) {
            json(response, 400, { error: 'invalid_grant', error_description: 'PKCE mismatch' });
            return;
          }
        }
        const accessToken = randomBytes(16).toString('hex');
        tokens.set(accessToken, grant.user);
        json(response, 200, {
          access_token: accessToken,
          token_type: 'bearer',
          scope: 'read:user,user:email',
        });
        return;
      }

      const bearer = request.headers.authorization?.match(/^Bearer (.+)$/i)?.[1] ?? '';
      const user = tokens.get(bearer);
      if (request.method === 'GET' && url.pathname.startsWith('/api/v3/user')) {
        if (!user) {
          json(response, 401, { message: 'Bad credentials' });
          return;
        }
        if (url.pathname === '/api/v3/user') {
          json(response, 200, {
            id: user.id,
            login: user.login,
            name: user.name ?? null,
            email: user.email,
            avatar_url: null,
          });
          return;
        }
        if (url.pathname === '/api/v3/user/emails' && user.emails) {
          json(response, 200, user.emails);
          return;
        }
      }
      json(response, 404, { message: 'Not Found' });
    })().catch((error: unknown) => {
      json(response, 500, { message: error instanceof Error ? error.message : String(error) });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  fake.url = `http://127.0.0.1:${port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
