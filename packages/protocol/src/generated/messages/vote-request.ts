// Generated from VoteRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface VoteRequestPartitionData {
  /** The partition index. */
  partitionIndex: number;
  /** The bumped epoch of the candidate sending the request */
  candidateEpoch: number;
  /** The replica id of the voter sending the request */
  candidateId: number;
  /** The directory id of the voter sending the request */
  candidateDirectoryId: string;
  /** The ID of the voter sending the request */
  voterDirectoryId: string;
  /** The epoch of the last record written to the metadata log */
  lastOffsetEpoch: number;
  /** The offset of the last record written to the metadata log */
  lastOffset: bigint;
}

export function defaultVoteRequestPartitionData(): VoteRequestPartitionData {
  return {
    partitionIndex: 0,
    candidateEpoch: 0,
    candidateId: 0,
    candidateDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
    voterDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
    lastOffsetEpoch: 0,
    lastOffset: 0n,
  };
}

function writeVoteRequestPartitionData(w: Writer, v: VoteRequestPartitionData, version: number): void {
  w.int32(v.partitionIndex);
  w.int32(v.candidateEpoch);
  w.int32(v.candidateId);
  if (version >= 1) { w.uuid(v.candidateDirectoryId); }
  if (version >= 1) { w.uuid(v.voterDirectoryId); }
  w.int32(v.lastOffsetEpoch);
  w.int64(v.lastOffset);
  {
    w.unsignedVarint(0);
  }
}

function readVoteRequestPartitionData(r: Reader, version: number): VoteRequestPartitionData {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fCandidateEpoch: number = 0;
  fCandidateEpoch = r.int32();
  let fCandidateId: number = 0;
  fCandidateId = r.int32();
  let fCandidateDirectoryId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  if (version >= 1) { fCandidateDirectoryId = r.uuid(); }
  let fVoterDirectoryId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  if (version >= 1) { fVoterDirectoryId = r.uuid(); }
  let fLastOffsetEpoch: number = 0;
  fLastOffsetEpoch = r.int32();
  let fLastOffset: bigint = 0n;
  fLastOffset = r.int64();
  r.taggedFields();
  return { partitionIndex: fPartitionIndex, candidateEpoch: fCandidateEpoch, candidateId: fCandidateId, candidateDirectoryId: fCandidateDirectoryId, voterDirectoryId: fVoterDirectoryId, lastOffsetEpoch: fLastOffsetEpoch, lastOffset: fLastOffset };
}

export interface VoteRequestTopicData {
  /** The topic name. */
  topicName: string;
  partitions: VoteRequestPartitionData[];
}

export function defaultVoteRequestTopicData(): VoteRequestTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

function writeVoteRequestTopicData(w: Writer, v: VoteRequestTopicData, version: number): void {
  w.compactString(v.topicName);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeVoteRequestPartitionData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readVoteRequestTopicData(r: Reader, version: number): VoteRequestTopicData {
  let fTopicName: string = "";
  fTopicName = r.compactString();
  let fPartitions: VoteRequestPartitionData[] = [];
  fPartitions = readCompactArray(r, 1, () => readVoteRequestPartitionData(r, version));
  r.taggedFields();
  return { topicName: fTopicName, partitions: fPartitions };
}

export interface VoteRequest {
  clusterId: string | null;
  /** The replica id of the voter receiving the request */
  voterId: number;
  topics: VoteRequestTopicData[];
}

export function defaultVoteRequest(): VoteRequest {
  return {
    clusterId: null,
    voterId: -1,
    topics: [],
  };
}

function writeVoteRequest(w: Writer, v: VoteRequest, version: number): void {
  w.compactNullableString(v.clusterId);
  if (version >= 1) { w.int32(v.voterId); }
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeVoteRequestTopicData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readVoteRequest(r: Reader, version: number): VoteRequest {
  let fClusterId: string | null = null;
  fClusterId = r.compactNullableString();
  let fVoterId: number = -1;
  if (version >= 1) { fVoterId = r.int32(); }
  let fTopics: VoteRequestTopicData[] = [];
  fTopics = readCompactArray(r, 1, () => readVoteRequestTopicData(r, version));
  r.taggedFields();
  return { clusterId: fClusterId, voterId: fVoterId, topics: fTopics };
}

/** The versions of VoteRequest this codec reads and writes. */
export const voteRequestVersions = { min: 0, max: 1, firstFlexible: 0 } as const;

function checkVoteRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `VoteRequest version ${version} is outside 0-1`);
  }
}

export function encodeVoteRequest(w: Writer, value: VoteRequest, version: number): void {
  checkVoteRequestVersion(version);
  writeVoteRequest(w, value, version);
}

export function decodeVoteRequest(r: Reader, version: number): VoteRequest {
  checkVoteRequestVersion(version);
  return readVoteRequest(r, version);
}
