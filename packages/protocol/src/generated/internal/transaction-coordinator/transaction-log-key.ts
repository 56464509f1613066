// Generated from internal/transaction-coordinator/TransactionLogKey.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface TransactionLogKey {
  transactionalId: string;
}

export function defaultTransactionLogKey(): TransactionLogKey {
  return {
    transactionalId: "",
  };
}

function writeTransactionLogKey(w: Writer, v: TransactionLogKey, version: number): void {
  w.string(v.transactionalId);
}

function readTransactionLogKey(r: Reader, version: number): TransactionLogKey {
  let fTransactionalId: string = "";
  fTransactionalId = r.string();
  return { transactionalId: fTransactionalId };
}

/** The versions of TransactionLogKey this codec reads and writes. */
export const transactionLogKeyVersions = { min: 0, max: 0 } as const;

function checkTransactionLogKeyVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `TransactionLogKey version ${version} is outside 0-0`);
  }
}

export function encodeTransactionLogKey(w: Writer, value: TransactionLogKey, version: number): void {
  checkTransactionLogKeyVersion(version);
  writeTransactionLogKey(w, value, version);
}

export function decodeTransactionLogKey(r: Reader, version: number): TransactionLogKey {
  checkTransactionLogKeyVersion(version);
  return readTransactionLogKey(r, version);
}
