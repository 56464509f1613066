// Generated from ConsumerGroupDescribeRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ConsumerGroupDescribeRequest {
  /** The ids of the groups to describe */
  groupIds: string[];
  /** Whether to include authorized operations. */
  includeAuthorizedOperations: boolean;
}

export function defaultConsumerGroupDescribeRequest(): ConsumerGroupDescribeRequest {
  return {
    groupIds: [],
    includeAuthorizedOperations: false,
  };
}

function writeConsumerGroupDescribeRequest(w: Writer, v: ConsumerGroupDescribeRequest, version: number): void {
  w.unsignedVarint(v.groupIds.length + 1); for (const item of v.groupIds) { w.compactString(item); }
  w.bool(v.includeAuthorizedOperations);
  {
    w.unsignedVarint(0);
  }
}

function readConsumerGroupDescribeRequest(r: Reader, version: number): ConsumerGroupDescribeRequest {
  let fGroupIds: string[] = [];
  fGroupIds = readCompactArray(r, 1, () => r.compactString());
  let fIncludeAuthorizedOperations: boolean = false;
  fIncludeAuthorizedOperations = r.bool();
  r.taggedFields();
  return { groupIds: fGroupIds, includeAuthorizedOperations: fIncludeAuthorizedOperations };
}

/** The versions of ConsumerGroupDescribeRequest this codec reads and writes. */
export const consumerGroupDescribeRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkConsumerGroupDescribeRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ConsumerGroupDescribeRequest version ${version} is outside 0-0`);
  }
}

export function encodeConsumerGroupDescribeRequest(w: Writer, value: ConsumerGroupDescribeRequest, version: number): void {
  checkConsumerGroupDescribeRequestVersion(version);
  writeConsumerGroupDescribeRequest(w, value, version);
}

export function decodeConsumerGroupDescribeRequest(r: Reader, version: number): ConsumerGroupDescribeRequest {
  checkConsumerGroupDescribeRequestVersion(version);
  return readConsumerGroupDescribeRequest(r, version);
}
