// Generated from DescribeClusterRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeClusterRequest {
  /** Whether to include cluster authorized operations. */
  includeClusterAuthorizedOperations: boolean;
  /** The endpoint type to describe. 1=brokers, 2=controllers. */
  endpointType: number;
}

export function defaultDescribeClusterRequest(): DescribeClusterRequest {
  return {
    includeClusterAuthorizedOperations: false,
    endpointType: 1,
  };
}

function writeDescribeClusterRequest(w: Writer, v: DescribeClusterRequest, version: number): void {
  w.bool(v.includeClusterAuthorizedOperations);
  if (version >= 1) { w.int8(v.endpointType); }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeClusterRequest(r: Reader, version: number): DescribeClusterRequest {
  let fIncludeClusterAuthorizedOperations: boolean = false;
  fIncludeClusterAuthorizedOperations = r.bool();
  let fEndpointType: number = 1;
  if (version >= 1) { fEndpointType = r.int8(); }
  r.taggedFields();
  return { includeClusterAuthorizedOperations: fIncludeClusterAuthorizedOperations, endpointType: fEndpointType };
}

/** The versions of DescribeClusterRequest this codec reads and writes. */
export const describeClusterRequestVersions = { min: 0, max: 1, firstFlexible: 0 } as const;

function checkDescribeClusterRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `DescribeClusterRequest version ${version} is outside 0-1`);
  }
}

export function encodeDescribeClusterRequest(w: Writer, value: DescribeClusterRequest, version: number): void {
  checkDescribeClusterRequestVersion(version);
  writeDescribeClusterRequest(w, value, version);
}

export function decodeDescribeClusterRequest(r: Reader, version: number): DescribeClusterRequest {
  checkDescribeClusterRequestVersion(version);
  return readDescribeClusterRequest(r, version);
}
