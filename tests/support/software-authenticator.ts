/**
 * A passkey authenticator in software, for tests: it answers the options the server sends the
 * way a browser and a platform authenticator would (P-256 keys, "none" attestation, an
 * increasing signature counter), so the server's verification runs for real.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/* ------------------------------------------------------------------------------------------ */
/* A small CBOR encoder: unsigned and negative integers, byte and text strings, maps           */
/* ------------------------------------------------------------------------------------------ */

type CborValue = number | string | Uint8Array | Map<CborValue, CborValue>;

function cborHead(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 0x100) return Buffer.from([(major << 5) | 24, length]);
  if (length < 0x10000) {
    const head = Buffer.alloc(3);
    head[0] = (major << 5) | 25;
    head.writeUInt16BE(length, 1);
    return head;
  }
  const head = Buffer.alloc(5);
  head[0] = (major << 5) | 26;
  head.writeUInt32BE(length, 1);
  return head;
}

export function encodeCbor(value: CborValue): Buffer {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error('only integers are encoded');
    return value >= 0 ? cborHead(0, value) : cborHead(1, -1 - value);
  }
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([cborHead(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([cborHead(2, value.length), value]);
  const parts: Buffer[] = [cborHead(5, value.size)];
  for (const [key, item] of value) parts.push(encodeCbor(key), encodeCbor(item));
  return Buffer.concat(parts);
}

/* ------------------------------------------------------------------------------------------ */
/* The authenticator                                                                           */
/* ------------------------------------------------------------------------------------------ */

const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;
const FLAG_ATTESTED_CREDENTIAL = 0x40;

/** The options a server sends, as far as the authenticator reads them. */
export interface CreationOptions {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
  excludeCredentials?: { id: string }[];
}

export interface RequestOptions {
  challenge: string;
  rpId?: string;
  allowCredentials?: { id: string }[];
}

export interface RegistrationResponse {
  id: string;
  rawId: string;
  type: 'public-key';
  response: {
    clientDataJSON: string;
    attestationObject: string;
    transports: string[];
  };
  authenticatorAttachment: 'platform';
  clientExtensionResults: Record<string, unknown>;
}

export interface AuthenticationResponse {
  id: string;
  rawId: string;
  type: 'public-key';
  response: {
    clientDataJSON: string;
    authenticatorData: string;
    signature: string;
    userHandle?: string;
  };
  authenticatorAttachment: 'platform';
  clientExtensionResults: Record<string, unknown>;
}

export interface StoredCredential {
  id: string;
  rpId: string;
  userHandle: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  counter: number;
}

export interface CeremonyOverrides {
  /** Sign over this challenge instead of the one in the options. */
  challenge?: string;
  /** Claim this origin in the client data. */
  origin?: string;
  /** Use this credential (sign-in and step-up). */
  credentialId?: string;
  /** Report this counter instead of the next one (for replayed or cloned authenticators). */
  counter?: number;
  /**
   * Sign until the signature's r is shorter than 32 bytes (its DER form drops leading zeros),
   * as about one real signature in 256 is.
   */
  shortR?: boolean;
}

/** The length of r in a DER-encoded ECDSA signature (SEQUENCE { INTEGER r, INTEGER s }). */
export function derRLength(signature: Buffer): number {
  const length = signature[3] ?? 0;
  return signature[4] === 0 ? length - 1 : length;
}

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

function sha256(data: Uint8Array | string): Buffer {
  return createHash('sha256').update(data).digest();
}

function coseKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (!jwk.x || !jwk.y) throw new Error('not an EC key');
  return encodeCbor(
    new Map<CborValue, CborValue>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x, 'base64url')],
      [-3, Buffer.from(jwk.y, 'base64url')],
    ]),
  );
}

export class SoftwareAuthenticator {
  readonly credentials = new Map<string, StoredCredential>();
  /** The origin the "browser" is on; the rp id defaults to its host name. */
  constructor(readonly origin: string) {}

  private clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string) {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8');
  }

  /** navigator.credentials.create(): a new discoverable P-256 credential. */
  create(options: CreationOptions, overrides: CeremonyOverrides = {}): RegistrationResponse {
    const rpId = options.rp.id ?? new URL(this.origin).hostname;
    for (const excluded of options.excludeCredentials ?? []) {
      if (this.credentials.has(excluded.id)) {
        throw new Error('InvalidStateError: the authenticator already holds a listed credential');
      }
    }
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const rawId = randomBytes(32);
    const id = base64url(rawId);
    const counter = overrides.counter ?? 0;
    const credentialIdLength = Buffer.alloc(2);
    credentialIdLength.writeUInt16BE(rawId.length);
    const signCount = Buffer.alloc(4);
    signCount.writeUInt32BE(counter);
    const authData = Buffer.concat([
      sha256(rpId),
      Buffer.from([FLAG_USER_PRESENT | FLAG_USER_VERIFIED | FLAG_ATTESTED_CREDENTIAL]),
      signCount,
      Buffer.alloc(16), // AAGUID: all zero, as authenticators without attestation report
      credentialIdLength,
      rawId,
      coseKey(publicKey),
    ]);
    const attestationObject = encodeCbor(
      new Map<CborValue, CborValue>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    );
    this.credentials.set(id, {
      id,
      rpId,
      userHandle: options.user.id,
      privateKey,
      publicKey,
      counter,
    });
    const clientDataJSON = this.clientData(
      'webauthn.create',
      overrides.challenge ?? options.challenge,
      overrides.origin ?? this.origin,
    );
    return {
      id,
      rawId: id,
      type: 'public-key',
      response: {
        clientDataJSON: base64url(clientDataJSON),
        attestationObject: base64url(attestationObject),
        transports: ['internal', 'hybrid'],
      },
      authenticatorAttachment: 'platform',
      clientExtensionResults: { credProps: { rk: true } },
    };
  }

  /** navigator.credentials.get(): an assertion by an allowed (or any discoverable) credential. */
  get(options: RequestOptions, overrides: CeremonyOverrides = {}): AuthenticationResponse {
    const rpId = options.rpId ?? new URL(this.origin).hostname;
    const allowed = (options.allowCredentials ?? []).map((c) => c.id);
    const candidates = [...this.credentials.values()].filter(
      (c) => c.rpId === rpId && (allowed.length === 0 || allowed.includes(c.id)),
    );
    const credential = overrides.credentialId
      ? this.credentials.get(overrides.credentialId)
      : candidates[0];
    if (!credential) throw new Error('NotAllowedError: no credential for this request');
    credential.counter = overrides.counter ?? credential.counter + 1;
    const signCount = Buffer.alloc(4);
    signCount.writeUInt32BE(credential.counter);
    const authenticatorData = Buffer.concat([
      sha256(credential.rpId),
      Buffer.from([FLAG_USER_PRESENT | FLAG_USER_VERIFIED]),
      signCount,
    ]);
    const clientDataJSON = this.clientData(
      'webauthn.get',
      overrides.challenge ?? options.challenge,
      overrides.origin ?? this.origin,
    );
    const signed = Buffer.concat([authenticatorData, sha256(clientDataJSON)]);
    let signature = sign('sha256', signed, credential.privateKey);
    while (overrides.shortR && derRLength(signature) >= 32) {
      signature = sign('sha256', signed, credential.privateKey);
    }
    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key',
      response: {
        clientDataJSON: base64url(clientDataJSON),
        authenticatorData: base64url(authenticatorData),
        signature: base64url(signature),
        userHandle: credential.userHandle,
      },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }
}
