// Generated from RenewDelegationTokenRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface RenewDelegationTokenRequest {
  /** The HMAC of the delegation token to be renewed. */
  hmac: Buffer;
  /** The renewal time period in milliseconds. */
  renewPeriodMs: bigint;
}

export function defaultRenewDelegationTokenRequest(): RenewDelegationTokenRequest {
  return {
    hmac: Buffer.alloc(0),
    renewPeriodMs: 0n,
  };
}

function writeRenewDelegationTokenRequest(w: Writer, v: RenewDelegationTokenRequest, version: number): void {
  if (version >= 2) { w.compactBytes(v.hmac); } else { w.bytes(v.hmac); }
  w.int64(v.renewPeriodMs);
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readRenewDelegationTokenRequest(r: Reader, version: number): RenewDelegationTokenRequest {
  let fHmac: Buffer = Buffer.alloc(0);
  if (version >= 2) { fHmac = r.compactBytes(); } else { fHmac = r.bytes(); }
  let fRenewPeriodMs: bigint = 0n;
  fRenewPeriodMs = r.int64();
  if (version >= 2) r.taggedFields();
  return { hmac: fHmac, renewPeriodMs: fRenewPeriodMs };
}

/** The versions of RenewDelegationTokenRequest this codec reads and writes. */
export const renewDelegationTokenRequestVersions = { min: 0, max: 2, firstFlexible: 2 } as const;

function checkRenewDelegationTokenRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `RenewDelegationTokenRequest version ${version} is outside 0-2`);
  }
}

export function encodeRenewDelegationTokenRequest(w: Writer, value: RenewDelegationTokenRequest, version: number): void {
  checkRenewDelegationTokenRequestVersion(version);
  writeRenewDelegationTokenRequest(w, value, version);
}

export function decodeRenewDelegationTokenRequest(r: Reader, version: number): RenewDelegationTokenRequest {
  checkRenewDelegationTokenRequestVersion(version);
  return readRenewDelegationTokenRequest(r, version);
}
