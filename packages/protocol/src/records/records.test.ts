import assert from 'node:assert/strict';
import { crc32c } from '@node-rs/crc32';
import { describe, it } from 'node:test';
import { CompressionCodec } from '../compression/index.ts';
import { ProtocolError } from '../io/protocol-error.ts';
import { readBatchHeader, verifyBatchCrc } from './batch-header.ts';
import { decodeLegacyMessageSet, detectMagic, encodeLegacyMessageSet } from './legacy-message-set.ts';
import {
  ControlRecordType,
  decodeControlRecordKey,
  decodeEndTxnMarker,
  decodeRecordBatch,
  encodeControlRecordKey,
  encodeControlRecordValue,
  encodeEndTxnMarkerBatch,
  encodeRecordBatch,
  splitBatches,
} from './record-batch.ts';

const records = Array.from({ length: 50 }, (_, i) => ({
  key: i % 7 === 0 ? null : Buffer.from(`key-${i}`),
  value: i % 11 === 0 ? null : Buffer.from(`value-${i}-${'ü'.repeat(i)}`),
  headers:
    i % 3 === 0
      ? [
          { key: 'trace', value: Buffer.from(`t${i}`) },
          { key: 'empty', value: null },
        ]
      : [],
  timestamp: 1_700_000_000_000n + BigInt(i * 10),
}));

describe('record batch v2', () => {
  it('CRC-32C matches the known answer', () => {
    assert.equal(crc32c(Buffer.from('123456789')), 0xe3069283);
  });

  for (const [name, codec] of Object.entries(CompressionCodec)) {
    it(`round-trips records, headers, nulls and producer fields with ${name}`, async () => {
      const batch = await encodeRecordBatch({
        records,
        baseOffset: 1000n,
        compression: codec,
        producerId: 77n,
        producerEpoch: 3,
        baseSequence: 12,
        isTransactional: true,
      });
      assert.ok(verifyBatchCrc(batch));
      const header = readBatchHeader(batch);
      assert.equal(header.compression, codec);
      assert.equal(header.recordCount, 50);
      assert.equal(header.lastOffsetDelta, 49);
      assert.equal(header.maxTimestamp, 1_700_000_000_490n);
      assert.equal(header.producerId, 77n);
      assert.equal(header.isTransactional, true);
      const decoded = await decodeRecordBatch(batch);
      assert.equal(decoded.records.length, 50);
      decoded.records.forEach((record, i) => {
        assert.equal(record.offset, 1000n + BigInt(i));
        assert.equal(record.timestamp, records[i]!.timestamp);
        assert.deepEqual(record.key, records[i]!.key);
        assert.deepEqual(record.value, records[i]!.value);
        assert.deepEqual(record.headers, records[i]!.headers);
      });
    });
  }

  it('encodes control batches (transaction markers)', async () => {
    const batch = await encodeRecordBatch({
      records: [
        { key: encodeControlRecordKey(ControlRecordType.COMMIT), value: encodeControlRecordValue(5) },
      ],
      isControl: true,
      isTransactional: true,
    });
    const {
      header,
      records: [marker],
    } = await decodeRecordBatch(batch);
    assert.equal(header.isControl, true);
    assert.deepEqual(decodeControlRecordKey(marker!.key!), { version: 0, type: ControlRecordType.COMMIT });
  });

  it('writes and reads end-transaction marker batches synchronously, as a full decode sees them', async () => {
    const batch = encodeEndTxnMarkerBatch({
      producerId: 42n,
      producerEpoch: 3,
      baseOffset: 17n,
      partitionLeaderEpoch: 2,
      timestamp: 1_700_000_000_000n,
      marker: { commit: false, coordinatorEpoch: 9 },
    });
    assert.equal(verifyBatchCrc(batch), true);
    const { header, records: decoded } = await decodeRecordBatch(batch);
    assert.deepEqual(
      [
        header.isControl,
        header.isTransactional,
        header.producerId,
        header.producerEpoch,
        header.baseSequence,
      ],
      [true, true, 42n, 3, -1],
    );
    assert.deepEqual([header.baseOffset, header.partitionLeaderEpoch, header.lastOffsetDelta], [17n, 2, 0]);
    assert.deepEqual(decodeControlRecordKey(decoded[0]!.key!), { version: 0, type: ControlRecordType.ABORT });
    assert.equal(decoded[0]!.timestamp, 1_700_000_000_000n);
    assert.deepEqual(decodeEndTxnMarker(batch), { commit: false, coordinatorEpoch: 9 });
    assert.equal(decodeEndTxnMarker(await encodeRecordBatch({ records })), null, 'not a control batch');
  });

  it('detects a flipped bit with the CRC', async () => {
    const batch = await encodeRecordBatch({ records });
    batch[100]! ^= 1;
    assert.equal(verifyBatchCrc(batch), false);
  });

  it('handles a batch larger than 1 MiB', async () => {
    const big = Array.from({ length: 1100 }, (_, i) => ({ key: null, value: Buffer.alloc(1024, i % 256) }));
    const batch = await encodeRecordBatch({ records: big, compression: CompressionCodec.lz4 });
    const decoded = await decodeRecordBatch(batch);
    assert.equal(decoded.records.length, 1100);
    assert.ok(decoded.records[1099]!.value!.equals(Buffer.alloc(1024, 1099 % 256)));
  });

  it('fails with ProtocolError at every truncation point, never another exception', async () => {
    const batch = await encodeRecordBatch({ records: records.slice(0, 5) });
    for (let cut = 0; cut < batch.length; cut++) {
      const truncated = Buffer.from(batch.subarray(0, cut));
      if (cut >= 61) truncated.writeInt32BE(truncated.length - 12, 8);
      await assert.rejects(decodeRecordBatch(truncated), ProtocolError, `cut at ${cut}`);
    }
  });

  it('splits concatenated batches and reports a trailing partial batch', async () => {
    const one = await encodeRecordBatch({ records: records.slice(0, 3) });
    const two = await encodeRecordBatch({ records: records.slice(3, 9), baseOffset: 3n });
    const { batches, trailingBytes } = splitBatches(Buffer.concat([one, two, two.subarray(0, 70)]));
    assert.equal(batches.length, 2);
    assert.equal(trailingBytes, 70);
    assert.equal(batches[1]!.header.baseOffset, 3n);
  });
});

describe('legacy message sets (magic 0 and 1)', () => {
  const messages = Array.from({ length: 5 }, (_, i) => ({
    offset: 40n + BigInt(i),
    timestamp: 1_700_000_000_000n + BigInt(i),
    key: i === 2 ? null : Buffer.from(`k${i}`),
    value: Buffer.from(`v${i}`),
  }));

  for (const magic of [0, 1] as const) {
    for (const codec of [
      CompressionCodec.none,
      CompressionCodec.gzip,
      CompressionCodec.snappy,
      CompressionCodec.lz4,
    ]) {
      it(`round-trips magic ${magic} with codec ${codec}`, async () => {
        const set = await encodeLegacyMessageSet(magic, messages, codec);
        assert.equal(detectMagic(set), magic);
        const decoded = await decodeLegacyMessageSet(set);
        assert.deepEqual(
          decoded.map((m) => [m.offset, m.key?.toString() ?? null, m.value?.toString(), m.timestamp]),
          messages.map((m) => [
            m.offset,
            m.key?.toString() ?? null,
            m.value.toString(),
            magic === 1 ? m.timestamp : -1n,
          ]),
        );
      });
    }
  }

  it('rejects a bad CRC-32', async () => {
    const set = await encodeLegacyMessageSet(1, messages);
    set[set.length - 1]! ^= 0xff;
    await assert.rejects(decodeLegacyMessageSet(set), /CRC-32 mismatch/);
  });
});
