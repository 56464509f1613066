// Generated from DescribeDelegationTokenResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeDelegationTokenResponseDescribedDelegationTokenRenewer {
  /** The renewer principal type */
  principalType: string;
  /** The renewer principal name */
  principalName: string;
}

export function defaultDescribeDelegationTokenResponseDescribedDelegationTokenRenewer(): DescribeDelegationTokenResponseDescribedDelegationTokenRenewer {
  return {
    principalType: "",
    principalName: "",
  };
}

function writeDescribeDelegationTokenResponseDescribedDelegationTokenRenewer(w: Writer, v: DescribeDelegationTokenResponseDescribedDelegationTokenRenewer, version: number): void {
  if (version >= 2) { w.compactString(v.principalType); } else { w.string(v.principalType); }
  if (version >= 2) { w.compactString(v.principalName); } else { w.string(v.principalName); }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDescribeDelegationTokenResponseDescribedDelegationTokenRenewer(r: Reader, version: number): DescribeDelegationTokenResponseDescribedDelegationTokenRenewer {
  let fPrincipalType: string = "";
  if (version >= 2) { fPrincipalType = r.compactString(); } else { fPrincipalType = r.string(); }
  let fPrincipalName: string = "";
  if (version >= 2) { fPrincipalName = r.compactString(); } else { fPrincipalName = r.string(); }
  if (version >= 2) r.taggedFields();
  return { principalType: fPrincipalType, principalName: fPrincipalName };
}

export interface DescribeDelegationTokenResponseDescribedDelegationToken {
  /** The token principal type. */
  principalType: string;
  /** The token principal name. */
  principalName: string;
  /** The principal type of the requester of the token. */
  tokenRequesterPrincipalType: string;
  /** The principal type of the requester of the token. */
  tokenRequesterPrincipalName: string;
  /** The token issue timestamp in milliseconds. */
  issueTimestamp: bigint;
  /** The token expiry timestamp in milliseconds. */
  expiryTimestamp: bigint;
  /** The token maximum timestamp length in milliseconds. */
  maxTimestamp: bigint;
  /** The token ID. */
  tokenId: string;
  /** The token HMAC. */
  hmac: Buffer;
  /** Those who are able to renew this token before it expires. */
  renewers: DescribeDelegationTokenResponseDescribedDelegationTokenRenewer[];
}

export function defaultDescribeDelegationTokenResponseDescribedDelegationToken(): DescribeDelegationTokenResponseDescribedDelegationToken {
  return {
    principalType: "",
    principalName: "",
    tokenRequesterPrincipalType: "",
    tokenRequesterPrincipalName: "",
    issueTimestamp: 0n,
    expiryTimestamp: 0n,
    maxTimestamp: 0n,
    tokenId: "",
    hmac: Buffer.alloc(0),
    renewers: [],
  };
}

function writeDescribeDelegationTokenResponseDescribedDelegationToken(w: Writer, v: DescribeDelegationTokenResponseDescribedDelegationToken, version: number): void {
  if (version >= 2) { w.compactString(v.principalType); } else { w.string(v.principalType); }
  if (version >= 2) { w.compactString(v.principalName); } else { w.string(v.principalName); }
  if (version >= 3) { w.compactString(v.tokenRequesterPrincipalType); }
  if (version >= 3) { w.compactString(v.tokenRequesterPrincipalName); }
  w.int64(v.issueTimestamp);
  w.int64(v.expiryTimestamp);
  w.int64(v.maxTimestamp);
  if (version >= 2) { w.compactString(v.tokenId); } else { w.string(v.tokenId); }
  if (version >= 2) { w.compactBytes(v.hmac); } else { w.bytes(v.hmac); }
  if (version >= 2) { w.unsignedVarint(v.renewers.length + 1); for (const item of v.renewers) { writeDescribeDelegationTokenResponseDescribedDelegationTokenRenewer(w, item, version); } } else { w.int32(v.renewers.length); for (const item of v.renewers) { writeDescribeDelegationTokenResponseDescribedDelegationTokenRenewer(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDescribeDelegationTokenResponseDescribedDelegationToken(r: Reader, version: number): DescribeDelegationTokenResponseDescribedDelegationToken {
  let fPrincipalType: string = "";
  if (version >= 2) { fPrincipalType = r.compactString(); } else { fPrincipalType = r.string(); }
  let fPrincipalName: string = "";
  if (version >= 2) { fPrincipalName = r.compactString(); } else { fPrincipalName = r.string(); }
  let fTokenRequesterPrincipalType: string = "";
  if (version >= 3) { fTokenRequesterPrincipalType = r.compactString(); }
  let fTokenRequesterPrincipalName: string = "";
  if (version >= 3) { fTokenRequesterPrincipalName = r.compactString(); }
  let fIssueTimestamp: bigint = 0n;
  fIssueTimestamp = r.int64();
  let fExpiryTimestamp: bigint = 0n;
  fExpiryTimestamp = r.int64();
  let fMaxTimestamp: bigint = 0n;
  fMaxTimestamp = r.int64();
  let fTokenId: string = "";
  if (version >= 2) { fTokenId = r.compactString(); } else { fTokenId = r.string(); }
  let fHmac: Buffer = Buffer.alloc(0);
  if (version >= 2) { fHmac = r.compactBytes(); } else { fHmac = r.bytes(); }
  let fRenewers: DescribeDelegationTokenResponseDescribedDelegationTokenRenewer[] = [];
  if (version >= 2) { fRenewers = readCompactArray(r, 1, () => readDescribeDelegationTokenResponseDescribedDelegationTokenRenewer(r, version)); } else { fRenewers = readArray(r, 1, () => readDescribeDelegationTokenResponseDescribedDelegationTokenRenewer(r, version)); }
  if (version >= 2) r.taggedFields();
  return { principalType: fPrincipalType, principalName: fPrincipalName, tokenRequesterPrincipalType: fTokenRequesterPrincipalType, tokenRequesterPrincipalName: fTokenRequesterPrincipalName, issueTimestamp: fIssueTimestamp, expiryTimestamp: fExpiryTimestamp, maxTimestamp: fMaxTimestamp, tokenId: fTokenId, hmac: fHmac, renewers: fRenewers };
}

export interface DescribeDelegationTokenResponse {
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The tokens. */
  tokens: DescribeDelegationTokenResponseDescribedDelegationToken[];
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
}

export function defaultDescribeDelegationTokenResponse(): DescribeDelegationTokenResponse {
  return {
    errorCode: 0,
    tokens: [],
    throttleTimeMs: 0,
  };
}

function writeDescribeDelegationTokenResponse(w: Writer, v: DescribeDelegationTokenResponse, version: number): void {
  w.int16(v.errorCode);
  if (version >= 2) { w.unsignedVarint(v.tokens.length + 1); for (const item of v.tokens) { writeDescribeDelegationTokenResponseDescribedDelegationToken(w, item, version); } } else { w.int32(v.tokens.length); for (const item of v.tokens) { writeDescribeDelegationTokenResponseDescribedDelegationToken(w, item, version); } }
  w.int32(v.throttleTimeMs);
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDescribeDelegationTokenResponse(r: Reader, version: number): DescribeDelegationTokenResponse {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fTokens: DescribeDelegationTokenResponseDescribedDelegationToken[] = [];
  if (version >= 2) { fTokens = readCompactArray(r, 1, () => readDescribeDelegationTokenResponseDescribedDelegationToken(r, version)); } else { fTokens = readArray(r, 1, () => readDescribeDelegationTokenResponseDescribedDelegationToken(r, version)); }
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  if (version >= 2) r.taggedFields();
  return { errorCode: fErrorCode, tokens: fTokens, throttleTimeMs: fThrottleTimeMs };
}

/** The versions of DescribeDelegationTokenResponse this codec reads and writes. */
export const describeDelegationTokenResponseVersions = { min: 0, max: 3, firstFlexible: 2 } as const;

function checkDescribeDelegationTokenResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 3) {
    throw new ProtocolError('unsupported', `DescribeDelegationTokenResponse version ${version} is outside 0-3`);
  }
}

export function encodeDescribeDelegationTokenResponse(w: Writer, value: DescribeDelegationTokenResponse, version: number): void {
  checkDescribeDelegationTokenResponseVersion(version);
  writeDescribeDelegationTokenResponse(w, value, version);
}

export function decodeDescribeDelegationTokenResponse(r: Reader, version: number): DescribeDelegationTokenResponse {
  checkDescribeDelegationTokenResponseVersion(version);
  return readDescribeDelegationTokenResponse(r, version);
}
