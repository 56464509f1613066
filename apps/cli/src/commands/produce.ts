/**
 * `sluice produce`: like kafka-console-producer, one record per stdin line. With --key-separator each line is
 * "key<sep>value" (Kafka's parse.key); --headers adds "k=v,k2=v2" to every record. Keyed records go to Kafka's
 * default partition for their key; unkeyed ones fill batches round-robin across partitions.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ClusterClient, partitionForKey } from '@sluice/client';
import { CompressionCodec, encodeRecordBatch, type RecordInput } from '@sluice/protocol';
import { CliError } from '../cli-error.ts';

const BATCH_RECORDS = 500;

function parseHeaders(text: string | undefined): { key: string; value: Buffer }[] {
  if (!text) return [];
  return text.split(',').map((pair) => {
    const separator = pair.indexOf('=');
    if (separator <= 0) throw new CliError(`--headers expects k=v[,k2=v2], got "${pair}"`);
    return { key: pair.slice(0, separator), value: Buffer.from(pair.slice(separator + 1)) };
  });
}

export async function produceCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      'bootstrap-server': { type: 'string', default: '127.0.0.1:9092' },
      topic: { type: 'string' },
      partition: { type: 'string' },
      'key-separator': { type: 'string' },
      headers: { type: 'string' },
      compression: { type: 'string', default: 'none' },
      acks: { type: 'string', default: '-1' },
    },
    strict: true,
  });
  if (!values.topic) throw new CliError('--topic is required');
  const codec = (CompressionCodec as Record<string, number>)[values.compression];
  if (codec === undefined)
    throw new CliError(`--compression must be one of ${Object.keys(CompressionCodec).join(', ')}`);
  const acks = Number(values.acks);
  if (![-1, 0, 1].includes(acks)) throw new CliError('--acks must be -1, 0 or 1');
  const headers = parseHeaders(values.headers);
  const separator = values['key-separator'];
  const client = new ClusterClient(values['bootstrap-server']);
  try {
    const topic = await client.topic(values.topic, true);
    const partitionCount = topic.partitions.length;
    const fixed = values.partition === undefined ? null : Number(values.partition);
    if (fixed !== null && (!Number.isInteger(fixed) || fixed < 0 || fixed >= partitionCount)) {
      throw new CliError(`--partition must be between 0 and ${partitionCount - 1}`);
    }
    const pending = new Map<number, RecordInput[]>();
    let roundRobin = 0;
    let produced = 0;
    const flush = async (partition: number) => {
      const records = pending.get(partition);
      if (!records || records.length === 0) return;
      pending.delete(partition);
      const batch = await encodeRecordBatch({ records, compression: codec });
      await client.produce(topic, partition, batch, acks);
      produced += records.length;
    };
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      let key: Buffer | null = null;
      let value = line;
      if (separator !== undefined) {
        const at = line.indexOf(separator);
        if (at < 0) throw new CliError(`No key separator found on line: ${line}`);
        key = Buffer.from(line.slice(0, at));
        value = line.slice(at + separator.length);
      }
      const partition = fixed ?? (key ? partitionForKey(key, partitionCount) : roundRobin % partitionCount);
      const records = pending.get(partition) ?? [];
      records.push({ key, value: Buffer.from(value), headers, timestamp: BigInt(Date.now()) });
      pending.set(partition, records);
      if (records.length >= BATCH_RECORDS) {
        await flush(partition);
        if (!key && fixed === null) roundRobin++;
      }
    }
    for (const partition of [...pending.keys()]) await flush(partition);
    console.error(`produced ${produced} record(s) to ${values.topic}`);
  } finally {
    client.close();
  }
}
