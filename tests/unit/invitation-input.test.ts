import { describe, expect, it } from 'vitest';
import { parseInput } from '@/lib/input';
import { AppError } from '@/lib/errors';
import { describeInvitationResult } from '@/lib/invitations/format';
import {
  INVITATION_LIMITS,
  INVITATION_MIN_NEW_REASON,
  parseAddressList,
  sendInvitationsInput,
  splitAddressList,
  tooFewNewAddresses,
} from '@/lib/invitations/input';

function refusal(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('not refused');
}

describe('the address list', () => {
  it('splits on lines, commas, semicolons and spaces', () => {
    expect(splitAddressList(' a@x.org,b@x.org;c@x.org\r\n\td@x.org  e@x.org ;, \n')).toEqual([
      'a@x.org',
      'b@x.org',
      'c@x.org',
      'd@x.org',
      'e@x.org',
    ]);
    expect(splitAddressList(' \n ,; ')).toEqual([]);
  });

  it('normalises each address and counts repeats of the same normalised address', () => {
    expect(
      parseAddressList(
        'Ann@Example.ORG\nann@example.org\nann+tag@example.org\nＢｏｂ@example.org c@x.org d@x.org',
      ),
    ).toEqual({
      addresses: [
        'ann@example.org',
        'ann+tag@example.org',
        'bob@example.org',
        'c@x.org',
        'd@x.org',
      ],
      repeated: 1,
    });
  });

  it('refuses the whole list when any entry is invalid, naming the entries at fault', () => {
    const error = refusal(() =>
      parseAddressList('good@example.org, nope, "quoted"@example.org\nx@localhost'),
    );
    expect(error.code).toBe('validation');
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.field).toBe('emails');
    expect(error.message).toBe(
      'These are not valid email addresses: “nope”, “"quoted"@example.org”, “x@localhost”. Correct or remove them; no invitation was sent.',
    );
    expect(refusal(() => parseAddressList('a@b')).message).toMatch(
      /^This is not a valid email address: “a@b”\./,
    );
  });

  it('names at most ten invalid entries, shortened and without invisible characters', () => {
    const list = Array.from({ length: 12 }, (_, i) => `bad${i}`).join('\n');
    const message = refusal(() => parseAddressList(list)).message;
    expect(message).toContain('“bad9” and 2 more');
    expect(message).not.toContain('bad10');
    const long = `${'x'.repeat(100)}\u200b@`;
    const shown = refusal(() => parseAddressList(long)).message;
    expect(shown).toContain(`“${'x'.repeat(59)}…”`);
    expect(shown).not.toContain('\u200b');
  });

  it('takes at most 200 different addresses, and not an empty list', () => {
    const addresses = (n: number) =>
      Array.from({ length: n }, (_, i) => `client${i}@example.org`).join('\n');
    expect(parseAddressList(addresses(INVITATION_LIMITS.perBatch)).addresses).toHaveLength(200);
    expect(refusal(() => parseAddressList(addresses(201))).message).toMatch(
      /^That is 201 addresses: send at most 200 at a time\./,
    );
    // Repeats do not count against the batch, but an endless list is not read.
    const repeats = Array.from({ length: 600 }, (_, i) => `same${i % 5}@example.org`).join('\n');
    expect(parseAddressList(repeats)).toEqual({
      addresses: [0, 1, 2, 3, 4].map((i) => `same${i}@example.org`),
      repeated: 595,
    });
    expect(refusal(() => parseAddressList(`${repeats}\n${repeats}`)).message).toMatch(
      /at most 200/,
    );
    expect(refusal(() => parseAddressList(' ;, ')).message).toMatch(/Enter the email addresses/);
  });
});

describe('at least five new addresses a batch', () => {
  it('refuses a list of fewer than five different addresses, saying why', () => {
    expect(INVITATION_LIMITS.minNew).toBe(5);
    expect(INVITATION_MIN_NEW_REASON).toBe(
      'So that no review can be traced back to one person, send at least 5 new addresses at a time.',
    );
    const one = refusal(() => parseAddressList('only@example.org'));
    expect(one.code).toBe('validation');
    expect(one.issues).toEqual([{ field: 'emails', message: one.message }]);
    expect(one.message).toBe(
      `That is 1 address. ${INVITATION_MIN_NEW_REASON} No invitation was sent.`,
    );
    // Repeats are one address.
    const four = 'a@x.org b@x.org c@x.org d@x.org A@X.ORG';
    expect(refusal(() => parseAddressList(four)).message).toBe(
      `That is 4 different addresses. ${INVITATION_MIN_NEW_REASON} No invitation was sent.`,
    );
    expect(parseAddressList(`${four} e@x.org`).addresses).toHaveLength(5);
  });

  it('counts only new addresses: not those invited before, nor the owner’s own', () => {
    expect(tooFewNewAddresses({ fresh: 5, alreadyInvited: 3, ownAddresses: 1 })).toBeNull();
    expect(tooFewNewAddresses({ fresh: 4, alreadyInvited: 0, ownAddresses: 0 })).toBe(
      `Only 4 of these addresses are new. ${INVITATION_MIN_NEW_REASON} No invitation was sent.`,
    );
    expect(tooFewNewAddresses({ fresh: 1, alreadyInvited: 4, ownAddresses: 1 })).toBe(
      `Only 1 of these addresses is new (4 invited before, 1 your own or your listing’s). ${INVITATION_MIN_NEW_REASON} No invitation was sent.`,
    );
    expect(tooFewNewAddresses({ fresh: 0, alreadyInvited: 6, ownAddresses: 0 })).toBe(
      `None of these addresses is new (6 invited before). ${INVITATION_MIN_NEW_REASON} No invitation was sent.`,
    );
  });
});

describe('the invitation form', () => {
  it('takes the list and the confirmation, and nothing else', () => {
    expect(parseInput(sendInvitationsInput, { emails: 'a@x.org', confirm: 'yes' })).toEqual({
      emails: 'a@x.org',
      confirm: 'yes',
    });
    expect(refusal(() => parseInput(sendInvitationsInput, { emails: 'a@x.org' })).issues).toEqual([
      {
        field: 'confirm',
        message: 'Tick the box to confirm that you are inviting all of these clients.',
      },
    ]);
    expect(
      refusal(() =>
        parseInput(sendInvitationsInput, { emails: 'a@x.org', confirm: 'yes', rating: '5' }),
      ).issues,
    ).toEqual([{ field: 'rating', message: 'This field cannot be changed here.' }]);
    expect(
      refusal(() =>
        parseInput(sendInvitationsInput, {
          emails: 'a'.repeat(INVITATION_LIMITS.maxLength + 1),
          confirm: 'yes',
        }),
      ).issues[0]!.field,
    ).toBe('emails');
  });
});

describe('the result message', () => {
  it('gives counts only', () => {
    expect(
      describeInvitationResult({ sent: 12, alreadyInvited: 3, ownAddresses: 0, repeated: 0 }),
    ).toBe('12 invitations sent, 3 already invited. The emails go out within a few minutes.');
    expect(
      describeInvitationResult({ sent: 1, alreadyInvited: 0, ownAddresses: 1, repeated: 2 }),
    ).toBe(
      '1 invitation sent. 1 address was your own or your listing’s, so it was left out. 2 repeated addresses were counted once. The emails go out within a few minutes.',
    );
    expect(
      describeInvitationResult({ sent: 0, alreadyInvited: 4, ownAddresses: 0, repeated: 0 }),
    ).toBe('No new invitation sent, 4 already invited.');
  });
});
