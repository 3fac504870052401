import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkFollowUpToken, createFollowUpToken } from '@/lib/follow-ups/token';
import {
  checkInvitationToken,
  createInvitationToken,
  INVITATION_LINK_DAYS,
  invitationLink,
  signInvitationClaims,
} from '@/lib/invitations/token';
import { invitationEmailHash } from '@/lib/invitations/email-hash';

const DAY_MS = 86_400_000;
let saved: string | undefined;

beforeEach(() => {
  saved = process.env.AUTH_SECRET;
  process.env.AUTH_SECRET = 'unit-secret-for-invitation-tokens-0123456789';
});
afterEach(() => {
  if (saved === undefined) delete process.env.AUTH_SECRET;
  else process.env.AUTH_SECRET = saved;
});

describe('invitation tokens', () => {
  it('hold the invitation and the listing for 60 days from sending', () => {
    const sentAt = new Date('2025-06-01T10:00:00Z');
    const { token, expiresAt } = createInvitationToken(41, 7, sentAt);
    expect(expiresAt.getTime() - sentAt.getTime()).toBe(INVITATION_LINK_DAYS * DAY_MS);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(checkInvitationToken(token, new Date('2025-07-01T00:00:00Z'))).toEqual({
      ok: true,
      claims: { invitationId: 41, therapistId: 7, expiresAt },
    });
    const late = checkInvitationToken(token, new Date(expiresAt.getTime() + 1000));
    expect(late).toMatchObject({ ok: false, problem: 'expired' });
    expect(!late.ok && late.message).toMatch(/expired on July 31, 2025/);
  });

  it('refuse tampering, another secret, other purposes and junk', () => {
    const { token } = createInvitationToken(41, 7);
    const [body, signature] = token.split('.') as [string, string];
    const otherBody = Buffer.from(
      Buffer.from(body, 'base64url').toString().replace('.7.', '.8.'),
    ).toString('base64url');
    for (const bad of [
      `${otherBody}.${signature}`,
      `${body}.${signature.slice(0, -1)}`,
      `${body}=.${signature}`,
      `${body}.${signature}.x`,
      '',
      'x'.repeat(400),
      42,
      null,
    ]) {
      expect(checkInvitationToken(bad)).toMatchObject({ ok: false, problem: 'invalid' });
    }
    process.env.AUTH_SECRET = 'another-secret-entirely-0123456789abcdef';
    expect(checkInvitationToken(token)).toMatchObject({ ok: false, problem: 'invalid' });
  });

  it('are apart from follow-up links, both ways', () => {
    const followUp = createFollowUpToken(41, 2).token;
    expect(checkInvitationToken(followUp)).toMatchObject({ ok: false, problem: 'invalid' });
    const invitation = createInvitationToken(41, 2).token;
    expect(checkFollowUpToken(invitation)).toMatchObject({ ok: false });
  });

  it('refuse ids out of range even when signed', () => {
    const expiresAt = new Date(Date.now() + DAY_MS);
    const token = signInvitationClaims({ invitationId: 9_999_999_999, therapistId: 1, expiresAt });
    expect(checkInvitationToken(token)).toMatchObject({ ok: false, problem: 'invalid' });
  });

  it('go in a link to the listing’s review page on AUTH_URL’s origin', () => {
    expect(
      invitationLink('jane-doe', 'abc.def', {
        AUTH_URL: 'https://unknot.example/x',
        NODE_ENV: 'test',
      }),
    ).toBe('https://unknot.example/therapists/jane-doe/review?invitation=abc.def');
  });
});

describe('the address hash', () => {
  it('is keyed, and differs per listing and address', () => {
    const hash = invitationEmailHash(1, 'ann@example.org');
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invitationEmailHash(1, 'ann@example.org')).toBe(hash);
    expect(invitationEmailHash(2, 'ann@example.org')).not.toBe(hash);
    expect(invitationEmailHash(1, 'ann+x@example.org')).not.toBe(hash);
    process.env.AUTH_SECRET = 'another-secret-entirely-0123456789abcdef';
    expect(invitationEmailHash(1, 'ann@example.org')).not.toBe(hash);
  });
});
