/**
 * The disclosure check on owners' replies (TRUST 18): general thanks pass; anything pointing at
 * a client's health, name, visit dates, history or contact details is held.
 */
import { describe, expect, it } from 'vitest';
import { checkReplyDisclosure } from '@/lib/replies/check';
import { REPLY_HOLD_REASONS, type ReplyHoldReason } from '@/lib/replies/reasons';

const PASSING: string[] = [
  'Thank you for your kind words, I’m glad the sessions helped.',
  "Thank you for your kind words, I'm glad the sessions helped",
  'Thanks so much for taking the time to write this. It was a pleasure, and I hope to see you again.',
  'Thank you for the honest review. I’m sorry the pressure felt too firm; I always ask, and I will check in more often.',
  'Deep tissue work can feel intense, so I adjust the pressure whenever someone asks.',
  'Massage may help with sciatica and lower back pain for many people, alongside medical care.',
  'Glad you enjoyed the hot stones!',
  'We are open on Tuesdays and Saturdays, and evenings by arrangement.',
  'Hi there, thanks for the review!',
  'Dear Reviewer, thank you for sharing your experience.',
  'I’m sorry the session didn’t meet your expectations. I’d welcome the chance to talk: please contact the studio.',
  'Thank you! Your kind words made my day.',
  'I’m glad you felt relaxed and rested afterwards.',
  'Thanks for the stars! Stress relief is what I love to help with.',
  'Thank you for choosing me for your massage. You’re very welcome back any time.',
  'Your feedback about the music is noted; we have changed the playlist.',
  'I have treated sciatica for twenty years and still learn something every week.',
  'It was lovely to meet you. Massage can ease anxiety for a lot of people.',
  'Thank You So Much For The Lovely Review!',
  'Every session starts with a short conversation about what you would like from it.',
  'Rated 10/10? That made the whole team smile.',
  'Thank you so much for the wonderful review! It means a lot to our small studio, and we look forward to welcoming you back.',
  'Thanks for the feedback about parking. We now have two reserved spots behind the building.',
  'I am sorry to read that you left disappointed. I would welcome a chance to hear more; please get in touch through the studio.',
  'Your review made my week. Take care and see you soon!',
  'I hope you continue to feel the benefits of regular massage.',
  'Thank you for trusting me with your care.',
  'We offer prenatal massage on weekdays for anyone who needs it.',
  'Many of my clients come in with back pain from desk work, and stretching between sessions helps.',
  'I am sorry you felt rushed at the end. We have added ten minutes between appointments.',
  'If you ever want to come back, you are always welcome.',
  'I hope the rest of your week is as relaxing as your session.',
  'We are closed on public holidays.',
  'Thank you for your patience while we moved to the new building.',
  // Ordinary words that are not about anyone.
  'Thank you! Our family-run studio is glad you found us.',
  'Our operations manager will be in touch about the parking.',
  'It was no accident: the quiet room was designed for this.',
  'The card machine was broken that day, sorry! It is fixed now.',
  'Massage can ease sciatica for many people.',
  'We are on the 2nd floor, above the bakery.',
  'Thank you kindly for the lovely words.',
  'Thanks heaps for the review!',
];

const HELD: [string, ReplyHoldReason, string?][] = [
  ['I’m glad your sciatica is better after your surgery.', 'client_health', 'your sciatica'],
  ['So happy to hear your lower back pain has eased!', 'client_health'],
  ['Congratulations on your pregnancy!', 'client_health', 'your pregnancy'],
  ['Since your accident you have worked so hard.', 'client_health'],
  ['After your surgery it was a joy to see you moving again.', 'client_health'],
  ['Wishing you a smooth recovery from the operation.', 'client_health'],
  ['I hope the migraines you described are easing.', 'client_health'],
  ['We worked on the herniated disc gently.', 'client_health'],
  ['I treated the fibromyalgia flare with very light pressure.', 'client_health'],
  ['My client had cancer treatment last year and came in exhausted.', 'client_health'],
  ['She was pregnant at the time, so we used the side-lying position.', 'client_health'],
  ['Glad your neck feels better.', 'client_health', 'your neck'],
  ['Sorry you were in pain after the session.', 'client_health'],
  ['Your PTSD does not define you.', 'client_health'],
  ['Managing diabetes and arthritis together is hard, and you did brilliantly.', 'client_health'],
  ['Dear Jonathan, thank you for the review.', 'client_name', 'Jonathan'],
  ['Hi Priya! It was a pleasure.', 'client_name', 'Priya'],
  ['Thank you, Maya, for the lovely words.', 'client_name', 'Maya'],
  ['Thanks for writing, Mrs. Alvarez.', 'client_name'],
  ['See you at your appointment on March 3.', 'visit_date'],
  ['It was lovely seeing you on Tuesday.', 'visit_date', 'on tuesday'],
  ['Thank you for coming in yesterday.', 'visit_date'],
  ['Your visit on 4/12/2025 was a pleasure.', 'visit_date'],
  ['You told me you had been struggling for months.', 'client_details', 'you told me'],
  ['When you first came in, you could barely turn.', 'client_details'],
  ['You have been coming to me for years.', 'client_details'],
  ['I am so sorry about your divorce.', 'client_details'],
  ['Please say hello to your husband.', 'client_details'],
  ['As we discussed, keep stretching every morning.', 'client_details'],
  ['Hope the herniated disc keeps improving!', 'client_health', 'the herniated'],
  ['Good luck with the chemo, Sarah.', 'client_health', 'the chemo'],
  ['Congratulations on the pregnancy!', 'client_health', 'the pregnancy'],
  ['Best wishes for the surgery next month.', 'client_health', 'the surgery'],
  ['Glad the sciatica calmed down after two sessions.', 'client_health', 'the sciatica'],
  ['Hope the new baby is sleeping!', 'client_health', 'the new baby'],
  ['So sorry to hear about the car accident.', 'client_health'],
  ['Sorry about your broken wrist, hope it mends.', 'client_health'],
  ['See you on the 14th.', 'visit_date', 'on the 14th'],
  ['Your next massage is on the 3rd, looking forward to it.', 'visit_date', 'on the 3rd'],
  ['Thanks for coming in on 2024-03-05.', 'visit_date', '2024-03-05'],
  ['Great to see you Tuesday!', 'visit_date'],
  ['Call me on 555-123-4567 to book again.', 'contact_details'],
  ['Write to me at studio@example.com.', 'contact_details'],
  ['Book again at calmhands.com!', 'contact_details'],
];

describe('checkReplyDisclosure', () => {
  it.each(PASSING)('passes %j', (text) => {
    expect(checkReplyDisclosure(text, { reviewerName: 'Calm Heron 42' })).toEqual([]);
  });

  it.each(HELD)('holds %j for %s', (text, reason, excerpt) => {
    const findings = checkReplyDisclosure(text, { reviewerName: 'Calm Heron 42' });
    const finding = findings.find((f) => f.reason === reason);
    expect(finding, JSON.stringify(findings)).toBeDefined();
    expect(finding?.label).toBe(REPLY_HOLD_REASONS[reason]);
    expect(finding?.excerpt.length).toBeGreaterThan(0);
    if (excerpt) expect(finding?.excerpt).toBe(excerpt);
  });

  it('holds the reviewer’s public name, whole or by the first name', () => {
    expect(checkReplyDisclosure('Thanks a lot, maya r.', { reviewerName: 'Maya R.' })).toEqual([
      expect.objectContaining({ reason: 'client_name', excerpt: 'maya r.' }),
    ]);
    expect(
      checkReplyDisclosure('It was a pleasure, Maya.', { reviewerName: 'Maya R.' })[0],
    ).toMatchObject({ reason: 'client_name', excerpt: 'Maya' });
    // "maya" in lower case inside another word is not the name.
    expect(
      checkReplyDisclosure('The Mayan blanket is yours to keep warm under.', {
        reviewerName: 'Maya R.',
      }),
    ).toEqual([]);
    // No name known (an anonymised review): only the greeting rule applies.
    expect(checkReplyDisclosure('It was a pleasure.', { reviewerName: null })).toEqual([]);
  });

  /** Cases from review: the reply, the reviewer's public name, the owner's names, what is held. */
  const NAMED: [string, string | null, string[], ReplyHoldReason | null][] = [
    // Generated pseudonyms: their first word is an ordinary word, never a first name.
    ['Kind words like yours keep us going. Thank you!', 'Kind Otter 12', [], null],
    ['Calm is what we aim for. Thanks for the review!', 'Calm Heron 42', [], null],
    ['Gentle pressure is always available, just ask. Thank you!', 'Gentle Fern 33', [], null],
    ['Thank you! Warm regards from the whole studio.', 'Warm Robin 20', [], null],
    ['Thanks, Calm Heron 42, for the lovely words.', 'Calm Heron 42', [], 'client_name'],
    // Real first names count only when they address the reviewer.
    ['Hope to see you again soon!', 'Hope S.', [], null],
    ['Will you come back? We hope so. Thanks!', 'Will B.', [], null],
    ['Thanks, hope to see you soon.', 'Hope S.', [], null],
    ['Thanks, hope to see you soon. Hi Hope!', 'Hope S.', [], 'client_name'],
    ['Happy to help, maya.', 'Maya R.', [], 'client_name'],
    ['Hi maya', 'Maya R.', [], 'client_name'],
    ['Thank you maya!', 'Maya R.', [], 'client_name'],
    ['Maya, thank you for the review.', 'Maya R.', [], 'client_name'],
    ['Thank you Will for the kind review.', 'Will B.', [], 'client_name'],
    // The owner's own names: a signature names nobody else.
    ['Thank you! - Anna', null, ['Anna Lee'], null],
    ['Thanks, Anna (owner)', null, ['Anna Lee', 'Anna L.'], null],
    ['Thanks, Anna (owner)', null, [], 'client_name'],
    ['Many thanks, Jordan at Calm Hands', null, ['Jordan Price', 'Calm Hands 7'], null],
    ['Thanks, Anna. Dr. Lee', 'Maya R.', ['Anna Lee'], null],
    ['Thanks, Maya! Anna', 'Maya R.', ['Anna Lee'], 'client_name'],
    ['Hi Anna, thanks!', 'Anna K.', ['Anna Lee'], null],
  ];

  it.each(NAMED)('reads %j by %j (owner %j) as %s', (text, reviewerName, ownerNames, held) => {
    const findings = checkReplyDisclosure(text, { reviewerName, ownerNames });
    if (held === null) expect(findings).toEqual([]);
    else expect(findings.map((f) => f.reason)).toContain(held);
  });

  it('lists every reason found, in order of precedence, once each', () => {
    const findings = checkReplyDisclosure(
      'Hi Dana, call 555-123-4567. Your migraines on Tuesday worried me; you told me about your divorce.',
    );
    expect(findings.map((f) => f.reason)).toEqual([
      'client_health',
      'client_name',
      'visit_date',
      'client_details',
      'contact_details',
    ]);
  });

  it('does not look across sentences for who a health word is about', () => {
    expect(
      checkReplyDisclosure('Thank you for the visit. Sciatica responds well to massage.'),
    ).toEqual([]);
    expect(checkReplyDisclosure('Lovely to meet you! Migraines are common in spring.')).toEqual([]);
  });

  it('reads text the way the form sends it: other apostrophes, spacing and compatibility forms', () => {
    expect(checkReplyDisclosure('Glad   your\nsciatica  is better')[0]?.reason).toBe(
      'client_health',
    );
    expect(checkReplyDisclosure('Glad you’ve recovered from the ｓｕｒｇｅｒｙ')[0]?.reason).toBe(
      'client_health',
    );
  });
});
