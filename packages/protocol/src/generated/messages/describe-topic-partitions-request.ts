// Generated from DescribeTopicPartitionsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeTopicPartitionsRequestTopicRequest {
  /** The topic name */
  name: string;
}

export function defaultDescribeTopicPartitionsRequestTopicRequest(): DescribeTopicPartitionsRequestTopicRequest {
  return {
    name: "",
  };
}

function writeDescribeTopicPartitionsRequestTopicRequest(w: Writer, v: DescribeTopicPartitionsRequestTopicRequest, version: number): void {
  w.compactString(v.name);
  {
    w.unsignedVarint(0);
  }
}

function readDescribeTopicPartitionsRequestTopicRequest(r: Reader, version: number): DescribeTopicPartitionsRequestTopicRequest {
  let fName: string = "";
  fName = r.compactString();
  r.taggedFields();
  return { name: fName };
}

export interface DescribeTopicPartitionsRequestCursor {
  /** The name for the first topic to process */
  topicName: string;
  /** The partition index to start with */
  partitionIndex: number;
}

export function defaultDescribeTopicPartitionsRequestCursor(): DescribeTopicPartitionsRequestCursor {
  return {
    topicName: "",
    partitionIndex: 0,
  };
}

function writeDescribeTopicPartitionsRequestCursor(w: Writer, v: DescribeTopicPartitionsRequestCursor, version: number): void {
  w.compactString(v.topicName);
  w.int32(v.partitionIndex);
  {
    w.unsignedVarint(0);
  }
}

function readDescribeTopicPartitionsRequestCursor(r: Reader, version: number): DescribeTopicPartitionsRequestCursor {
  let fTopicName: string = "";
  fTopicName = r.compactString();
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  r.taggedFields();
  return { topicName: fTopicName, partitionIndex: fPartitionIndex };
}

export interface DescribeTopicPartitionsRequest {
  /** The topics to fetch details for. */
  topics: DescribeTopicPartitionsRequestTopicRequest[];
  /** The maximum number of partitions included in the response. */
  responsePartitionLimit: number;
  /** The first topic and partition index to fetch details for. */
  cursor: DescribeTopicPartitionsRequestCursor | null;
}

export function defaultDescribeTopicPartitionsRequest(): DescribeTopicPartitionsRequest {
  return {
    topics: [],
    responsePartitionLimit: 2000,
    cursor: null,
  };
}

function writeDescribeTopicPartitionsRequest(w: Writer, v: DescribeTopicPartitionsRequest, version: number): void {
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeDescribeTopicPartitionsRequestTopicRequest(w, item, version); }
  w.int32(v.responsePartitionLimit);
  if (v.cursor === null) w.int8(-1); else { w.int8(1); writeDescribeTopicPartitionsRequestCursor(w, v.cursor, version); }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeTopicPartitionsRequest(r: Reader, version: number): DescribeTopicPartitionsRequest {
  let fTopics: DescribeTopicPartitionsRequestTopicRequest[] = [];
  fTopics = readCompactArray(r, 1, () => readDescribeTopicPartitionsRequestTopicRequest(r, version));
  let fResponsePartitionLimit: number = 2000;
  fResponsePartitionLimit = r.int32();
  let fCursor: DescribeTopicPartitionsRequestCursor | null = null;
  fCursor = (r.int8() < 0 ? null : readDescribeTopicPartitionsRequestCursor(r, version));
  r.taggedFields();
  return { topics: fTopics, responsePartitionLimit: fResponsePartitionLimit, cursor: fCursor };
}

/** The versions of DescribeTopicPartitionsRequest this codec reads and writes. */
export const describeTopicPartitionsRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkDescribeTopicPartitionsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `DescribeTopicPartitionsRequest version ${version} is outside 0-0`);
  }
}

export function encodeDescribeTopicPartitionsRequest(w: Writer, value: DescribeTopicPartitionsRequest, version: number): void {
  checkDescribeTopicPartitionsRequestVersion(version);
  writeDescribeTopicPartitionsRequest(w, value, version);
}

export function decodeDescribeTopicPartitionsRequest(r: Reader, version: number): DescribeTopicPartitionsRequest {
  checkDescribeTopicPartitionsRequestVersion(version);
  return readDescribeTopicPartitionsRequest(r, version);
}
