import { describe, expect, it } from 'vitest';
import { invitationMail, invitationWording } from '@/lib/invitations/mail';

describe('the invitation email', () => {
  it('is neutral: good or bad, no rating, no reward', () => {
    const words = invitationWording('Jane Doe');
    expect(words.subject).toBe('How was your care with Jane Doe?');
    expect(words.intro).toEqual([
      'Hello,',
      'Jane Doe asked Unknot to invite their clients to share how their care went — good or bad.',
      'Your honest review helps people in pain find the right practitioner. Reviews are public under a pseudonym; you need a free account.',
    ]);
    expect(words.button).toBe('Write a review');
    expect(words.notes.join(' ')).toContain(
      'You will not get another invitation from this practitioner.',
    );
    const all = [words.subject, ...words.intro, words.button, ...words.notes].join(' ');
    expect(all).not.toMatch(/\b(stars?|rating|happy|satisfied|discount|gift|reward)\b/i);
  });

  it('differs between clients only in the link, with the text and HTML escaped', () => {
    const one = invitationMail({
      to: 'a@example.org',
      therapistName: 'Jo <b>& Co',
      link: 'https://unknot.example/therapists/jo/review?invitation=one',
    });
    const two = invitationMail({
      to: 'b@example.org',
      therapistName: 'Jo <b>& Co',
      link: 'https://unknot.example/therapists/jo/review?invitation=two',
    });
    expect(one.subject).toBe(two.subject);
    expect(one.text.replace('=one', '')).toBe(two.text.replace('=two', ''));
    expect(one.text).toContain(
      'Write a review: https://unknot.example/therapists/jo/review?invitation=one',
    );
    expect(one.html).toContain('Jo &#60;b&#62;&#38; Co asked Unknot');
    expect(one.html).not.toContain('<b>');
    expect(one.html).toContain('href="https://unknot.example/therapists/jo/review?invitation=one"');
  });

  it('keeps line breaks and invisible characters out of the subject', () => {
    expect(invitationWording('Jo\r\nBcc: x@evil.example\u202e').subject).toBe(
      'How was your care with Jo Bcc: x@evil.example?',
    );
  });
});
