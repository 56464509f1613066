/**
 * A full disk (issue 11): the broker's data folder is a small tmpfs that fills up under acks=all produce.
 * While it is full, Produce is refused per partition with KAFKA_STORAGE_ERROR on a connection that stays open,
 * no partial batch is left in the segment, offset commits answer NOT_COORDINATOR, reads keep serving every
 * acknowledged record, and the error is logged once rather than once per request. Once space returns, appends
 * carry on at the next offset, and after a SIGKILL recovery finds exactly the acknowledged records.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import {
  ApiKey,
  ErrorCode,
  ZERO_UUID,
  apis,
  decodeRecordBatch,
  encodeRecordBatch,
  splitBatches,
} from '@sluice/protocol';
import { startBroker, tempDataDir, type BrokerProcess } from './support/broker-process.ts';
import { kcatReadAll } from './support/kcat.ts';

const TOPIC = 'disk-full';
const RECORDS_PER_BATCH = 16;
const VALUE_BYTES = 4096;

function sh(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`);
}

function batchOf(first: number) {
  return encodeRecordBatch({
    records: Array.from({ length: RECORDS_PER_BATCH }, (_, i) => ({
      key: null,
      value: Buffer.from(`record-${first + i}:`.padEnd(VALUE_BYTES, '.')),
    })),
  });
}

async function produce(client: KafkaConnection, records: Buffer) {
  const response = await client.request(ApiKey.Produce, {
    transactionalId: null,
    acks: -1,
    timeoutMs: 5000,
    topicData: [{ name: TOPIC, partitionData: [{ index: 0, records }] }],
  });
  return response.responses[0]!.partitionResponses[0]!;
}

/** Every record of the partition, read over the wire from offset 0. */
async function readAll(client: KafkaConnection, topicId: string): Promise<string[]> {
  const values: string[] = [];
  for (;;) {
    const response = await client.request(ApiKey.Fetch, {
      ...apis[ApiKey.Fetch].defaultRequest(),
      replicaId: -1,
      maxWaitMs: 0,
      minBytes: 0,
      maxBytes: 8 << 20,
      sessionEpoch: -1,
      topics: [
        {
          topic: TOPIC,
          topicId,
          partitions: [
            {
              partition: 0,
              currentLeaderEpoch: -1,
              fetchOffset: BigInt(values.length),
              lastFetchedEpoch: -1,
              logStartOffset: -1n,
              partitionMaxBytes: 8 << 20,
              replicaDirectoryId: ZERO_UUID,
            },
          ],
        },
      ],
    });
    const partition = response.responses[0]!.partitions[0]!;
    assert.equal(partition.errorCode, ErrorCode.NONE, 'reads keep working');
    const { batches } = splitBatches(partition.records ?? Buffer.alloc(0));
    if (batches.length === 0) return values;
    for (const { bytes } of batches)
      for (const record of (await decodeRecordBatch(bytes)).records) {
        assert.equal(Number(record.offset), values.length, 'offsets have no gap');
        values.push(record.value!.toString().split(':')[0]!);
      }
  }
}

function expected(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `record-${i}`);
}

/** Writes `path` until the file system refuses more. */
function fillUp(path: string): void {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(4096, 0x66);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

function segmentBytes(dataDir: string): number {
  const dir = join(dataDir, `${TOPIC}-0`);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.log'))
    .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

describe('a broker whose disk fills up', () => {
  let mountPoint: string;
  let broker: BrokerProcess;
  let client: KafkaConnection;
  let acknowledged = 0;
  let acknowledgedBytes = 0;
  let topicId = ZERO_UUID;

  before(async () => {
    mountPoint = tempDataDir('sluice-full-');
    sh('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mountPoint]);
    broker = await startBroker({
      dataDir: mountPoint,
      // Checkpoints every second, so the background writers meet the full disk too.
      configs: { 'log.flush.offset.checkpoint.interval.ms': '1000' },
    });
    client = await KafkaConnection.connect('127.0.0.1', broker.port);
    const created = await client.request(ApiKey.CreateTopics, {
      topics: [{ name: TOPIC, numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }],
      timeoutMs: 5000,
      validateOnly: false,
    });
    assert.equal(created.topics[0]!.errorCode, ErrorCode.NONE);
    topicId = created.topics[0]!.topicId;
  });

  after(async () => {
    client?.close();
    await broker?.stop('SIGKILL');
    spawnSync('umount', ['-l', mountPoint]);
  });

  it('refuses appends with KAFKA_STORAGE_ERROR, keeps the connection and every acknowledged record', async () => {
    let refusal;
    for (let attempt = 0; attempt < 1000 && !refusal; attempt++) {
      const records = await batchOf(acknowledged);
      const result = await produce(client, records);
      if (result.errorCode === ErrorCode.NONE) {
        assert.equal(Number(result.baseOffset), acknowledged);
        acknowledged += RECORDS_PER_BATCH;
        acknowledgedBytes += records.length;
      } else {
        refusal = result;
      }
    }
    assert.ok(refusal, 'the disk filled up');
    assert.equal(refusal.errorCode, ErrorCode.KAFKA_STORAGE_ERROR, refusal.errorMessage ?? '');
    assert.ok(acknowledged > 0, 'some batches fitted');
    // A smaller write could still fit in the last free pages: take them all.
    fillUp(join(mountPoint, 'filler'));
    // Refused again and again on the same connection, never dropped.
    for (let i = 0; i < 20; i++) {
      const again = await produce(client, await batchOf(acknowledged));
      assert.equal(again.errorCode, ErrorCode.KAFKA_STORAGE_ERROR);
    }
    assert.equal(segmentBytes(mountPoint), acknowledgedBytes, 'no partial batch is left in the segment');
    assert.deepEqual(await readAll(client, topicId), expected(acknowledged));
    // The real client's view: librdkafka reads every acknowledged record while the disk is full.
    const viaKcat = await kcatReadAll(broker.bootstrap, TOPIC, { format: '%o\n' });
    assert.equal(viaKcat.length, acknowledged);
  });

  it('answers offset commits with NOT_COORDINATOR while __consumer_offsets cannot be written', async () => {
    const response = await client.request(ApiKey.OffsetCommit, {
      ...apis[ApiKey.OffsetCommit].defaultRequest(),
      groupId: 'disk-full-group',
      generationIdOrMemberEpoch: -1,
      memberId: '',
      topics: [
        {
          name: TOPIC,
          partitions: [
            {
              partitionIndex: 0,
              committedOffset: 1n,
              committedLeaderEpoch: -1,
              commitTimestamp: -1n,
              committedMetadata: '',
            },
          ],
        },
      ],
    });
    const errorCode = response.topics[0]!.partitions[0]!.errorCode;
    // Creating __consumer_offsets may itself fail on the full disk: a coordinator error either way.
    assert.ok(
      errorCode === ErrorCode.NOT_COORDINATOR || errorCode === ErrorCode.COORDINATOR_NOT_AVAILABLE,
      `commit refused with a coordinator error (got ${errorCode})`,
    );
  });

  it('logs the failure once per cause, not once per request', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const lines = broker.output().split('\n');
    const produceFailures = lines.filter((line) => /Appending to disk-full-0 failed/.test(line));
    assert.equal(produceFailures.length, 1, produceFailures.join('\n'));
    assert.ok(broker.process.exitCode === null, 'the broker is still running');
  });

  it('carries on at the next offset once space returns, and recovery after SIGKILL keeps exactly what was acknowledged', async () => {
    sh('mount', ['-o', 'remount,size=64m', mountPoint]);
    rmSync(join(mountPoint, 'filler'));
    const next = await produce(client, await batchOf(acknowledged));
    assert.equal(next.errorCode, ErrorCode.NONE);
    assert.equal(Number(next.baseOffset), acknowledged);
    acknowledged += RECORDS_PER_BATCH;
    assert.deepEqual(await readAll(client, topicId), expected(acknowledged));

    client.close();
    await broker.stop('SIGKILL');
    broker = await startBroker({ dataDir: mountPoint });
    client = await KafkaConnection.connect('127.0.0.1', broker.port);
    assert.deepEqual(await readAll(client, topicId), expected(acknowledged));
  });
});
