/**
 * Browser test against a production build (see ./harness.ts): every journey in ./journeys/, then
 * a check that the server logged no errors meanwhile.
 *
 * Run `npm run build` first, then `npm run test:e2e`.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { serverErrors } from './harness';
import './journeys/browse';
import './journeys/sign-in';
import './journeys/account';
import './journeys/passkeys';
import './journeys/reviews';
import './journeys/moderation';
import './journeys/claims';

describe('server', () => {
  test('logged no errors while serving the pages', () => {
    assert.deepEqual(serverErrors(), [], 'errors in the server output');
  });
});
