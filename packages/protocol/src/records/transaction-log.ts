/**
 * Records of the internal topic `__transaction_state`, byte for byte as Kafka writes them (TransactionLog), so
 * tools that read the topic raw understand Sluice's.
 *
 * Key: int16 key version (0), then TransactionLogKey v0 (the transactional id). Value: int16 value version, then
 * TransactionLogValue; Sluice writes version 0 (the version Kafka writes until transaction version 2) and reads
 * 0 and 1. A null value is a tombstone: the transactional id expired (transactional.id.expiration.ms).
 */
import {
  decodeTransactionLogKey,
  decodeTransactionLogValue,
  encodeTransactionLogKey,
  encodeTransactionLogValue,
  transactionLogValueVersions,
  type TransactionLogValue,
} from '../generated/internal/transaction-coordinator/index.ts';
import { ProtocolError } from '../io/protocol-error.ts';
import { Reader } from '../io/reader.ts';
import { Writer } from '../io/writer.ts';

export type { TransactionLogValue } from '../generated/internal/transaction-coordinator/index.ts';

const TRANSACTION_LOG_KEY_VERSION = 0;
const TRANSACTION_LOG_VALUE_VERSION = 0;

export function encodeTransactionLogRecord(
  transactionalId: string,
  value: TransactionLogValue | null,
): { key: Buffer; value: Buffer | null } {
  const key = new Writer(32);
  key.int16(TRANSACTION_LOG_KEY_VERSION);
  encodeTransactionLogKey(key, { transactionalId }, TRANSACTION_LOG_KEY_VERSION);
  if (value === null) return { key: key.finish(), value: null };
  const body = new Writer(64);
  body.int16(TRANSACTION_LOG_VALUE_VERSION);
  encodeTransactionLogValue(body, value, TRANSACTION_LOG_VALUE_VERSION);
  return { key: key.finish(), value: body.finish() };
}

/** Decodes one record of __transaction_state; throws ProtocolError on an unknown key or value version. */
export function decodeTransactionLogRecord(
  key: Buffer,
  value: Buffer | null,
): { transactionalId: string; value: TransactionLogValue | null } {
  const keyReader = new Reader(key);
  const keyVersion = keyReader.int16();
  if (keyVersion !== TRANSACTION_LOG_KEY_VERSION)
    throw new ProtocolError('invalid', `unknown __transaction_state key version ${keyVersion}`);
  const { transactionalId } = decodeTransactionLogKey(keyReader, keyVersion);
  if (value === null) return { transactionalId, value: null };
  const valueReader = new Reader(value);
  const valueVersion = valueReader.int16();
  if (valueVersion < transactionLogValueVersions.min || valueVersion > transactionLogValueVersions.max)
    throw new ProtocolError('invalid', `unknown __transaction_state value version ${valueVersion}`);
  return { transactionalId, value: decodeTransactionLogValue(valueReader, valueVersion) };
}
