// Generated from ListTransactionsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ListTransactionsRequest {
  /** The transaction states to filter by: if empty, all transactions are returned; if non-empty, then only transactions matching one of the filtered states will be returned */
  stateFilters: string[];
  /** The producerIds to filter by: if empty, all transactions will be returned; if non-empty, only transactions which match one of the filtered producerIds will be returned */
  producerIdFilters: bigint[];
  /** Duration (in millis) to filter by: if < 0, all transactions will be returned; otherwise, only transactions running longer than this duration will be returned */
  durationFilter: bigint;
}

export function defaultListTransactionsRequest(): ListTransactionsRequest {
  return {
    stateFilters: [],
    producerIdFilters: [],
    durationFilter: -1n,
  };
}

function writeListTransactionsRequest(w: Writer, v: ListTransactionsRequest, version: number): void {
  w.unsignedVarint(v.stateFilters.length + 1); for (const item of v.stateFilters) { w.compactString(item); }
  w.unsignedVarint(v.producerIdFilters.length + 1); for (const item of v.producerIdFilters) { w.int64(item); }
  if (version >= 1) { w.int64(v.durationFilter); }
  {
    w.unsignedVarint(0);
  }
}

function readListTransactionsRequest(r: Reader, version: number): ListTransactionsRequest {
  let fStateFilters: string[] = [];
  fStateFilters = readCompactArray(r, 1, () => r.compactString());
  let fProducerIdFilters: bigint[] = [];
  fProducerIdFilters = readCompactArray(r, 8, () => r.int64());
  let fDurationFilter: bigint = -1n;
  if (version >= 1) { fDurationFilter = r.int64(); }
  r.taggedFields();
  return { stateFilters: fStateFilters, producerIdFilters: fProducerIdFilters, durationFilter: fDurationFilter };
}

/** The versions of ListTransactionsRequest this codec reads and writes. */
export const listTransactionsRequestVersions = { min: 0, max: 1, firstFlexible: 0 } as const;

function checkListTransactionsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `ListTransactionsRequest version ${version} is outside 0-1`);
  }
}

export function encodeListTransactionsRequest(w: Writer, value: ListTransactionsRequest, version: number): void {
  checkListTransactionsRequestVersion(version);
  writeListTransactionsRequest(w, value, version);
}

export function decodeListTransactionsRequest(r: Reader, version: number): ListTransactionsRequest {
  checkListTransactionsRequestVersion(version);
  return readListTransactionsRequest(r, version);
}
