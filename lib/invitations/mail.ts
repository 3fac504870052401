import type { Mail } from '@/lib/mail';
import { escapeHtml } from '@/lib/mail/templates';
import { INVITATION_LINK_DAYS } from './link-days';

/** The words of the invitation, the same for every client: what the owner previews is what goes. */
export interface InvitationWording {
  subject: string;
  /** Before the button. */
  intro: string[];
  button: string;
  /** After the button. */
  notes: string[];
}

function plainName(name: string): string {
  return name
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The neutral invitation (DOMAIN "Honest reviews"): it asks for an experience good or bad,
 * offers nothing in return and names no rating, so it reads the same to every client.
 */
export function invitationWording(therapistName: string): InvitationWording {
  const name = plainName(therapistName);
  return {
    subject: `How was your care with ${name}?`,
    intro: [
      'Hello,',
      `${name} asked Unknot to invite their clients to share how their care went — good or bad.`,
      'Your honest review helps people in pain find the right practitioner. Reviews are public under a pseudonym; you need a free account.',
    ],
    button: 'Write a review',
    notes: [
      `The link works for ${INVITATION_LINK_DAYS} days. You will not get another invitation from this practitioner.`,
      `${name} gave us your address as one of their clients. We keep it only to send this email; if you were not their client, please ignore it.`,
    ],
  };
}

/** The invitation mail to one client, with their personal link. */
export function invitationMail(input: { to: string; therapistName: string; link: string }): Mail {
  const words = invitationWording(input.therapistName);
  const text = `${[...words.intro, `${words.button}: ${input.link}`, ...words.notes].join('\n\n')}\n`;
  const paragraph = (p: string) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`;
  const button = `<p style="margin:24px 0"><a href="${escapeHtml(input.link)}" style="background:#0f766e;color:#ffffff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(words.button)}</a></p>`;
  const html = `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;color:#1c1917;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">${words.intro
    .map(paragraph)
    .join(
      '',
    )}${button}${words.notes.map(paragraph).join('')}<p style="color:#57534e;font-size:14px">Unknot</p></body></html>`;
  return { to: input.to, subject: words.subject, text, html };
}
