// Generated from DescribeTransactionsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeTransactionsRequest {
  /** Array of transactionalIds to include in describe results. If empty, then no results will be returned. */
  transactionalIds: string[];
}

export function defaultDescribeTransactionsRequest(): DescribeTransactionsRequest {
  return {
    transactionalIds: [],
  };
}

function writeDescribeTransactionsRequest(w: Writer, v: DescribeTransactionsRequest, version: number): void {
  w.unsignedVarint(v.transactionalIds.length + 1); for (const item of v.transactionalIds) { w.compactString(item); }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeTransactionsRequest(r: Reader, version: number): DescribeTransactionsRequest {
  let fTransactionalIds: string[] = [];
  fTransactionalIds = readCompactArray(r, 1, () => r.compactString());
  r.taggedFields();
  return { transactionalIds: fTransactionalIds };
}

/** The versions of DescribeTransactionsRequest this codec reads and writes. */
export const describeTransactionsRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkDescribeTransactionsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `DescribeTransactionsRequest version ${version} is outside 0-0`);
  }
}

export function encodeDescribeTransactionsRequest(w: Writer, value: DescribeTransactionsRequest, version: number): void {
  checkDescribeTransactionsRequestVersion(version);
  writeDescribeTransactionsRequest(w, value, version);
}

export function decodeDescribeTransactionsRequest(r: Reader, version: number): DescribeTransactionsRequest {
  checkDescribeTransactionsRequestVersion(version);
  return readDescribeTransactionsRequest(r, version);
}
