// Generated from AlterPartitionReassignmentsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface AlterPartitionReassignmentsResponseReassignablePartitionResponse {
  /** The partition index. */
  partitionIndex: number;
  /** The error code for this partition, or 0 if there was no error. */
  errorCode: number;
  /** The error message for this partition, or null if there was no error. */
  errorMessage: string | null;
}

export function defaultAlterPartitionReassignmentsResponseReassignablePartitionResponse(): AlterPartitionReassignmentsResponseReassignablePartitionResponse {
  return {
    partitionIndex: 0,
    errorCode: 0,
    errorMessage: "",
  };
}

function writeAlterPartitionReassignmentsResponseReassignablePartitionResponse(w: Writer, v: AlterPartitionReassignmentsResponseReassignablePartitionResponse, version: number): void {
  w.int32(v.partitionIndex);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  {
    w.unsignedVarint(0);
  }
}

function readAlterPartitionReassignmentsResponseReassignablePartitionResponse(r: Reader, version: number): AlterPartitionReassignmentsResponseReassignablePartitionResponse {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  fErrorMessage = r.compactNullableString();
  r.taggedFields();
  return { partitionIndex: fPartitionIndex, errorCode: fErrorCode, errorMessage: fErrorMessage };
}

export interface AlterPartitionReassignmentsResponseReassignableTopicResponse {
  /** The topic name */
  name: string;
  /** The responses to partitions to reassign */
  partitions: AlterPartitionReassignmentsResponseReassignablePartitionResponse[];
}

export function defaultAlterPartitionReassignmentsResponseReassignableTopicResponse(): AlterPartitionReassignmentsResponseReassignableTopicResponse {
  return {
    name: "",
    partitions: [],
  };
}

function writeAlterPartitionReassignmentsResponseReassignableTopicResponse(w: Writer, v: AlterPartitionReassignmentsResponseReassignableTopicResponse, version: number): void {
  w.compactString(v.name);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeAlterPartitionReassignmentsResponseReassignablePartitionResponse(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readAlterPartitionReassignmentsResponseReassignableTopicResponse(r: Reader, version: number): AlterPartitionReassignmentsResponseReassignableTopicResponse {
  let fName: string = "";
  fName = r.compactString();
  let fPartitions: AlterPartitionReassignmentsResponseReassignablePartitionResponse[] = [];
  fPartitions = readCompactArray(r, 1, () => readAlterPartitionReassignmentsResponseReassignablePartitionResponse(r, version));
  r.taggedFields();
  return { name: fName, partitions: fPartitions };
}

export interface AlterPartitionReassignmentsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The top-level error code, or 0 if there was no error. */
  errorCode: number;
  /** The top-level error message, or null if there was no error. */
  errorMessage: string | null;
  /** The responses to topics to reassign. */
  responses: AlterPartitionReassignmentsResponseReassignableTopicResponse[];
}

export function defaultAlterPartitionReassignmentsResponse(): AlterPartitionReassignmentsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    responses: [],
  };
}

function writeAlterPartitionReassignmentsResponse(w: Writer, v: AlterPartitionReassignmentsResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  w.unsignedVarint(v.responses.length + 1); for (const item of v.responses) { writeAlterPartitionReassignmentsResponseReassignableTopicResponse(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readAlterPartitionReassignmentsResponse(r: Reader, version: number): AlterPartitionReassignmentsResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  fErrorMessage = r.compactNullableString();
  let fResponses: AlterPartitionReassignmentsResponseReassignableTopicResponse[] = [];
  fResponses = readCompactArray(r, 1, () => readAlterPartitionReassignmentsResponseReassignableTopicResponse(r, version));
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, responses: fResponses };
}

/** The versions of AlterPartitionReassignmentsResponse this codec reads and writes. */
export const alterPartitionReassignmentsResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkAlterPartitionReassignmentsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `AlterPartitionReassignmentsResponse version ${version} is outside 0-0`);
  }
}

export function encodeAlterPartitionReassignmentsResponse(w: Writer, value: AlterPartitionReassignmentsResponse, version: number): void {
  checkAlterPartitionReassignmentsResponseVersion(version);
  writeAlterPartitionReassignmentsResponse(w, value, version);
}

export function decodeAlterPartitionReassignmentsResponse(r: Reader, version: number): AlterPartitionReassignmentsResponse {
  checkAlterPartitionReassignmentsResponseVersion(version);
  return readAlterPartitionReassignmentsResponse(r, version);
}
