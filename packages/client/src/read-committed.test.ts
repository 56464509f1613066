import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ControlRecordType,
  decodeRecordBatch,
  encodeControlRecordKey,
  encodeControlRecordValue,
  encodeRecordBatch,
} from '@sluice/protocol';
import { AbortedTransactionFilter, markerOf } from './read-committed.ts';

/** A transactional data batch of `count` records from `producerId` at `baseOffset`. */
const data = (producerId: bigint, baseOffset: bigint, count = 1) =>
  encodeRecordBatch({
    baseOffset,
    producerId,
    producerEpoch: 0,
    isTransactional: true,
    records: Array.from({ length: count }, () => ({ key: null, value: Buffer.from('v'), headers: [] })),
  });
const marker = (producerId: bigint, offset: bigint, type: number) =>
  encodeRecordBatch({
    baseOffset: offset,
    producerId,
    producerEpoch: 0,
    isTransactional: true,
    isControl: true,
    records: [{ key: encodeControlRecordKey(type), value: encodeControlRecordValue(3), headers: [] }],
  });

describe('AbortedTransactionFilter (a read_committed consumer)', () => {
  it("drops an aborted transaction's batches up to its ABORT marker, and nothing of the producer after it", async () => {
    // Producer 7 aborts [0, 2], producer 8 commits [1, 3] interleaved, then producer 7 commits a new one at 5.
    const log = [
      await data(7n, 0n),
      await data(8n, 1n),
      await marker(7n, 2n, ControlRecordType.ABORT),
      await marker(8n, 3n, ControlRecordType.COMMIT),
      await data(7n, 4n, 2),
      await marker(7n, 6n, ControlRecordType.COMMIT),
    ];
    const filter = new AbortedTransactionFilter();
    filter.addAborted([{ producerId: 7n, firstOffset: 0n }]);
    const kept: string[] = [];
    for (const bytes of log) {
      const { header, records } = await decodeRecordBatch(bytes);
      const aborted = filter.isAborted(header, header.isControl ? records : []);
      if (header.isControl) kept.push(`${markerOf(records[0]!)!.type}@${header.baseOffset}`);
      else if (!aborted) kept.push(`data@${header.baseOffset}`);
    }
    assert.deepEqual(kept, ['data@1', 'ABORT@2', 'COMMIT@3', 'data@4', 'COMMIT@6']);
  });

  it('reads the marker type and the coordinator epoch from a control record', async () => {
    const { records } = await decodeRecordBatch(await marker(1n, 0n, ControlRecordType.COMMIT));
    assert.deepEqual(markerOf(records[0]!), { type: 'COMMIT', coordinatorEpoch: 3 });
  });
});
