// Generated from internal/metadata/DelegationTokenRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../../io/codec-helpers.ts';
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface DelegationTokenRecord {
  /** The delegation token owner. */
  owner: string;
  /** The delegation token requester. */
  requester: string;
  /** The principals which can renew this token. */
  renewers: string[];
  /** The time at which this timestamp was issued. */
  issueTimestamp: bigint;
  /** The time at which this token cannot be renewed any more. */
  maxTimestamp: bigint;
  /** The next time at which this token must be renewed. */
  expirationTimestamp: bigint;
  /** The token id. */
  tokenId: string;
}

export function defaultDelegationTokenRecord(): DelegationTokenRecord {
  return {
    owner: "",
    requester: "",
    renewers: [],
    issueTimestamp: 0n,
    maxTimestamp: 0n,
    expirationTimestamp: 0n,
    tokenId: "",
  };
}

function writeDelegationTokenRecord(w: Writer, v: DelegationTokenRecord, version: number): void {
  w.compactString(v.owner);
  w.compactString(v.requester);
  w.unsignedVarint(v.renewers.length + 1); for (const item of v.renewers) { w.compactString(item); }
  w.int64(v.issueTimestamp);
  w.int64(v.maxTimestamp);
  w.int64(v.expirationTimestamp);
  w.compactString(v.tokenId);
  {
    w.unsignedVarint(0);
  }
}

function readDelegationTokenRecord(r: Reader, version: number): DelegationTokenRecord {
  let fOwner: string = "";
  fOwner = r.compactString();
  let fRequester: string = "";
  fRequester = r.compactString();
  let fRenewers: string[] = [];
  fRenewers = readCompactArray(r, 1, () => r.compactString());
  let fIssueTimestamp: bigint = 0n;
  fIssueTimestamp = r.int64();
  let fMaxTimestamp: bigint = 0n;
  fMaxTimestamp = r.int64();
  let fExpirationTimestamp: bigint = 0n;
  fExpirationTimestamp = r.int64();
  let fTokenId: string = "";
  fTokenId = r.compactString();
  r.taggedFields();
  return { owner: fOwner, requester: fRequester, renewers: fRenewers, issueTimestamp: fIssueTimestamp, maxTimestamp: fMaxTimestamp, expirationTimestamp: fExpirationTimestamp, tokenId: fTokenId };
}

/** The record type of DelegationTokenRecord in the metadata log (MetadataRecordSerde's api key). */
export const delegationTokenRecordApiKey = 10;

/** The versions of DelegationTokenRecord this codec reads and writes. */
export const delegationTokenRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkDelegationTokenRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `DelegationTokenRecord version ${version} is outside 0-0`);
  }
}

export function encodeDelegationTokenRecord(w: Writer, value: DelegationTokenRecord, version: number): void {
  checkDelegationTokenRecordVersion(version);
  writeDelegationTokenRecord(w, value, version);
}

export function decodeDelegationTokenRecord(r: Reader, version: number): DelegationTokenRecord {
  checkDelegationTokenRecordVersion(version);
  return readDelegationTokenRecord(r, version);
}
