// Generated from DescribeLogDirsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readArrayNullable, readCompactArray, readCompactArrayNullable } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeLogDirsRequestDescribableLogDirTopic {
  /** The topic name */
  topic: string;
  /** The partition indexes. */
  partitions: number[];
}

export function defaultDescribeLogDirsRequestDescribableLogDirTopic(): DescribeLogDirsRequestDescribableLogDirTopic {
  return {
    topic: "",
    partitions: [],
  };
}

function writeDescribeLogDirsRequestDescribableLogDirTopic(w: Writer, v: DescribeLogDirsRequestDescribableLogDirTopic, version: number): void {
  if (version >= 2) { w.compactString(v.topic); } else { w.string(v.topic); }
  if (version >= 2) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { w.int32(item); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { w.int32(item); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDescribeLogDirsRequestDescribableLogDirTopic(r: Reader, version: number): DescribeLogDirsRequestDescribableLogDirTopic {
  let fTopic: string = "";
  if (version >= 2) { fTopic = r.compactString(); } else { fTopic = r.string(); }
  let fPartitions: number[] = [];
  if (version >= 2) { fPartitions = readCompactArray(r, 4, () => r.int32()); } else { fPartitions = readArray(r, 4, () => r.int32()); }
  if (version >= 2) r.taggedFields();
  return { topic: fTopic, partitions: fPartitions };
}

export interface DescribeLogDirsRequest {
  /** Each topic that we want to describe log directories for, or null for all topics. */
  topics: DescribeLogDirsRequestDescribableLogDirTopic[] | null;
}

export function defaultDescribeLogDirsRequest(): DescribeLogDirsRequest {
  return {
    topics: [],
  };
}

function writeDescribeLogDirsRequest(w: Writer, v: DescribeLogDirsRequest, version: number): void {
  if (version >= 2) { if (v.topics === null) w.unsignedVarint(0); else { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeDescribeLogDirsRequestDescribableLogDirTopic(w, item, version); } } } else { if (v.topics === null) w.int32(-1); else { w.int32(v.topics.length); for (const item of v.topics) { writeDescribeLogDirsRequestDescribableLogDirTopic(w, item, version); } } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDescribeLogDirsRequest(r: Reader, version: number): DescribeLogDirsRequest {
  let fTopics: DescribeLogDirsRequestDescribableLogDirTopic[] | null = [];
  if (version >= 2) { fTopics = readCompactArrayNullable(r, 1, () => readDescribeLogDirsRequestDescribableLogDirTopic(r, version)); } else { fTopics = readArrayNullable(r, 1, () => readDescribeLogDirsRequestDescribableLogDirTopic(r, version)); }
  if (version >= 2) r.taggedFields();
  return { topics: fTopics };
}

/** The versions of DescribeLogDirsRequest this codec reads and writes. */
export const describeLogDirsRequestVersions = { min: 0, max: 4, firstFlexible: 2 } as const;

function checkDescribeLogDirsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 4) {
    throw new ProtocolError('unsupported', `DescribeLogDirsRequest version ${version} is outside 0-4`);
  }
}

export function encodeDescribeLogDirsRequest(w: Writer, value: DescribeLogDirsRequest, version: number): void {
  checkDescribeLogDirsRequestVersion(version);
  writeDescribeLogDirsRequest(w, value, version);
}

export function decodeDescribeLogDirsRequest(r: Reader, version: number): DescribeLogDirsRequest {
  checkDescribeLogDirsRequestVersion(version);
  return readDescribeLogDirsRequest(r, version);
}
