// Generated from ListTransactionsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ListTransactionsResponseTransactionState {
  transactionalId: string;
  producerId: bigint;
  /** The current transaction state of the producer */
  transactionState: string;
}

export function defaultListTransactionsResponseTransactionState(): ListTransactionsResponseTransactionState {
  return {
    transactionalId: "",
    producerId: 0n,
    transactionState: "",
  };
}

function writeListTransactionsResponseTransactionState(w: Writer, v: ListTransactionsResponseTransactionState, version: number): void {
  w.compactString(v.transactionalId);
  w.int64(v.producerId);
  w.compactString(v.transactionState);
  {
    w.unsignedVarint(0);
  }
}

function readListTransactionsResponseTransactionState(r: Reader, version: number): ListTransactionsResponseTransactionState {
  let fTransactionalId: string = "";
  fTransactionalId = r.compactString();
  let fProducerId: bigint = 0n;
  fProducerId = r.int64();
  let fTransactionState: string = "";
  fTransactionState = r.compactString();
  r.taggedFields();
  return { transactionalId: fTransactionalId, producerId: fProducerId, transactionState: fTransactionState };
}

export interface ListTransactionsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  errorCode: number;
  /** Set of state filters provided in the request which were unknown to the transaction coordinator */
  unknownStateFilters: string[];
  transactionStates: ListTransactionsResponseTransactionState[];
}

export function defaultListTransactionsResponse(): ListTransactionsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    unknownStateFilters: [],
    transactionStates: [],
  };
}

function writeListTransactionsResponse(w: Writer, v: ListTransactionsResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  w.unsignedVarint(v.unknownStateFilters.length + 1); for (const item of v.unknownStateFilters) { w.compactString(item); }
  w.unsignedVarint(v.transactionStates.length + 1); for (const item of v.transactionStates) { writeListTransactionsResponseTransactionState(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readListTransactionsResponse(r: Reader, version: number): ListTransactionsResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fUnknownStateFilters: string[] = [];
  fUnknownStateFilters = readCompactArray(r, 1, () => r.compactString());
  let fTransactionStates: ListTransactionsResponseTransactionState[] = [];
  fTransactionStates = readCompactArray(r, 1, () => readListTransactionsResponseTransactionState(r, version));
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, unknownStateFilters: fUnknownStateFilters, transactionStates: fTransactionStates };
}

/** The versions of ListTransactionsResponse this codec reads and writes. */
export const listTransactionsResponseVersions = { min: 0, max: 1, firstFlexible: 0 } as const;

function checkListTransactionsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `ListTransactionsResponse version ${version} is outside 0-1`);
  }
}

export function encodeListTransactionsResponse(w: Writer, value: ListTransactionsResponse, version: number): void {
  checkListTransactionsResponseVersion(version);
  writeListTransactionsResponse(w, value, version);
}

export function decodeListTransactionsResponse(r: Reader, version: number): ListTransactionsResponse {
  checkListTransactionsResponseVersion(version);
  return readListTransactionsResponse(r, version);
}
