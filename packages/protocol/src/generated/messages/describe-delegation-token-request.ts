// Generated from DescribeDelegationTokenRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArrayNullable, readCompactArrayNullable } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeDelegationTokenRequestDescribeDelegationTokenOwner {
  /** The owner principal type. */
  principalType: string;
  /** The owner principal name. */
  principalName: string;
}

export function defaultDescribeDelegationTokenRequestDescribeDelegationTokenOwner(): DescribeDelegationTokenRequestDescribeDelegationTokenOwner {
  return {
    principalType: "",
    principalName: "",
  };
}

function writeDescribeDelegationTokenRequestDescribeDelegationTokenOwner(w: Writer, v: DescribeDelegationTokenRequestDescribeDelegationTokenOwner, version: number): void {
  if (version >= 2) { w.compactString(v.principalType); } else { w.string(v.principalType); }
  if (version >= 2) { w.compactString(v.principalName); } else { w.string(v.principalName); }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDescribeDelegationTokenRequestDescribeDelegationTokenOwner(r: Reader, version: number): DescribeDelegationTokenRequestDescribeDelegationTokenOwner {
  let fPrincipalType: string = "";
  if (version >= 2) { fPrincipalType = r.compactString(); } else { fPrincipalType = r.string(); }
  let fPrincipalName: string = "";
  if (version >= 2) { fPrincipalName = r.compactString(); } else { fPrincipalName = r.string(); }
  if (version >= 2) r.taggedFields();
  return { principalType: fPrincipalType, principalName: fPrincipalName };
}

export interface DescribeDelegationTokenRequest {
  /** Each owner that we want to describe delegation tokens for, or null to describe all tokens. */
  owners: DescribeDelegationTokenRequestDescribeDelegationTokenOwner[] | null;
}

export function defaultDescribeDelegationTokenRequest(): DescribeDelegationTokenRequest {
  return {
    owners: [],
  };
}

function writeDescribeDelegationTokenRequest(w: Writer, v: DescribeDelegationTokenRequest, version: number): void {
  if (version >= 2) { if (v.owners === null) w.unsignedVarint(0); else { w.unsignedVarint(v.owners.length + 1); for (const item of v.owners) { writeDescribeDelegationTokenRequestDescribeDelegationTokenOwner(w, item, version); } } } else { if (v.owners === null) w.int32(-1); else { w.int32(v.owners.length); for (const item of v.owners) { writeDescribeDelegationTokenRequestDescribeDelegationTokenOwner(w, item, version); } } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDescribeDelegationTokenRequest(r: Reader, version: number): DescribeDelegationTokenRequest {
  let fOwners: DescribeDelegationTokenRequestDescribeDelegationTokenOwner[] | null = [];
  if (version >= 2) { fOwners = readCompactArrayNullable(r, 1, () => readDescribeDelegationTokenRequestDescribeDelegationTokenOwner(r, version)); } else { fOwners = readArrayNullable(r, 1, () => readDescribeDelegationTokenRequestDescribeDelegationTokenOwner(r, version)); }
  if (version >= 2) r.taggedFields();
  return { owners: fOwners };
}

/** The versions of DescribeDelegationTokenRequest this codec reads and writes. */
export const describeDelegationTokenRequestVersions = { min: 0, max: 3, firstFlexible: 2 } as const;

function checkDescribeDelegationTokenRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 3) {
    throw new ProtocolError('unsupported', `DescribeDelegationTokenRequest version ${version} is outside 0-3`);
  }
}

export function encodeDescribeDelegationTokenRequest(w: Writer, value: DescribeDelegationTokenRequest, version: number): void {
  checkDescribeDelegationTokenRequestVersion(version);
  writeDescribeDelegationTokenRequest(w, value, version);
}

export function decodeDescribeDelegationTokenRequest(r: Reader, version: number): DescribeDelegationTokenRequest {
  checkDescribeDelegationTokenRequestVersion(version);
  return readDescribeDelegationTokenRequest(r, version);
}
