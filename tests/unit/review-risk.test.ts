/**
 * The pure parts of the review risk check: contact details, other people's health, and the
 * decision from the signals, which never sees the rating (TRUST 16, 17, 23).
 */
import { describe, expect, it } from 'vitest';
import {
  BURST_REVIEWS,
  MAX_REVIEWS_PER_HOUR,
  NEW_ACCOUNT_HOURS,
  RISK_REASONS,
  describeStatusReason,
  findContactDetails,
  hashClientAddress,
  mentionsOtherPersonsHealth,
  riskReasons,
  type RiskSignals,
} from '@/lib/reviews/risk';

const CALM: RiskSignals = {
  text: 'She found the knot under my shoulder blade and my neck has been fine for a month.',
  accountAgeHours: 24 * 90,
  accountReviewsLastHour: 0,
  clientReviewsLastHour: 0,
  profileReviewsLastHour: 0,
  duplicateSimilarity: 0.2,
  edit: false,
};

describe('contact details', () => {
  it.each([
    ['Call her on (555) 123-4567 to book.', 'phone'],
    ['Her number is 555.123.4567', 'phone'],
    ['text 555-123-4567 anytime', 'phone'],
    ['ring +1 555 123 4567', 'phone'],
    ['dial 555-1234 for the front desk', 'phone'],
    ['call +44 20 7946 0958', 'phone'],
    ['Email jane.doe@example.com for a slot', 'email'],
    ['write to jane at gmail dot com', 'email'],
    ['Book on https://example.test/book', 'url'],
    ['see www.example.org', 'url'],
    ['her site janesmassage.com has prices', 'url'],
    ['details at bodywork.co.uk', 'url'],
  ] as const)('finds %j', (text, kind) => {
    expect(findContactDetails(text)).toBe(kind);
  });

  it.each([
    'I went 6 times between 2019-2020 and paid $120 per session.',
    'My pain went from 8/10 to 2 after 3 sessions of 60 minutes.',
    'Great session.Come back next week, she said.',
    'It was 10 out of 10, and I would go back in 2025.',
    'We met at the clinic at 5:30 and she was at her best.',
  ])('leaves %j alone', (text) => {
    expect(findContactDetails(text)).toBeNull();
  });
});

describe("other people's health", () => {
  it.each([
    "My wife's MS made her stiff, and he helped her too.",
    "my husband's chronic back pain",
    "Her client's diagnosis came up while I waited.",
    'My daughter was diagnosed with scoliosis last year.',
    'My son has ADHD and could not sit still.',
    'a friend who had a stroke recommended her',
    'My mother suffers from fibromyalgia.',
    'Diagnosed last spring, my dad still goes every week.',
    "my friends' arthritis",
  ])('holds %j', (text) => {
    expect(mentionsOtherPersonsHealth(text)).toBe(true);
  });

  it.each([
    'My wife recommended her and I am glad she did.',
    "My husband's birthday present was a session here.",
    'I was diagnosed with a herniated disc and she adapted everything.',
    'My friend booked it for me; the room was quiet and warm.',
    'The pain in my neck is gone.',
  ])('lets %j through', (text) => {
    expect(mentionsOtherPersonsHealth(text)).toBe(false);
  });
});

describe('the decision', () => {
  it('publishes a calm review', () => {
    expect(riskReasons(CALM)).toEqual([]);
  });

  it('has no input for the rating, so equal signals give equal decisions', () => {
    expect(Object.keys(CALM).sort()).toEqual(
      [
        'accountAgeHours',
        'accountReviewsLastHour',
        'clientReviewsLastHour',
        'duplicateSimilarity',
        'edit',
        'profileReviewsLastHour',
        'text',
      ].sort(),
    );
  });

  it('holds young accounts', () => {
    expect(riskReasons({ ...CALM, accountAgeHours: NEW_ACCOUNT_HOURS - 1 })).toEqual([
      'new_account',
    ]);
    expect(riskReasons({ ...CALM, accountAgeHours: NEW_ACCOUNT_HOURS })).toEqual([]);
  });

  it('holds the review that makes a burst on one profile', () => {
    expect(riskReasons({ ...CALM, profileReviewsLastHour: BURST_REVIEWS - 2 })).toEqual([]);
    expect(riskReasons({ ...CALM, profileReviewsLastHour: BURST_REVIEWS - 1 })).toEqual(['burst']);
  });

  it('holds too many reviews per hour from one account or one network', () => {
    const limit = MAX_REVIEWS_PER_HOUR;
    expect(riskReasons({ ...CALM, accountReviewsLastHour: limit - 1 })).toEqual([]);
    expect(riskReasons({ ...CALM, accountReviewsLastHour: limit })).toEqual(['account_velocity']);
    expect(riskReasons({ ...CALM, clientReviewsLastHour: limit })).toEqual(['network_velocity']);
  });

  it('holds near-duplicates from a similarity of 0.8', () => {
    expect(riskReasons({ ...CALM, duplicateSimilarity: 0.79 })).toEqual([]);
    expect(riskReasons({ ...CALM, duplicateSimilarity: 0.8 })).toEqual(['duplicate']);
  });

  it('skips the submission-rate checks for edits, not the content checks', () => {
    const busy = { ...CALM, profileReviewsLastHour: 9, accountReviewsLastHour: 9 };
    expect(riskReasons({ ...busy, edit: true })).toEqual([]);
    expect(riskReasons({ ...busy, edit: true, text: 'call 555-123-4567' })).toEqual([
      'contact_details',
    ]);
  });

  it('puts content reasons first when several apply', () => {
    expect(
      riskReasons({
        ...CALM,
        text: "Email me@example.com about my wife's cancer",
        accountAgeHours: 1,
        profileReviewsLastHour: 5,
      }),
    ).toEqual(['contact_details', 'third_party_health', 'burst', 'new_account']);
  });
});

describe('reasons and client hashes', () => {
  it('describes codes and passes older free text through', () => {
    expect(describeStatusReason('burst')).toBe(RISK_REASONS.burst);
    expect(describeStatusReason('Checked by hand.')).toBe('Checked by hand.');
    expect(describeStatusReason(null)).toBeNull();
  });

  it('hashes addresses with the secret and never returns them', () => {
    const a = hashClientAddress('203.0.113.7', 'secret-one');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toContain('203.0.113.7');
    expect(hashClientAddress('203.0.113.7', 'secret-one')).toBe(a);
    expect(hashClientAddress('203.0.113.7', 'secret-two')).not.toBe(a);
    expect(hashClientAddress('unknown', 'secret-one')).toBeNull();
  });
});
