// Generated from EndQuorumEpochResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface EndQuorumEpochResponsePartitionData {
  /** The partition index. */
  partitionIndex: number;
  errorCode: number;
  /** The ID of the current leader or -1 if the leader is unknown. */
  leaderId: number;
  /** The latest known leader epoch */
  leaderEpoch: number;
}

export function defaultEndQuorumEpochResponsePartitionData(): EndQuorumEpochResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    leaderId: 0,
    leaderEpoch: 0,
  };
}

function writeEndQuorumEpochResponsePartitionData(w: Writer, v: EndQuorumEpochResponsePartitionData, version: number): void {
  w.int32(v.partitionIndex);
  w.int16(v.errorCode);
  w.int32(v.leaderId);
  w.int32(v.leaderEpoch);
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readEndQuorumEpochResponsePartitionData(r: Reader, version: number): EndQuorumEpochResponsePartitionData {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fLeaderId: number = 0;
  fLeaderId = r.int32();
  let fLeaderEpoch: number = 0;
  fLeaderEpoch = r.int32();
  if (version >= 1) r.taggedFields();
  return { partitionIndex: fPartitionIndex, errorCode: fErrorCode, leaderId: fLeaderId, leaderEpoch: fLeaderEpoch };
}

export interface EndQuorumEpochResponseTopicData {
  /** The topic name. */
  topicName: string;
  partitions: EndQuorumEpochResponsePartitionData[];
}

export function defaultEndQuorumEpochResponseTopicData(): EndQuorumEpochResponseTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

function writeEndQuorumEpochResponseTopicData(w: Writer, v: EndQuorumEpochResponseTopicData, version: number): void {
  if (version >= 1) { w.compactString(v.topicName); } else { w.string(v.topicName); }
  if (version >= 1) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeEndQuorumEpochResponsePartitionData(w, item, version); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { writeEndQuorumEpochResponsePartitionData(w, item, version); } }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readEndQuorumEpochResponseTopicData(r: Reader, version: number): EndQuorumEpochResponseTopicData {
  let fTopicName: string = "";
  if (version >= 1) { fTopicName = r.compactString(); } else { fTopicName = r.string(); }
  let fPartitions: EndQuorumEpochResponsePartitionData[] = [];
  if (version >= 1) { fPartitions = readCompactArray(r, 1, () => readEndQuorumEpochResponsePartitionData(r, version)); } else { fPartitions = readArray(r, 1, () => readEndQuorumEpochResponsePartitionData(r, version)); }
  if (version >= 1) r.taggedFields();
  return { topicName: fTopicName, partitions: fPartitions };
}

export interface EndQuorumEpochResponseNodeEndpoint {
  /** The ID of the associated node */
  nodeId: number;
  /** The node's hostname */
  host: string;
  /** The node's port */
  port: number;
}

export function defaultEndQuorumEpochResponseNodeEndpoint(): EndQuorumEpochResponseNodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
  };
}

function writeEndQuorumEpochResponseNodeEndpoint(w: Writer, v: EndQuorumEpochResponseNodeEndpoint, version: number): void {
  if (version >= 1) { w.int32(v.nodeId); }
  if (version >= 1) { w.compactString(v.host); }
  if (version >= 1) { w.uint16(v.port); }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readEndQuorumEpochResponseNodeEndpoint(r: Reader, version: number): EndQuorumEpochResponseNodeEndpoint {
  let fNodeId: number = 0;
  if (version >= 1) { fNodeId = r.int32(); }
  let fHost: string = "";
  if (version >= 1) { fHost = r.compactString(); }
  let fPort: number = 0;
  if (version >= 1) { fPort = r.uint16(); }
  if (version >= 1) r.taggedFields();
  return { nodeId: fNodeId, host: fHost, port: fPort };
}

export interface EndQuorumEpochResponse {
  /** The top level error code. */
  errorCode: number;
  topics: EndQuorumEpochResponseTopicData[];
  /** Endpoints for all leaders enumerated in PartitionData */
  nodeEndpoints: EndQuorumEpochResponseNodeEndpoint[];
}

export function defaultEndQuorumEpochResponse(): EndQuorumEpochResponse {
  return {
    errorCode: 0,
    topics: [],
    nodeEndpoints: [],
  };
}

function writeEndQuorumEpochResponse(w: Writer, v: EndQuorumEpochResponse, version: number): void {
  w.int16(v.errorCode);
  if (version >= 1) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeEndQuorumEpochResponseTopicData(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeEndQuorumEpochResponseTopicData(w, item, version); } }
  if (version >= 1) {
    const writeNodeEndpoints = v.nodeEndpoints.length > 0;
    w.unsignedVarint((writeNodeEndpoints ? 1 : 0));
    if (writeNodeEndpoints) w.taggedField(0, (t) => { t.unsignedVarint(v.nodeEndpoints.length + 1); for (const item of v.nodeEndpoints) { writeEndQuorumEpochResponseNodeEndpoint(t, item, version); } });
  }
}

function readEndQuorumEpochResponse(r: Reader, version: number): EndQuorumEpochResponse {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fTopics: EndQuorumEpochResponseTopicData[] = [];
  if (version >= 1) { fTopics = readCompactArray(r, 1, () => readEndQuorumEpochResponseTopicData(r, version)); } else { fTopics = readArray(r, 1, () => readEndQuorumEpochResponseTopicData(r, version)); }
  let fNodeEndpoints: EndQuorumEpochResponseNodeEndpoint[] = [];
  if (version >= 1) {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          fNodeEndpoints = readCompactArray(t, 1, () => readEndQuorumEpochResponseNodeEndpoint(t, version)); return true;
        default:
          return false;
      }
    });
  }
  return { errorCode: fErrorCode, topics: fTopics, nodeEndpoints: fNodeEndpoints };
}

/** The versions of EndQuorumEpochResponse this codec reads and writes. */
export const endQuorumEpochResponseVersions = { min: 0, max: 1, firstFlexible: 1 } as const;

function checkEndQuorumEpochResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `EndQuorumEpochResponse version ${version} is outside 0-1`);
  }
}

export function encodeEndQuorumEpochResponse(w: Writer, value: EndQuorumEpochResponse, version: number): void {
  checkEndQuorumEpochResponseVersion(version);
  writeEndQuorumEpochResponse(w, value, version);
}

export function decodeEndQuorumEpochResponse(r: Reader, version: number): EndQuorumEpochResponse {
  checkEndQuorumEpochResponseVersion(version);
  return readEndQuorumEpochResponse(r, version);
}
