// Generated from CreateDelegationTokenRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface CreateDelegationTokenRequestCreatableRenewers {
  /** The type of the Kafka principal. */
  principalType: string;
  /** The name of the Kafka principal. */
  principalName: string;
}

export function defaultCreateDelegationTokenRequestCreatableRenewers(): CreateDelegationTokenRequestCreatableRenewers {
  return {
    principalType: "",
    principalName: "",
  };
}

function writeCreateDelegationTokenRequestCreatableRenewers(w: Writer, v: CreateDelegationTokenRequestCreatableRenewers, version: number): void {
  if (version >= 2) { w.compactString(v.principalType); } else { w.string(v.principalType); }
  if (version >= 2) { w.compactString(v.principalName); } else { w.string(v.principalName); }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readCreateDelegationTokenRequestCreatableRenewers(r: Reader, version: number): CreateDelegationTokenRequestCreatableRenewers {
  let fPrincipalType: string = "";
  if (version >= 2) { fPrincipalType = r.compactString(); } else { fPrincipalType = r.string(); }
  let fPrincipalName: string = "";
  if (version >= 2) { fPrincipalName = r.compactString(); } else { fPrincipalName = r.string(); }
  if (version >= 2) r.taggedFields();
  return { principalType: fPrincipalType, principalName: fPrincipalName };
}

export interface CreateDelegationTokenRequest {
  /** The principal type of the owner of the token. If it's null it defaults to the token request principal. */
  ownerPrincipalType: string | null;
  /** The principal name of the owner of the token. If it's null it defaults to the token request principal. */
  ownerPrincipalName: string | null;
  /** A list of those who are allowed to renew this token before it expires. */
  renewers: CreateDelegationTokenRequestCreatableRenewers[];
  /** The maximum lifetime of the token in milliseconds, or -1 to use the server side default. */
  maxLifetimeMs: bigint;
}

export function defaultCreateDelegationTokenRequest(): CreateDelegationTokenRequest {
  return {
    ownerPrincipalType: "",
    ownerPrincipalName: "",
    renewers: [],
    maxLifetimeMs: 0n,
  };
}

function writeCreateDelegationTokenRequest(w: Writer, v: CreateDelegationTokenRequest, version: number): void {
  if (version >= 3) { w.compactNullableString(v.ownerPrincipalType); }
  if (version >= 3) { w.compactNullableString(v.ownerPrincipalName); }
  if (version >= 2) { w.unsignedVarint(v.renewers.length + 1); for (const item of v.renewers) { writeCreateDelegationTokenRequestCreatableRenewers(w, item, version); } } else { w.int32(v.renewers.length); for (const item of v.renewers) { writeCreateDelegationTokenRequestCreatableRenewers(w, item, version); } }
  w.int64(v.maxLifetimeMs);
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readCreateDelegationTokenRequest(r: Reader, version: number): CreateDelegationTokenRequest {
  let fOwnerPrincipalType: string | null = "";
  if (version >= 3) { fOwnerPrincipalType = r.compactNullableString(); }
  let fOwnerPrincipalName: string | null = "";
  if (version >= 3) { fOwnerPrincipalName = r.compactNullableString(); }
  let fRenewers: CreateDelegationTokenRequestCreatableRenewers[] = [];
  if (version >= 2) { fRenewers = readCompactArray(r, 1, () => readCreateDelegationTokenRequestCreatableRenewers(r, version)); } else { fRenewers = readArray(r, 1, () => readCreateDelegationTokenRequestCreatableRenewers(r, version)); }
  let fMaxLifetimeMs: bigint = 0n;
  fMaxLifetimeMs = r.int64();
  if (version >= 2) r.taggedFields();
  return { ownerPrincipalType: fOwnerPrincipalType, ownerPrincipalName: fOwnerPrincipalName, renewers: fRenewers, maxLifetimeMs: fMaxLifetimeMs };
}

/** The versions of CreateDelegationTokenRequest this codec reads and writes. */
export const createDelegationTokenRequestVersions = { min: 0, max: 3, firstFlexible: 2 } as const;

function checkCreateDelegationTokenRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 3) {
    throw new ProtocolError('unsupported', `CreateDelegationTokenRequest version ${version} is outside 0-3`);
  }
}

export function encodeCreateDelegationTokenRequest(w: Writer, value: CreateDelegationTokenRequest, version: number): void {
  checkCreateDelegationTokenRequestVersion(version);
  writeCreateDelegationTokenRequest(w, value, version);
}

export function decodeCreateDelegationTokenRequest(r: Reader, version: number): CreateDelegationTokenRequest {
  checkCreateDelegationTokenRequestVersion(version);
  return readCreateDelegationTokenRequest(r, version);
}
