/** The counts of one batch (see SendInvitationsResult). */
export interface InvitationCounts {
  sent: number;
  alreadyInvited: number;
  ownAddresses: number;
  repeated: number;
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** "12 invitations sent, 3 already invited." and what else was left out, in counts only. */
export function describeInvitationResult(result: InvitationCounts): string {
  const parts = [
    result.sent === 0
      ? 'No new invitation sent'
      : count(result.sent, 'invitation sent', 'invitations sent'),
  ];
  if (result.alreadyInvited > 0) {
    parts.push(`${result.alreadyInvited.toLocaleString('en-US')} already invited`);
  }
  let text = `${parts.join(', ')}.`;
  if (result.ownAddresses > 0) {
    text += ` ${count(result.ownAddresses, 'address was', 'addresses were')} your own or your listing’s, so ${result.ownAddresses === 1 ? 'it was' : 'they were'} left out.`;
  }
  if (result.repeated > 0) {
    text += ` ${count(result.repeated, 'repeated address was', 'repeated addresses were')} counted once.`;
  }
  if (result.sent > 0) text += ' The emails go out within a few minutes.';
  return text;
}
