import type { Mail } from '@/lib/mail';
import { escapeHtml } from '@/lib/mail/templates';
import { answerUse, FOLLOW_UP_LINK_DAYS } from './format';

export const FOLLOW_UP_SUBJECT = 'Still better? Rate your pain now';

/**
 * The "Still better?" email: kind and plain. It names the therapist but never the condition
 * (other people may see the inbox), and holds one link per pain score, 0 to 10.
 */
export function followUpMail(input: {
  to: string;
  displayName: string | null;
  therapistName: string;
  weeks: number;
  /** The eleven links, for pain 0 to 10 in order. */
  links: readonly string[];
}): Mail {
  const greeting = input.displayName ? `Hello ${input.displayName},` : 'Hello,';
  const intro = `About ${input.weeks} weeks ago you reviewed your visits to ${input.therapistName} on Unknot. We hope things are going well, and would like to know how you are now.`;
  const question =
    'How bad was your pain at its worst in the past week? Tap the number that fits best (0 means no pain, 10 the worst pain you can imagine):';
  const how = `The page that opens shows your choice and a Save button: nothing is recorded until you press it. The links need no sign-in, work only for this one question, and expire after ${FOLLOW_UP_LINK_DAYS} days.`;
  const use = answerUse(input.therapistName);
  const optional =
    'If you would rather not answer, just ignore this email. We ask at most three times: about 2, 6 and 12 weeks after a review.';
  const label = (pain: number) =>
    pain === 0 ? '0 (no pain)' : pain === 10 ? '10 (worst imaginable)' : String(pain);
  const list = input.links.map((link, pain) => `${label(pain)}: ${link}`).join('\n');
  const text = `${greeting}\n\n${intro}\n\n${question}\n\n${list}\n\n${how}\n\n${use}\n\n${optional}\n`;

  const paragraph = (p: string) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`;
  const buttons = input.links
    .map(
      (link, pain) =>
        `<a href="${escapeHtml(link)}" style="display:inline-block;min-width:28px;margin:0 6px 8px 0;padding:10px 8px;border:1px solid #0f766e;border-radius:8px;color:#115e59;font-weight:600;text-align:center;text-decoration:none">${pain}</a>`,
    )
    .join('');
  const html = `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;color:#1c1917;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">${[
    greeting,
    intro,
    question,
  ]
    .map(paragraph)
    .join(
      '',
    )}<p style="margin:0 0 4px">${buttons}</p><p style="margin:0 0 16px;color:#57534e;font-size:14px">0 = no pain, 10 = the worst pain you can imagine</p>${[
    how,
    use,
    optional,
  ]
    .map(paragraph)
    .join('')}<p style="color:#57534e;font-size:14px">Unknot</p></body></html>`;
  return { to: input.to, subject: FOLLOW_UP_SUBJECT, text, html };
}
