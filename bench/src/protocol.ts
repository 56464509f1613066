/**
 * Protocol benchmarks: a 1 MiB Produce request through the generated codecs, CRC-32C, and each compression
 * codec, beside memcpy speed measured in the same run.
 */
import { randomBytes } from 'node:crypto';
import { crc32c } from '@node-rs/crc32';
import {
  ApiKey,
  CompressionCodec,
  compress,
  decodeRecordBatch,
  decodeRequest,
  decompress,
  encodeRecordBatch,
  encodeRequest,
  type ProduceRequest,
} from '@sluice/protocol';
import { measure, measureMemcpy, withRatios, type Measurement, type SuiteResult } from './harness.ts';

const MiB = 2 ** 20;

/** 1 KiB records of JSON-like text: compressible the way real event payloads are. */
function jsonLikeRecords(totalBytes: number, recordBytes = 1024): { key: Buffer; value: Buffer }[] {
  const records = [];
  for (let i = 0; i * recordBytes < totalBytes; i++) {
    const body = JSON.stringify({
      id: i,
      user: `user-${i % 997}`,
      event: ['click', 'view', 'purchase', 'scroll'][i % 4],
      at: 1_700_000_000_000 + i,
      payload: randomBytes(160).toString('base64'),
    });
    records.push({ key: Buffer.from(`key-${i}`), value: Buffer.from(body.padEnd(recordBytes - 16, ' ')) });
  }
  return records;
}

export async function protocolSuite(): Promise<SuiteResult> {
  const memcpy = await measureMemcpy();
  const records = jsonLikeRecords(MiB);
  const batch = await encodeRecordBatch({
    baseTimestamp: 1_700_000_000_000n,
    records,
    compression: CompressionCodec.none,
  });
  const produce: ProduceRequest = {
    transactionalId: null,
    acks: -1,
    timeoutMs: 30_000,
    topicData: [{ name: 'bench', partitionData: [{ index: 0, records: batch }] }],
  };
  const frame = Buffer.concat(encodeRequest(ApiKey.Produce, 11, 1, 'bench', produce)).subarray(4);
  const measurements: Measurement[] = [
    await measure('Produce v11 request decode (1 MiB, records kept as bytes)', frame.length, () =>
      decodeRequest(frame),
    ),
    await measure('Produce v11 request encode (1 MiB)', frame.length, () =>
      encodeRequest(ApiKey.Produce, 11, 1, 'bench', produce),
    ),
    await measure('record batch decode (1 MiB, 1 KiB records, uncompressed)', batch.length, () =>
      decodeRecordBatch(batch),
    ),
    await measure('record batch encode (1 MiB, 1 KiB records, uncompressed)', batch.length, () =>
      encodeRecordBatch({ baseTimestamp: 1_700_000_000_000n, records, compression: CompressionCodec.none }),
    ),
    await measure('CRC-32C (@node-rs/crc32, 1 MiB)', batch.length, () => crc32c(batch)),
  ];
  const raw = Buffer.concat(records.map((r) => r.value));
  for (const [name, codec] of Object.entries(CompressionCodec)) {
    if (codec === CompressionCodec.none) continue;
    const compressed = await compress(codec, raw);
    const ratio = (raw.length / compressed.length).toFixed(1);
    measurements.push(
      await measure(
        `${name} compress (1 MiB JSON-like)`,
        raw.length,
        () => compress(codec, raw),
        `ratio ${ratio}:1`,
      ),
      await measure(`${name} decompress (1 MiB JSON-like)`, raw.length, () => decompress(codec, compressed)),
    );
  }
  return {
    title: 'Protocol: codecs, record batches, CRC-32C, compression',
    limit: { name: memcpy.name, mbPerSecond: memcpy.mbPerSecond },
    measurements: withRatios(measurements, memcpy.mbPerSecond),
    notes: [
      'Request decode keeps record data as a view of the frame (no copy), so it runs far above memcpy speed: the figure is header parsing only.',
      'MB/s counts uncompressed bytes for compression; each operation is single-threaded on the event loop or a native call.',
    ],
  };
}
