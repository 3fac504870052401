import type { Mail } from './index';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A plain, accessible mail body: paragraphs and at most one button-like link. */
function layout(paragraphs: string[], action?: { label: string; url: string }): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join('');
  const button = action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#0f766e;color:#ffffff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(action.label)}</a></p>`
    : '';
  return `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;color:#1c1917;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">${body}${button}<p style="color:#57534e;font-size:14px">Unknot</p></body></html>`;
}

/**
 * A plain mail of paragraphs and at most one button-like link, in text and HTML: the one way
 * the app writes its notices.
 */
export function plainMail(input: {
  to: string;
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
}): Mail {
  const link = input.action ? `\n\n${input.action.label}: ${input.action.url}` : '';
  return {
    to: input.to,
    subject: input.subject,
    text: `${input.paragraphs.join('\n\n')}${link}\n`,
    html: layout(input.paragraphs, input.action),
  };
}

export function signInMail(to: string, url: string, minutes: number): Mail {
  const intro = 'Someone, hopefully you, asked to sign in to Unknot with this email address.';
  const expiry = `The link works once and expires in ${minutes} minutes. On the page it opens, press "Sign in" to finish.`;
  const ignore = 'If you did not ask for it, ignore this email: nothing happens without the click.';
  return {
    to,
    subject: 'Your Unknot sign-in link',
    text: `${intro}\n\nSign in: ${url}\n\n${expiry}\n\n${ignore}\n`,
    html: layout([intro, expiry, ignore], { label: 'Sign in to Unknot', url }),
  };
}
