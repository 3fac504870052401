/** Wording and values shared by the follow-up email, page and form (no server code here). */

/** Follow-up links work this many days after the email was sent. */
export const FOLLOW_UP_LINK_DAYS = 30;

export const PAIN_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** What an answer is used for, said the same way in the email and on the page. */
export function answerUse(therapistName: string): string {
  return `Your answer is added to your review as a self-reported follow-up and goes into ${therapistName}'s figures on whether relief lasts (such as how many reviewers were still better 6 weeks on). Your email address is never shown.`;
}

/** "Before: 7, after your first visits: 3, now: 2", leaving out what the review did not say. */
export function painChangeSummary(pain: {
  painBefore: number | null;
  painAfterVisits: number | null;
  painNow: number;
}): string {
  const parts: string[] = [];
  if (pain.painBefore !== null) parts.push(`Before: ${pain.painBefore}`);
  if (pain.painAfterVisits !== null) {
    parts.push(`${parts.length ? 'after' : 'After'} your first visits: ${pain.painAfterVisits}`);
  }
  parts.push(`${parts.length ? 'now' : 'Now'}: ${pain.painNow}`);
  return parts.join(', ');
}
