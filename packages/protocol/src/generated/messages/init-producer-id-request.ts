// Generated from InitProducerIdRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface InitProducerIdRequest {
  /** The transactional id, or null if the producer is not transactional. */
  transactionalId: string | null;
  /** The time in ms to wait before aborting idle transactions sent by this producer. This is only relevant if a TransactionalId has been defined. */
  transactionTimeoutMs: number;
  /** The producer id. This is used to disambiguate requests if a transactional id is reused following its expiration. */
  producerId: bigint;
  /** The producer's current epoch. This will be checked against the producer epoch on the broker, and the request will return an error if they do not match. */
  producerEpoch: number;
}

export function defaultInitProducerIdRequest(): InitProducerIdRequest {
  return {
    transactionalId: "",
    transactionTimeoutMs: 0,
    producerId: -1n,
    producerEpoch: -1,
  };
}

function writeInitProducerIdRequest(w: Writer, v: InitProducerIdRequest, version: number): void {
  if (version >= 2) { w.compactNullableString(v.transactionalId); } else { w.nullableString(v.transactionalId); }
  w.int32(v.transactionTimeoutMs);
  if (version >= 3) { w.int64(v.producerId); }
  if (version >= 3) { w.int16(v.producerEpoch); }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readInitProducerIdRequest(r: Reader, version: number): InitProducerIdRequest {
  let fTransactionalId: string | null = "";
  if (version >= 2) { fTransactionalId = r.compactNullableString(); } else { fTransactionalId = r.nullableString(); }
  let fTransactionTimeoutMs: number = 0;
  fTransactionTimeoutMs = r.int32();
  let fProducerId: bigint = -1n;
  if (version >= 3) { fProducerId = r.int64(); }
  let fProducerEpoch: number = -1;
  if (version >= 3) { fProducerEpoch = r.int16(); }
  if (version >= 2) r.taggedFields();
  return { transactionalId: fTransactionalId, transactionTimeoutMs: fTransactionTimeoutMs, producerId: fProducerId, producerEpoch: fProducerEpoch };
}

/** The versions of InitProducerIdRequest this codec reads and writes. */
export const initProducerIdRequestVersions = { min: 0, max: 5, firstFlexible: 2 } as const;

function checkInitProducerIdRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 5) {
    throw new ProtocolError('unsupported', `InitProducerIdRequest version ${version} is outside 0-5`);
  }
}

export function encodeInitProducerIdRequest(w: Writer, value: InitProducerIdRequest, version: number): void {
  checkInitProducerIdRequestVersion(version);
  writeInitProducerIdRequest(w, value, version);
}

export function decodeInitProducerIdRequest(r: Reader, version: number): InitProducerIdRequest {
  checkInitProducerIdRequestVersion(version);
  return readInitProducerIdRequest(r, version);
}
