// Generated from ProduceResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { isDeepEqual, readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ProduceResponseBatchIndexAndErrorMessage {
  /** The batch index of the record that cause the batch to be dropped */
  batchIndex: number;
  /** The error message of the record that caused the batch to be dropped */
  batchIndexErrorMessage: string | null;
}

export function defaultProduceResponseBatchIndexAndErrorMessage(): ProduceResponseBatchIndexAndErrorMessage {
  return {
    batchIndex: 0,
    batchIndexErrorMessage: null,
  };
}

function writeProduceResponseBatchIndexAndErrorMessage(w: Writer, v: ProduceResponseBatchIndexAndErrorMessage, version: number): void {
  if (version >= 8) { w.int32(v.batchIndex); }
  if (version >= 8) { if (version >= 9) { w.compactNullableString(v.batchIndexErrorMessage); } else { w.nullableString(v.batchIndexErrorMessage); } }
  if (version >= 9) {
    w.unsignedVarint(0);
  }
}

function readProduceResponseBatchIndexAndErrorMessage(r: Reader, version: number): ProduceResponseBatchIndexAndErrorMessage {
  let fBatchIndex: number = 0;
  if (version >= 8) { fBatchIndex = r.int32(); }
  let fBatchIndexErrorMessage: string | null = null;
  if (version >= 8) { if (version >= 9) { fBatchIndexErrorMessage = r.compactNullableString(); } else { fBatchIndexErrorMessage = r.nullableString(); } }
  if (version >= 9) r.taggedFields();
  return { batchIndex: fBatchIndex, batchIndexErrorMessage: fBatchIndexErrorMessage };
}

export interface ProduceResponseLeaderIdAndEpoch {
  /** The ID of the current leader or -1 if the leader is unknown. */
  leaderId: number;
  /** The latest known leader epoch */
  leaderEpoch: number;
}

export function defaultProduceResponseLeaderIdAndEpoch(): ProduceResponseLeaderIdAndEpoch {
  return {
    leaderId: -1,
    leaderEpoch: -1,
  };
}

function writeProduceResponseLeaderIdAndEpoch(w: Writer, v: ProduceResponseLeaderIdAndEpoch, version: number): void {
  if (version >= 10) { w.int32(v.leaderId); }
  if (version >= 10) { w.int32(v.leaderEpoch); }
  if (version >= 9) {
    w.unsignedVarint(0);
  }
}

function readProduceResponseLeaderIdAndEpoch(r: Reader, version: number): ProduceResponseLeaderIdAndEpoch {
  let fLeaderId: number = -1;
  if (version >= 10) { fLeaderId = r.int32(); }
  let fLeaderEpoch: number = -1;
  if (version >= 10) { fLeaderEpoch = r.int32(); }
  if (version >= 9) r.taggedFields();
  return { leaderId: fLeaderId, leaderEpoch: fLeaderEpoch };
}

export interface ProduceResponsePartitionProduceResponse {
  /** The partition index. */
  index: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The base offset. */
  baseOffset: bigint;
  /** The timestamp returned by broker after appending the messages. If CreateTime is used for the topic, the timestamp will be -1.  If LogAppendTime is used for the topic, the timestamp will be the broker local time when the messages are appended. */
  logAppendTimeMs: bigint;
  /** The log start offset. */
  logStartOffset: bigint;
  /** The batch indices of records that caused the batch to be dropped */
  recordErrors: ProduceResponseBatchIndexAndErrorMessage[];
  /** The global error message summarizing the common root cause of the records that caused the batch to be dropped */
  errorMessage: string | null;
  currentLeader: ProduceResponseLeaderIdAndEpoch;
}

export function defaultProduceResponsePartitionProduceResponse(): ProduceResponsePartitionProduceResponse {
  return {
    index: 0,
    errorCode: 0,
    baseOffset: 0n,
    logAppendTimeMs: -1n,
    logStartOffset: -1n,
    recordErrors: [],
    errorMessage: null,
    currentLeader: defaultProduceResponseLeaderIdAndEpoch(),
  };
}

function writeProduceResponsePartitionProduceResponse(w: Writer, v: ProduceResponsePartitionProduceResponse, version: number): void {
  w.int32(v.index);
  w.int16(v.errorCode);
  w.int64(v.baseOffset);
  if (version >= 2) { w.int64(v.logAppendTimeMs); }
  if (version >= 5) { w.int64(v.logStartOffset); }
  if (version >= 8) { if (version >= 9) { w.unsignedVarint(v.recordErrors.length + 1); for (const item of v.recordErrors) { writeProduceResponseBatchIndexAndErrorMessage(w, item, version); } } else { w.int32(v.recordErrors.length); for (const item of v.recordErrors) { writeProduceResponseBatchIndexAndErrorMessage(w, item, version); } } }
  if (version >= 8) { if (version >= 9) { w.compactNullableString(v.errorMessage); } else { w.nullableString(v.errorMessage); } }
  if (version >= 9) {
    const writeCurrentLeader = version >= 10 && !isDeepEqual(v.currentLeader, defaultProduceResponseLeaderIdAndEpoch());
    w.unsignedVarint((writeCurrentLeader ? 1 : 0));
    if (writeCurrentLeader) w.taggedField(0, (t) => { writeProduceResponseLeaderIdAndEpoch(t, v.currentLeader, version); });
  }
}

function readProduceResponsePartitionProduceResponse(r: Reader, version: number): ProduceResponsePartitionProduceResponse {
  let fIndex: number = 0;
  fIndex = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fBaseOffset: bigint = 0n;
  fBaseOffset = r.int64();
  let fLogAppendTimeMs: bigint = -1n;
  if (version >= 2) { fLogAppendTimeMs = r.int64(); }
  let fLogStartOffset: bigint = -1n;
  if (version >= 5) { fLogStartOffset = r.int64(); }
  let fRecordErrors: ProduceResponseBatchIndexAndErrorMessage[] = [];
  if (version >= 8) { if (version >= 9) { fRecordErrors = readCompactArray(r, 1, () => readProduceResponseBatchIndexAndErrorMessage(r, version)); } else { fRecordErrors = readArray(r, 1, () => readProduceResponseBatchIndexAndErrorMessage(r, version)); } }
  let fErrorMessage: string | null = null;
  if (version >= 8) { if (version >= 9) { fErrorMessage = r.compactNullableString(); } else { fErrorMessage = r.nullableString(); } }
  let fCurrentLeader: ProduceResponseLeaderIdAndEpoch = defaultProduceResponseLeaderIdAndEpoch();
  if (version >= 9) {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          if (version >= 10) { fCurrentLeader = readProduceResponseLeaderIdAndEpoch(t, version); return true; } return false;
        default:
          return false;
      }
    });
  }
  return { index: fIndex, errorCode: fErrorCode, baseOffset: fBaseOffset, logAppendTimeMs: fLogAppendTimeMs, logStartOffset: fLogStartOffset, recordErrors: fRecordErrors, errorMessage: fErrorMessage, currentLeader: fCurrentLeader };
}

export interface ProduceResponseTopicProduceResponse {
  /** The topic name */
  name: string;
  /** Each partition that we produced to within the topic. */
  partitionResponses: ProduceResponsePartitionProduceResponse[];
}

export function defaultProduceResponseTopicProduceResponse(): ProduceResponseTopicProduceResponse {
  return {
    name: "",
    partitionResponses: [],
  };
}

function writeProduceResponseTopicProduceResponse(w: Writer, v: ProduceResponseTopicProduceResponse, version: number): void {
  if (version >= 9) { w.compactString(v.name); } else { w.string(v.name); }
  if (version >= 9) { w.unsignedVarint(v.partitionResponses.length + 1); for (const item of v.partitionResponses) { writeProduceResponsePartitionProduceResponse(w, item, version); } } else { w.int32(v.partitionResponses.length); for (const item of v.partitionResponses) { writeProduceResponsePartitionProduceResponse(w, item, version); } }
  if (version >= 9) {
    w.unsignedVarint(0);
  }
}

function readProduceResponseTopicProduceResponse(r: Reader, version: number): ProduceResponseTopicProduceResponse {
  let fName: string = "";
  if (version >= 9) { fName = r.compactString(); } else { fName = r.string(); }
  let fPartitionResponses: ProduceResponsePartitionProduceResponse[] = [];
  if (version >= 9) { fPartitionResponses = readCompactArray(r, 1, () => readProduceResponsePartitionProduceResponse(r, version)); } else { fPartitionResponses = readArray(r, 1, () => readProduceResponsePartitionProduceResponse(r, version)); }
  if (version >= 9) r.taggedFields();
  return { name: fName, partitionResponses: fPartitionResponses };
}

export interface ProduceResponseNodeEndpoint {
  /** The ID of the associated node. */
  nodeId: number;
  /** The node's hostname. */
  host: string;
  /** The node's port. */
  port: number;
  /** The rack of the node, or null if it has not been assigned to a rack. */
  rack: string | null;
}

export function defaultProduceResponseNodeEndpoint(): ProduceResponseNodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
    rack: null,
  };
}

function writeProduceResponseNodeEndpoint(w: Writer, v: ProduceResponseNodeEndpoint, version: number): void {
  if (version >= 10) { w.int32(v.nodeId); }
  if (version >= 10) { w.compactString(v.host); }
  if (version >= 10) { w.int32(v.port); }
  if (version >= 10) { w.compactNullableString(v.rack); }
  if (version >= 9) {
    w.unsignedVarint(0);
  }
}

function readProduceResponseNodeEndpoint(r: Reader, version: number): ProduceResponseNodeEndpoint {
  let fNodeId: number = 0;
  if (version >= 10) { fNodeId = r.int32(); }
  let fHost: string = "";
  if (version >= 10) { fHost = r.compactString(); }
  let fPort: number = 0;
  if (version >= 10) { fPort = r.int32(); }
  let fRack: string | null = null;
  if (version >= 10) { fRack = r.compactNullableString(); }
  if (version >= 9) r.taggedFields();
  return { nodeId: fNodeId, host: fHost, port: fPort, rack: fRack };
}

export interface ProduceResponse {
  /** Each produce response */
  responses: ProduceResponseTopicProduceResponse[];
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** Endpoints for all current-leaders enumerated in PartitionProduceResponses, with errors NOT_LEADER_OR_FOLLOWER. */
  nodeEndpoints: ProduceResponseNodeEndpoint[];
}

export function defaultProduceResponse(): ProduceResponse {
  return {
    responses: [],
    throttleTimeMs: 0,
    nodeEndpoints: [],
  };
}

function writeProduceResponse(w: Writer, v: ProduceResponse, version: number): void {
  if (version >= 9) { w.unsignedVarint(v.responses.length + 1); for (const item of v.responses) { writeProduceResponseTopicProduceResponse(w, item, version); } } else { w.int32(v.responses.length); for (const item of v.responses) { writeProduceResponseTopicProduceResponse(w, item, version); } }
  if (version >= 1) { w.int32(v.throttleTimeMs); }
  if (version >= 9) {
    const writeNodeEndpoints = version >= 10 && v.nodeEndpoints.length > 0;
    w.unsignedVarint((writeNodeEndpoints ? 1 : 0));
    if (writeNodeEndpoints) w.taggedField(0, (t) => { t.unsignedVarint(v.nodeEndpoints.length + 1); for (const item of v.nodeEndpoints) { writeProduceResponseNodeEndpoint(t, item, version); } });
  }
}

function readProduceResponse(r: Reader, version: number): ProduceResponse {
  let fResponses: ProduceResponseTopicProduceResponse[] = [];
  if (version >= 9) { fResponses = readCompactArray(r, 1, () => readProduceResponseTopicProduceResponse(r, version)); } else { fResponses = readArray(r, 1, () => readProduceResponseTopicProduceResponse(r, version)); }
  let fThrottleTimeMs: number = 0;
  if (version >= 1) { fThrottleTimeMs = r.int32(); }
  let fNodeEndpoints: ProduceResponseNodeEndpoint[] = [];
  if (version >= 9) {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          if (version >= 10) { fNodeEndpoints = readCompactArray(t, 1, () => readProduceResponseNodeEndpoint(t, version)); return true; } return false;
        default:
          return false;
      }
    });
  }
  return { responses: fResponses, throttleTimeMs: fThrottleTimeMs, nodeEndpoints: fNodeEndpoints };
}

/** The versions of ProduceResponse this codec reads and writes. */
export const produceResponseVersions = { min: 0, max: 11, firstFlexible: 9 } as const;

function checkProduceResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 11) {
    throw new ProtocolError('unsupported', `ProduceResponse version ${version} is outside 0-11`);
  }
}

export function encodeProduceResponse(w: Writer, value: ProduceResponse, version: number): void {
  checkProduceResponseVersion(version);
  writeProduceResponse(w, value, version);
}

export function decodeProduceResponse(r: Reader, version: number): ProduceResponse {
  checkProduceResponseVersion(version);
  return readProduceResponse(r, version);
}
