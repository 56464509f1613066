// Generated from ExpireDelegationTokenRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ExpireDelegationTokenRequest {
  /** The HMAC of the delegation token to be expired. */
  hmac: Buffer;
  /** The expiry time period in milliseconds. */
  expiryTimePeriodMs: bigint;
}

export function defaultExpireDelegationTokenRequest(): ExpireDelegationTokenRequest {
  return {
    hmac: Buffer.alloc(0),
    expiryTimePeriodMs: 0n,
  };
}

function writeExpireDelegationTokenRequest(w: Writer, v: ExpireDelegationTokenRequest, version: number): void {
  if (version >= 2) { w.compactBytes(v.hmac); } else { w.bytes(v.hmac); }
  w.int64(v.expiryTimePeriodMs);
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readExpireDelegationTokenRequest(r: Reader, version: number): ExpireDelegationTokenRequest {
  let fHmac: Buffer = Buffer.alloc(0);
  if (version >= 2) { fHmac = r.compactBytes(); } else { fHmac = r.bytes(); }
  let fExpiryTimePeriodMs: bigint = 0n;
  fExpiryTimePeriodMs = r.int64();
  if (version >= 2) r.taggedFields();
  return { hmac: fHmac, expiryTimePeriodMs: fExpiryTimePeriodMs };
}

/** The versions of ExpireDelegationTokenRequest this codec reads and writes. */
export const expireDelegationTokenRequestVersions = { min: 0, max: 2, firstFlexible: 2 } as const;

function checkExpireDelegationTokenRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `ExpireDelegationTokenRequest version ${version} is outside 0-2`);
  }
}

export function encodeExpireDelegationTokenRequest(w: Writer, value: ExpireDelegationTokenRequest, version: number): void {
  checkExpireDelegationTokenRequestVersion(version);
  writeExpireDelegationTokenRequest(w, value, version);
}

export function decodeExpireDelegationTokenRequest(r: Reader, version: number): ExpireDelegationTokenRequest {
  checkExpireDelegationTokenRequestVersion(version);
  return readExpireDelegationTokenRequest(r, version);
}
