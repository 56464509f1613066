// Generated from AddOffsetsToTxnRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface AddOffsetsToTxnRequest {
  /** The transactional id corresponding to the transaction. */
  transactionalId: string;
  /** Current producer id in use by the transactional id. */
  producerId: bigint;
  /** Current epoch associated with the producer id. */
  producerEpoch: number;
  /** The unique group identifier. */
  groupId: string;
}

export function defaultAddOffsetsToTxnRequest(): AddOffsetsToTxnRequest {
  return {
    transactionalId: "",
    producerId: 0n,
    producerEpoch: 0,
    groupId: "",
  };
}

function writeAddOffsetsToTxnRequest(w: Writer, v: AddOffsetsToTxnRequest, version: number): void {
  if (version >= 3) { w.compactString(v.transactionalId); } else { w.string(v.transactionalId); }
  w.int64(v.producerId);
  w.int16(v.producerEpoch);
  if (version >= 3) { w.compactString(v.groupId); } else { w.string(v.groupId); }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readAddOffsetsToTxnRequest(r: Reader, version: number): AddOffsetsToTxnRequest {
  let fTransactionalId: string = "";
  if (version >= 3) { fTransactionalId = r.compactString(); } else { fTransactionalId = r.string(); }
  let fProducerId: bigint = 0n;
  fProducerId = r.int64();
  let fProducerEpoch: number = 0;
  fProducerEpoch = r.int16();
  let fGroupId: string = "";
  if (version >= 3) { fGroupId = r.compactString(); } else { fGroupId = r.string(); }
  if (version >= 3) r.taggedFields();
  return { transactionalId: fTransactionalId, producerId: fProducerId, producerEpoch: fProducerEpoch, groupId: fGroupId };
}

/** The versions of AddOffsetsToTxnRequest this codec reads and writes. */
export const addOffsetsToTxnRequestVersions = { min: 0, max: 4, firstFlexible: 3 } as const;

function checkAddOffsetsToTxnRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 4) {
    throw new ProtocolError('unsupported', `AddOffsetsToTxnRequest version ${version} is outside 0-4`);
  }
}

export function encodeAddOffsetsToTxnRequest(w: Writer, value: AddOffsetsToTxnRequest, version: number): void {
  checkAddOffsetsToTxnRequestVersion(version);
  writeAddOffsetsToTxnRequest(w, value, version);
}

export function decodeAddOffsetsToTxnRequest(r: Reader, version: number): AddOffsetsToTxnRequest {
  checkAddOffsetsToTxnRequestVersion(version);
  return readAddOffsetsToTxnRequest(r, version);
}
