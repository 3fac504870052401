import { describe, expect, it } from 'vitest';
import {
  maskEmail,
  matchLicence,
  nameReadings,
  namesMatch,
  normaliseLicenceNumber,
} from '@/lib/claims/licence';

describe('normaliseLicenceNumber', () => {
  it.each([
    ['MA-0012345', 'MA12345'],
    ['  ma 0012345 ', 'MA12345'],
    ['0012345', '12345'],
    ['12.345', '12345'],
    ['MT–12 345', 'MT12345'],
    ['ＭＡ１２３', 'MA123'],
    ['0', '0'],
    ['000', '0'],
    ['33.0012345', '330012345'],
  ])('%s -> %s', (raw, normal) => {
    expect(normaliseLicenceNumber(raw)).toBe(normal);
  });

  it('keeps zeros that are not leading', () => {
    expect(normaliseLicenceNumber('MA1002')).not.toBe(normaliseLicenceNumber('MA102'));
  });
});

describe('namesMatch', () => {
  it.each([
    ['Maya Rodriguez', 'Maya Rodriguez'],
    ['maya   RODRIGUEZ', 'Maya Rodriguez'],
    ['Máyá Rodríguez', 'Maya Rodriguez'],
    ['Maya Rodriguez, LMT', 'Maya Rodriguez'],
    ['Maya Rodriguez, LMT, NCBTMB', 'Maya Rodriguez'],
    ['Maya Rodriguez LMT', 'Maya Rodriguez'],
    ['Rodriguez, Maya', 'Maya Rodriguez'],
    ['RODRIGUEZ, MAYA J', 'Maya Rodriguez'],
    ['Maya J. Rodriguez', 'Maya Rodriguez'],
    ['Maya Rodriguez', 'Maya J Rodriguez'],
    ['Maya J. Rodriguez', 'Maya Jane Rodriguez'],
    ['Mary-Jane O’Brien', 'Mary Jane OBrien'],
    ['Zoë Ng', 'Zoe Ng'],
  ])('%s = %s', (a, b) => {
    expect(namesMatch(a, b)).toBe(true);
    expect(namesMatch(b, a)).toBe(true);
  });

  it.each([
    ['Maya Rodriguez', 'Maya Lopez'],
    ['Maya Rodriguez', 'Maya Jane Rodriguez'],
    ['Maya J. Rodriguez', 'Maya K. Rodriguez'],
    ['M. Rodriguez', 'Maya Rodriguez'],
    ['Rodriguez', 'Maya Rodriguez'],
    ['Maya Rodriguez Lopez', 'Maya Rodriguez'],
    ['', 'Maya Rodriguez'],
    ['LMT', 'Maya Rodriguez'],
  ])('%s != %s', (a, b) => {
    expect(namesMatch(a, b)).toBe(false);
    expect(namesMatch(b, a)).toBe(false);
  });

  it('reads text after a comma as credentials or as the rest of the name', () => {
    expect(nameReadings('Rodriguez, Maya')).toEqual([['rodriguez'], ['rodriguez', 'maya']]);
    expect(nameReadings('Maya Rodriguez, LMT')).toEqual([['maya', 'rodriguez']]);
  });
});

describe('matchLicence', () => {
  const listing = { state: 'MA', number: 'MA0012345', name: 'Maya Rodriguez' };
  const typed = { state: 'ma', number: 'ma-12345', name: 'Maya J. Rodriguez, LMT' };

  it('matches when state, number and name agree after normalising', () => {
    expect(matchLicence(typed, listing)).toEqual({
      onListing: true,
      state: true,
      number: true,
      name: true,
      matched: true,
    });
  });

  it('reports each part that differs', () => {
    expect(matchLicence({ ...typed, state: 'NY' }, listing)).toMatchObject({
      state: false,
      number: true,
      name: true,
      matched: false,
    });
    expect(matchLicence({ ...typed, number: 'MA0012346' }, listing)).toMatchObject({
      number: false,
      matched: false,
    });
    expect(matchLicence({ ...typed, name: 'Mia Rodriguez' }, listing)).toMatchObject({
      name: false,
      matched: false,
    });
  });

  it('never matches a listing without a licence', () => {
    expect(matchLicence(typed, { state: null, number: null, name: 'Maya Rodriguez' })).toEqual({
      onListing: false,
      state: false,
      number: false,
      name: true,
      matched: false,
    });
  });

  it('never matches an empty number', () => {
    expect(matchLicence({ ...typed, number: ' - ' }, { ...listing, number: '-' }).matched).toBe(
      false,
    );
  });
});

describe('maskEmail', () => {
  it.each([
    ['maya@gmail.com', 'm•••@g•••.com'],
    ['a@b.co.uk', 'a•••@b•••.uk'],
    ['front.desk@clinic.example.org', 'f•••@c•••.org'],
    ['nobody', '•••'],
  ])('%s -> %s', (address, masked) => {
    expect(maskEmail(address)).toBe(masked);
  });
});
