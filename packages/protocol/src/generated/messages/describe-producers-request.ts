// Generated from DescribeProducersRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeProducersRequestTopicRequest {
  /** The topic name. */
  name: string;
  /** The indexes of the partitions to list producers for. */
  partitionIndexes: number[];
}

export function defaultDescribeProducersRequestTopicRequest(): DescribeProducersRequestTopicRequest {
  return {
    name: "",
    partitionIndexes: [],
  };
}

function writeDescribeProducersRequestTopicRequest(w: Writer, v: DescribeProducersRequestTopicRequest, version: number): void {
  w.compactString(v.name);
  w.unsignedVarint(v.partitionIndexes.length + 1); for (const item of v.partitionIndexes) { w.int32(item); }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeProducersRequestTopicRequest(r: Reader, version: number): DescribeProducersRequestTopicRequest {
  let fName: string = "";
  fName = r.compactString();
  let fPartitionIndexes: number[] = [];
  fPartitionIndexes = readCompactArray(r, 4, () => r.int32());
  r.taggedFields();
  return { name: fName, partitionIndexes: fPartitionIndexes };
}

export interface DescribeProducersRequest {
  topics: DescribeProducersRequestTopicRequest[];
}

export function defaultDescribeProducersRequest(): DescribeProducersRequest {
  return {
    topics: [],
  };
}

function writeDescribeProducersRequest(w: Writer, v: DescribeProducersRequest, version: number): void {
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeDescribeProducersRequestTopicRequest(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeProducersRequest(r: Reader, version: number): DescribeProducersRequest {
  let fTopics: DescribeProducersRequestTopicRequest[] = [];
  fTopics = readCompactArray(r, 1, () => readDescribeProducersRequestTopicRequest(r, version));
  r.taggedFields();
  return { topics: fTopics };
}

/** The versions of DescribeProducersRequest this codec reads and writes. */
export const describeProducersRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkDescribeProducersRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `DescribeProducersRequest version ${version} is outside 0-0`);
  }
}

export function encodeDescribeProducersRequest(w: Writer, value: DescribeProducersRequest, version: number): void {
  checkDescribeProducersRequestVersion(version);
  writeDescribeProducersRequest(w, value, version);
}

export function decodeDescribeProducersRequest(r: Reader, version: number): DescribeProducersRequest {
  checkDescribeProducersRequestVersion(version);
  return readDescribeProducersRequest(r, version);
}
