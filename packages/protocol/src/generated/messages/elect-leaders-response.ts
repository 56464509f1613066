// Generated from ElectLeadersResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ElectLeadersResponsePartitionResult {
  /** The partition id */
  partitionId: number;
  /** The result error, or zero if there was no error. */
  errorCode: number;
  /** The result message, or null if there was no error. */
  errorMessage: string | null;
}

export function defaultElectLeadersResponsePartitionResult(): ElectLeadersResponsePartitionResult {
  return {
    partitionId: 0,
    errorCode: 0,
    errorMessage: "",
  };
}

function writeElectLeadersResponsePartitionResult(w: Writer, v: ElectLeadersResponsePartitionResult, version: number): void {
  w.int32(v.partitionId);
  w.int16(v.errorCode);
  if (version >= 2) { w.compactNullableString(v.errorMessage); } else { w.nullableString(v.errorMessage); }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readElectLeadersResponsePartitionResult(r: Reader, version: number): ElectLeadersResponsePartitionResult {
  let fPartitionId: number = 0;
  fPartitionId = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  if (version >= 2) { fErrorMessage = r.compactNullableString(); } else { fErrorMessage = r.nullableString(); }
  if (version >= 2) r.taggedFields();
  return { partitionId: fPartitionId, errorCode: fErrorCode, errorMessage: fErrorMessage };
}

export interface ElectLeadersResponseReplicaElectionResult {
  /** The topic name */
  topic: string;
  /** The results for each partition */
  partitionResult: ElectLeadersResponsePartitionResult[];
}

export function defaultElectLeadersResponseReplicaElectionResult(): ElectLeadersResponseReplicaElectionResult {
  return {
    topic: "",
    partitionResult: [],
  };
}

function writeElectLeadersResponseReplicaElectionResult(w: Writer, v: ElectLeadersResponseReplicaElectionResult, version: number): void {
  if (version >= 2) { w.compactString(v.topic); } else { w.string(v.topic); }
  if (version >= 2) { w.unsignedVarint(v.partitionResult.length + 1); for (const item of v.partitionResult) { writeElectLeadersResponsePartitionResult(w, item, version); } } else { w.int32(v.partitionResult.length); for (const item of v.partitionResult) { writeElectLeadersResponsePartitionResult(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readElectLeadersResponseReplicaElectionResult(r: Reader, version: number): ElectLeadersResponseReplicaElectionResult {
  let fTopic: string = "";
  if (version >= 2) { fTopic = r.compactString(); } else { fTopic = r.string(); }
  let fPartitionResult: ElectLeadersResponsePartitionResult[] = [];
  if (version >= 2) { fPartitionResult = readCompactArray(r, 1, () => readElectLeadersResponsePartitionResult(r, version)); } else { fPartitionResult = readArray(r, 1, () => readElectLeadersResponsePartitionResult(r, version)); }
  if (version >= 2) r.taggedFields();
  return { topic: fTopic, partitionResult: fPartitionResult };
}

export interface ElectLeadersResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The top level response error code. */
  errorCode: number;
  /** The election results, or an empty array if the requester did not have permission and the request asks for all partitions. */
  replicaElectionResults: ElectLeadersResponseReplicaElectionResult[];
}

export function defaultElectLeadersResponse(): ElectLeadersResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    replicaElectionResults: [],
  };
}

function writeElectLeadersResponse(w: Writer, v: ElectLeadersResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  if (version >= 1) { w.int16(v.errorCode); }
  if (version >= 2) { w.unsignedVarint(v.replicaElectionResults.length + 1); for (const item of v.replicaElectionResults) { writeElectLeadersResponseReplicaElectionResult(w, item, version); } } else { w.int32(v.replicaElectionResults.length); for (const item of v.replicaElectionResults) { writeElectLeadersResponseReplicaElectionResult(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readElectLeadersResponse(r: Reader, version: number): ElectLeadersResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  if (version >= 1) { fErrorCode = r.int16(); }
  let fReplicaElectionResults: ElectLeadersResponseReplicaElectionResult[] = [];
  if (version >= 2) { fReplicaElectionResults = readCompactArray(r, 1, () => readElectLeadersResponseReplicaElectionResult(r, version)); } else { fReplicaElectionResults = readArray(r, 1, () => readElectLeadersResponseReplicaElectionResult(r, version)); }
  if (version >= 2) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, replicaElectionResults: fReplicaElectionResults };
}

/** The versions of ElectLeadersResponse this codec reads and writes. */
export const electLeadersResponseVersions = { min: 0, max: 2, firstFlexible: 2 } as const;

function checkElectLeadersResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `ElectLeadersResponse version ${version} is outside 0-2`);
  }
}

export function encodeElectLeadersResponse(w: Writer, value: ElectLeadersResponse, version: number): void {
  checkElectLeadersResponseVersion(version);
  writeElectLeadersResponse(w, value, version);
}

export function decodeElectLeadersResponse(r: Reader, version: number): ElectLeadersResponse {
  checkElectLeadersResponseVersion(version);
  return readElectLeadersResponse(r, version);
}
