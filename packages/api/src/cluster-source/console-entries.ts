/**
 * A decoded record as the console shows it: a record (key, value and headers as base64, sizes in bytes) or, in a
 * control batch, a transaction marker (COMMIT or ABORT, with the producer whose transaction it ends).
 */
import { markerOf } from '@sluice/client';
import { TimestampType, type DecodedRecord, type RecordBatchHeader } from '@sluice/protocol';
import type { ConsoleMarker, ConsoleRecord } from './cluster-source.ts';

export function recordEntry(partition: number, header: RecordBatchHeader, r: DecodedRecord): ConsoleRecord {
  return {
    kind: 'record',
    partition,
    offset: Number(r.offset),
    timestamp: Number(r.timestamp),
    timestampType: header.timestampType === TimestampType.LogAppendTime ? 'LogAppendTime' : 'CreateTime',
    key: r.key?.toString('base64') ?? null,
    value: r.value?.toString('base64') ?? null,
    headers: r.headers.map((h) => ({ key: h.key, value: h.value?.toString('base64') ?? null })),
    size:
      (r.key?.length ?? 0) +
      (r.value?.length ?? 0) +
      r.headers.reduce((sum, h) => sum + Buffer.byteLength(h.key) + (h.value?.length ?? 0), 0),
  };
}

/** The marker a control record holds; null for a control record of another kind. */
export function markerEntry(
  partition: number,
  header: RecordBatchHeader,
  r: DecodedRecord,
): ConsoleMarker | null {
  const marker = markerOf(r);
  if (!marker) return null;
  return {
    kind: 'marker',
    partition,
    offset: Number(r.offset),
    timestamp: Number(r.timestamp),
    marker: marker.type,
    producerId: Number(header.producerId),
    producerEpoch: header.producerEpoch,
    coordinatorEpoch: marker.coordinatorEpoch,
  };
}
