// Generated from EndTxnRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface EndTxnRequest {
  /** The ID of the transaction to end. */
  transactionalId: string;
  /** The producer ID. */
  producerId: bigint;
  /** The current epoch associated with the producer. */
  producerEpoch: number;
  /** True if the transaction was committed, false if it was aborted. */
  committed: boolean;
}

export function defaultEndTxnRequest(): EndTxnRequest {
  return {
    transactionalId: "",
    producerId: 0n,
    producerEpoch: 0,
    committed: false,
  };
}

function writeEndTxnRequest(w: Writer, v: EndTxnRequest, version: number): void {
  if (version >= 3) { w.compactString(v.transactionalId); } else { w.string(v.transactionalId); }
  w.int64(v.producerId);
  w.int16(v.producerEpoch);
  w.bool(v.committed);
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readEndTxnRequest(r: Reader, version: number): EndTxnRequest {
  let fTransactionalId: string = "";
  if (version >= 3) { fTransactionalId = r.compactString(); } else { fTransactionalId = r.string(); }
  let fProducerId: bigint = 0n;
  fProducerId = r.int64();
  let fProducerEpoch: number = 0;
  fProducerEpoch = r.int16();
  let fCommitted: boolean = false;
  fCommitted = r.bool();
  if (version >= 3) r.taggedFields();
  return { transactionalId: fTransactionalId, producerId: fProducerId, producerEpoch: fProducerEpoch, committed: fCommitted };
}

/** The versions of EndTxnRequest this codec reads and writes. */
export const endTxnRequestVersions = { min: 0, max: 5, firstFlexible: 3 } as const;

function checkEndTxnRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 5) {
    throw new ProtocolError('unsupported', `EndTxnRequest version ${version} is outside 0-5`);
  }
}

export function encodeEndTxnRequest(w: Writer, value: EndTxnRequest, version: number): void {
  checkEndTxnRequestVersion(version);
  writeEndTxnRequest(w, value, version);
}

export function decodeEndTxnRequest(r: Reader, version: number): EndTxnRequest {
  checkEndTxnRequestVersion(version);
  return readEndTxnRequest(r, version);
}
