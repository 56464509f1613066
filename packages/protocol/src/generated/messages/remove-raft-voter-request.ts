// Generated from RemoveRaftVoterRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface RemoveRaftVoterRequest {
  clusterId: string | null;
  /** The replica id of the voter getting removed from the topic partition */
  voterId: number;
  /** The directory id of the voter getting removed from the topic partition */
  voterDirectoryId: string;
}

export function defaultRemoveRaftVoterRequest(): RemoveRaftVoterRequest {
  return {
    clusterId: "",
    voterId: 0,
    voterDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
  };
}

function writeRemoveRaftVoterRequest(w: Writer, v: RemoveRaftVoterRequest, version: number): void {
  w.compactNullableString(v.clusterId);
  w.int32(v.voterId);
  w.uuid(v.voterDirectoryId);
  {
    w.unsignedVarint(0);
  }
}

function readRemoveRaftVoterRequest(r: Reader, version: number): RemoveRaftVoterRequest {
  let fClusterId: string | null = "";
  fClusterId = r.compactNullableString();
  let fVoterId: number = 0;
  fVoterId = r.int32();
  let fVoterDirectoryId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fVoterDirectoryId = r.uuid();
  r.taggedFields();
  return { clusterId: fClusterId, voterId: fVoterId, voterDirectoryId: fVoterDirectoryId };
}

/** The versions of RemoveRaftVoterRequest this codec reads and writes. */
export const removeRaftVoterRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkRemoveRaftVoterRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `RemoveRaftVoterRequest version ${version} is outside 0-0`);
  }
}

export function encodeRemoveRaftVoterRequest(w: Writer, value: RemoveRaftVoterRequest, version: number): void {
  checkRemoveRaftVoterRequestVersion(version);
  writeRemoveRaftVoterRequest(w, value, version);
}

export function decodeRemoveRaftVoterRequest(r: Reader, version: number): RemoveRaftVoterRequest {
  checkRemoveRaftVoterRequestVersion(version);
  return readRemoveRaftVoterRequest(r, version);
}
