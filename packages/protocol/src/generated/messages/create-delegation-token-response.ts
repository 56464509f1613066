// Generated from CreateDelegationTokenResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface CreateDelegationTokenResponse {
  /** The top-level error, or zero if there was no error. */
  errorCode: number;
  /** The principal type of the token owner. */
  principalType: string;
  /** The name of the token owner. */
  principalName: string;
  /** The principal type of the requester of the token. */
  tokenRequesterPrincipalType: string;
  /** The principal type of the requester of the token. */
  tokenRequesterPrincipalName: string;
  /** When this token was generated. */
  issueTimestampMs: bigint;
  /** When this token expires. */
  expiryTimestampMs: bigint;
  /** The maximum lifetime of this token. */
  maxTimestampMs: bigint;
  /** The token UUID. */
  tokenId: string;
  /** HMAC of the delegation token. */
  hmac: Buffer;
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
}

export function defaultCreateDelegationTokenResponse(): CreateDelegationTokenResponse {
  return {
    errorCode: 0,
    principalType: "",
    principalName: "",
    tokenRequesterPrincipalType: "",
    tokenRequesterPrincipalName: "",
    issueTimestampMs: 0n,
    expiryTimestampMs: 0n,
    maxTimestampMs: 0n,
    tokenId: "",
    hmac: Buffer.alloc(0),
    throttleTimeMs: 0,
  };
}

function writeCreateDelegationTokenResponse(w: Writer, v: CreateDelegationTokenResponse, version: number): void {
  w.int16(v.errorCode);
  if (version >= 2) { w.compactString(v.principalType); } else { w.string(v.principalType); }
  if (version >= 2) { w.compactString(v.principalName); } else { w.string(v.principalName); }
  if (version >= 3) { w.compactString(v.tokenRequesterPrincipalType); }
  if (version >= 3) { w.compactString(v.tokenRequesterPrincipalName); }
  w.int64(v.issueTimestampMs);
  w.int64(v.expiryTimestampMs);
  w.int64(v.maxTimestampMs);
  if (version >= 2) { w.compactString(v.tokenId); } else { w.string(v.tokenId); }
  if (version >= 2) { w.compactBytes(v.hmac); } else { w.bytes(v.hmac); }
  w.int32(v.throttleTimeMs);
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readCreateDelegationTokenResponse(r: Reader, version: number): CreateDelegationTokenResponse {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fPrincipalType: string = "";
  if (version >= 2) { fPrincipalType = r.compactString(); } else { fPrincipalType = r.string(); }
  let fPrincipalName: string = "";
  if (version >= 2) { fPrincipalName = r.compactString(); } else { fPrincipalName = r.string(); }
  let fTokenRequesterPrincipalType: string = "";
  if (version >= 3) { fTokenRequesterPrincipalType = r.compactString(); }
  let fTokenRequesterPrincipalName: string = "";
  if (version >= 3) { fTokenRequesterPrincipalName = r.compactString(); }
  let fIssueTimestampMs: bigint = 0n;
  fIssueTimestampMs = r.int64();
  let fExpiryTimestampMs: bigint = 0n;
  fExpiryTimestampMs = r.int64();
  let fMaxTimestampMs: bigint = 0n;
  fMaxTimestampMs = r.int64();
  let fTokenId: string = "";
  if (version >= 2) { fTokenId = r.compactString(); } else { fTokenId = r.string(); }
  let fHmac: Buffer = Buffer.alloc(0);
  if (version >= 2) { fHmac = r.compactBytes(); } else { fHmac = r.bytes(); }
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  if (version >= 2) r.taggedFields();
  return { errorCode: fErrorCode, principalType: fPrincipalType, principalName: fPrincipalName, tokenRequesterPrincipalType: fTokenRequesterPrincipalType, tokenRequesterPrincipalName: fTokenRequesterPrincipalName, issueTimestampMs: fIssueTimestampMs, expiryTimestampMs: fExpiryTimestampMs, maxTimestampMs: fMaxTimestampMs, tokenId: fTokenId, hmac: fHmac, throttleTimeMs: fThrottleTimeMs };
}

/** The versions of CreateDelegationTokenResponse this codec reads and writes. */
export const createDelegationTokenResponseVersions = { min: 0, max: 3, firstFlexible: 2 } as const;

function checkCreateDelegationTokenResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 3) {
    throw new ProtocolError('unsupported', `CreateDelegationTokenResponse version ${version} is outside 0-3`);
  }
}

export function encodeCreateDelegationTokenResponse(w: Writer, value: CreateDelegationTokenResponse, version: number): void {
  checkCreateDelegationTokenResponseVersion(version);
  writeCreateDelegationTokenResponse(w, value, version);
}

export function decodeCreateDelegationTokenResponse(r: Reader, version: number): CreateDelegationTokenResponse {
  checkCreateDelegationTokenResponseVersion(version);
  return readCreateDelegationTokenResponse(r, version);
}
