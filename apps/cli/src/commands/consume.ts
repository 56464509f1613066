/**
 * `sluice consume`: like kafka-console-consumer without a group. Reads one partition (--partition) or all of
 * them, from the latest offset by default, --from-beginning, or --offset (earliest|latest|N, with --partition),
 * and prints each record in a format of choice until --max-messages or --timeout-ms of silence. Transaction
 * markers (control records) are never printed; with --isolation-level read_committed, as a Kafka consumer with
 * isolation.level=read_committed, it reads up to the last stable offset and leaves out aborted transactions.
 */
import { parseArgs } from 'node:util';
import { AbortedTransactionFilter, ClusterClient, IsolationLevel } from '@sluice/client';
import { decodeRecordBatch, splitBatches, type DecodedRecord } from '@sluice/protocol';
import { CliError } from '../cli-error.ts';

const FORMATS = ['text', 'json', 'hex', 'base64'] as const;
const ISOLATION_LEVELS: Record<string, IsolationLevel> = {
  read_uncommitted: IsolationLevel.READ_UNCOMMITTED,
  read_committed: IsolationLevel.READ_COMMITTED,
};
type Format = (typeof FORMATS)[number];

function encodeBytes(bytes: Buffer | null, format: Format): string | null {
  if (bytes === null) return null;
  if (format === 'hex') return bytes.toString('hex');
  if (format === 'base64') return bytes.toString('base64');
  return bytes.toString('utf8');
}

function render(
  partition: number,
  record: DecodedRecord,
  format: Format,
  printKey: boolean,
  separator: string,
): string {
  if (format === 'json') {
    return JSON.stringify({
      partition,
      offset: Number(record.offset),
      timestamp: Number(record.timestamp),
      key: encodeBytes(record.key, 'text'),
      value: encodeBytes(record.value, 'text'),
      headers: Object.fromEntries(record.headers.map((h) => [h.key, h.value?.toString('utf8') ?? null])),
    });
  }
  const value = encodeBytes(record.value, format) ?? 'null';
  return printKey ? `${encodeBytes(record.key, format) ?? 'null'}${separator}${value}` : value;
}

export async function consumeCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      'bootstrap-server': { type: 'string', default: '127.0.0.1:9092' },
      topic: { type: 'string' },
      partition: { type: 'string' },
      offset: { type: 'string' },
      'from-beginning': { type: 'boolean', default: false },
      'max-messages': { type: 'string' },
      'timeout-ms': { type: 'string' },
      'print-key': { type: 'boolean', default: false },
      'key-separator': { type: 'string', default: '\t' },
      format: { type: 'string', default: 'text' },
      'isolation-level': { type: 'string', default: 'read_uncommitted' },
    },
    strict: true,
  });
  const isolationLevel = ISOLATION_LEVELS[values['isolation-level']];
  if (isolationLevel === undefined)
    throw new CliError('--isolation-level must be read_uncommitted or read_committed');
  if (!values.topic) throw new CliError('--topic is required');
  if (!(FORMATS as readonly string[]).includes(values.format))
    throw new CliError(`--format must be one of ${FORMATS.join(', ')}`);
  if (values.offset !== undefined && values.partition === undefined) {
    throw new CliError('The partition is required when offset is specified.');
  }
  const maxMessages = values['max-messages'] === undefined ? Infinity : Number(values['max-messages']);
  const timeoutMs = values['timeout-ms'] === undefined ? Infinity : Number(values['timeout-ms']);
  const format = values.format as Format;
  const client = new ClusterClient(values['bootstrap-server']);
  let stopped = false;
  process.once('SIGINT', () => (stopped = true));
  try {
    const topic = await client.topic(values.topic);
    const partitions =
      values.partition === undefined
        ? topic.partitions.map((p) => p.partitionIndex).sort((a, b) => a - b)
        : [Number(values.partition)];
    const start = values.offset ?? (values['from-beginning'] ? 'earliest' : 'latest');
    const positions = new Map<number, bigint>();
    for (const partition of partitions) {
      if (start === 'earliest') positions.set(partition, await client.listOffset(topic, partition, -2n));
      else if (start === 'latest')
        positions.set(partition, await client.listOffset(topic, partition, -1n, isolationLevel));
      else if (/^\d+$/.test(start)) positions.set(partition, BigInt(start));
      else throw new CliError(`--offset must be earliest, latest or a number, got "${start}"`);
    }
    const aborted = new Map(partitions.map((p) => [p, new AbortedTransactionFilter()]));
    let printed = 0;
    let lastData = Date.now();
    while (!stopped && printed < maxMessages && Date.now() - lastData < timeoutMs) {
      let gotData = false;
      for (const partition of partitions) {
        const data = await client.fetch(topic, partition, positions.get(partition)!, {
          maxWaitMs: partitions.length > 1 ? 100 : 500,
          isolationLevel,
        });
        const filter = aborted.get(partition)!;
        filter.addAborted(data.abortedTransactions);
        for (const { header, bytes } of splitBatches(data.records ?? Buffer.alloc(0)).batches) {
          const { records } = await decodeRecordBatch(bytes);
          const skip = filter.isAborted(header, header.isControl ? records : []) || header.isControl;
          for (const record of skip ? [] : records) {
            if (record.offset < positions.get(partition)!) continue;
            process.stdout.write(
              `${render(partition, record, format, values['print-key'], values['key-separator'])}\n`,
            );
            positions.set(partition, record.offset + 1n);
            gotData = true;
            if (++printed >= maxMessages) break;
          }
          if (printed >= maxMessages) break;
          // Past markers and aborted records too, so the next fetch does not read them again.
          const batchEnd = header.baseOffset + BigInt(header.lastOffsetDelta) + 1n;
          if (batchEnd > positions.get(partition)!) positions.set(partition, batchEnd);
        }
        if (printed >= maxMessages) break;
      }
      if (gotData) lastData = Date.now();
    }
    console.error(`Processed a total of ${printed} messages`);
  } finally {
    client.close();
  }
}
