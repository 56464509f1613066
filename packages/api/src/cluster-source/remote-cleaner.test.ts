/**
 * The log cleaner's status of a real 3-broker cluster (one OS process per broker, started with the command
 * lines `sluice cluster` prints, each with its HTTP listener on) through the remote ClusterSource, as a console
 * started with --bootstrap-server reads it: each partition from its leader's GET /v1/cleaner.
 *
 * A compacted topic of three partitions, one led by each broker (replication factor 1, so a stopped broker's
 * partition has no other replica to lead it), with 200-byte segments and min.cleanable.dirty.ratio=0.01, gets
 * the same ten keys five times per partition, one batch a round, so each round rolls a segment. The cleaner
 * (log.cleaner.backoff.ms=200) then keeps in the four closed segments only each key's last record: 30 records
 * removed per partition, the first dirty offset at the active segment's base offset (40), nothing left to clean.
 *
 * broker.session.timeout.ms is long, so a SIGKILLed or SIGSTOPped broker stays the leader in the metadata for the
 * test's length: its partition is then unread, with a reason naming the broker, and the others still show.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { BrokerCleanerStatusCache, ClusterClient, KafkaError, throwIfError } from '@sluice/client';
import { encodeRecordBatch } from '@sluice/protocol';
import { startCluster, type ClusterProcess } from '../../../broker/test/support/cluster-process.ts';
import { waitFor } from '../../../broker/test/support/cluster-tools.ts';
import type { PartitionCompaction } from './compaction-status.ts';
import { RemoteClusterSource } from './remote-cluster-source.ts';

const TOPIC = 'prices';
const KEYS = 10;
const ROUNDS = 5;
/** Partition P is led by broker P+1. */
const PARTITIONS = 3;
const CLEANED_TIMEOUT_MS = 60_000;

let cluster: ClusterProcess;
let client: ClusterClient;
let source: RemoteClusterSource;

const cleaned = (p: PartitionCompaction) =>
  p.cleaner !== null && p.cleaner.passes >= 1 && p.cleaner.eligibility === 'clean';

/**
 * Produce, retried while the error is retriable: the metadata may name a leader before that broker has the
 * partition (UNKNOWN_TOPIC_OR_PARTITION, not appended, so a retry adds no duplicate).
 */
async function produceOnceTheLeaderKnows(
  topic: Awaited<ReturnType<ClusterClient['topic']>>,
  partition: number,
  batch: Buffer,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await client.produce(topic, partition, batch);
      return;
    } catch (error) {
      if (!(error instanceof KafkaError) || !error.retriable || Date.now() > deadline) throw error;
      await sleep(250);
    }
  }
}

before(async () => {
  cluster = await startCluster({
    brokers: 3,
    configs: { 'log.cleaner.backoff.ms': '200', 'broker.session.timeout.ms': '600000' },
  });
  client = new ClusterClient(cluster.bootstrap, 'remote-cleaner-test');
  source = RemoteClusterSource.forBootstrap(cluster.bootstrap);
  // Right after start the brokers may not all have registered: an assignment naming one is refused until then.
  await waitFor('the compacted topic created', async () => {
    const [result] = await client.createTopics([
      {
        name: TOPIC,
        numPartitions: -1,
        replicationFactor: -1,
        assignments: Array.from({ length: PARTITIONS }, (_, p) => ({
          partitionIndex: p,
          brokerIds: [p + 1],
        })),
        configs: [
          { name: 'cleanup.policy', value: 'compact' },
          { name: 'segment.bytes', value: '200' },
          { name: 'min.cleanable.dirty.ratio', value: '0.01' },
        ],
      },
    ]);
    if (result!.errorCode === 36) return true; // TOPIC_ALREADY_EXISTS: an earlier attempt's answer was lost
    throwIfError(result!.errorCode, result!.errorMessage);
    return true;
  });
  const topic = await waitFor('a leader for every partition', async () => {
    const found = await client.topic(TOPIC);
    return found.partitions.every((p) => p.leaderId === p.partitionIndex + 1) ? found : null;
  });
  for (let partition = 0; partition < PARTITIONS; partition++)
    for (let round = 0; round < ROUNDS; round++) {
      const batch = await encodeRecordBatch({
        records: Array.from({ length: KEYS }, (_, key) => ({
          key: Buffer.from(`key-${key}`),
          value: Buffer.from(`round ${round} of key ${key}`),
          headers: [],
        })),
      });
      await produceOnceTheLeaderKnows(topic, partition, batch);
    }
});

after(async () => {
  source?.close();
  client?.close();
  await cluster?.stopAll();
});

describe('the remote cluster source reads the log cleaner from each partition leader', () => {
  it("shows each partition's cleaner status as its leader reports it, on the topic page and the Cleaner page", async () => {
    const compaction = await waitFor(
      'a cleaning pass over every partition',
      async () => {
        const status = await source.topicCompaction(TOPIC);
        return status?.partitions.length === PARTITIONS && status.partitions.every(cleaned) ? status : null;
      },
      CLEANED_TIMEOUT_MS,
    );
    assert.equal(compaction.cleanerUnavailableReason, null);
    assert.equal(compaction.compacted, true);
    for (const p of compaction.partitions) {
      assert.equal(p.leader, p.partition + 1);
      assert.equal(p.cleanerBrokerId, p.leader, 'read from the leader');
      assert.equal(p.cleanerUnavailableReason, null);
      assert.equal(p.retention, null, 'the retention outlook needs the segments');
      const cleaner = p.cleaner!;
      assert.equal(cleaner.topic, TOPIC);
      assert.equal(cleaner.partition, p.partition);
      assert.equal(cleaner.recordsRemoved, (ROUNDS - 2) * KEYS, 'all but the last closed round of each key');
      assert.equal(cleaner.firstDirtyOffset, (ROUNDS - 1) * KEYS, "the active segment's base offset");
      assert.ok(cleaner.bytesRemoved > 0, `bytes removed: ${cleaner.bytesRemoved}`);
      assert.equal(cleaner.dirtyRatio, 0);
      assert.equal(cleaner.minCleanableDirtyRatio, 0.01);
      assert.ok(cleaner.lastPass !== null && cleaner.lastPass.startedAt <= Date.now());
    }

    const overview = await source.cleanerOverview();
    assert.equal(overview.unavailableReason, null);
    assert.deepEqual(
      overview.partitions
        .filter((s) => s.topic === TOPIC)
        .map((s) => [s.partition, s.brokerId, s.recordsRemoved])
        .sort((a, b) => a[0]! - b[0]!),
      compaction.partitions.map((p) => [p.partition, p.leader, p.cleaner!.recordsRemoved]),
      'every broker is read, each partition from its leader',
    );
    assert.deepEqual(overview.unread, []);
  });

  it('reads each broker at most once per cache period, a read in flight shared', async () => {
    const cache = new BrokerCleanerStatusCache(client, { maxAgeMs: 500, timeoutMs: 2_000 });
    const first = cache.read(1);
    assert.equal(cache.read(1), first);
    const answer = await first;
    assert.equal(answer.kind, 'read');
    assert.equal(cache.read(1), first, 'still fresh');
    await sleep(600);
    assert.notEqual(cache.read(1), first, 'read again once older than maxAgeMs');
  });

  it('gives the partition of a SIGSTOPped leader a reason once the short deadline passes; the others still show', async () => {
    const stopped = 2;
    await cluster.signal(stopped, 'SIGSTOP');
    try {
      const overview = await waitFor(
        `broker ${stopped}'s partition unread`,
        async () => {
          const read = await source.cleanerOverview();
          return read.unread.some((u) => u.topic === TOPIC) ? read : null;
        },
        30_000,
      );
      assert.deepEqual(
        overview.unread.map((u) => [u.topic, u.partition, u.brokerId]),
        [[TOPIC, stopped - 1, stopped]],
      );
      assert.match(overview.unread[0]!.reason, /^broker 2 did not describe its configs \(.*no answer within/);
      assert.deepEqual(
        overview.partitions
          .filter((s) => s.topic === TOPIC)
          .map((s) => s.partition)
          .sort(),
        [0, 2],
      );
    } finally {
      await cluster.signal(stopped, 'SIGCONT');
    }
  });

  it('gives the partition of a killed leader a reason naming the broker and the error; the others still show', async () => {
    const killed = 3;
    await cluster.signal(killed, 'SIGKILL');
    const compaction = await waitFor(
      `broker ${killed}'s partition unread`,
      async () => {
        const status = (await source.topicCompaction(TOPIC))!;
        return status.partitions[killed - 1]!.cleaner === null ? status : null;
      },
      30_000,
    );
    const down = compaction.partitions[killed - 1]!;
    assert.equal(down.leader, killed, 'still the leader: not fenced yet');
    assert.equal(down.sizeBytes, null, 'its only replica is down: the size is unknown, not 0');
    assert.match(down.cleanerUnavailableReason ?? '', /^broker 3 did not describe its configs \(.+\)$/);
    assert.equal(compaction.cleanerUnavailableReason, null, 'the others were read');
    assert.deepEqual(
      compaction.partitions.filter((p) => p.cleaner !== null).map((p) => [p.partition, p.cleanerBrokerId]),
      [
        [0, 1],
        [1, 2],
      ],
    );

    const overview = await source.cleanerOverview();
    assert.deepEqual(
      overview.unread.map((u) => [u.topic, u.partition, u.brokerId, u.reason]),
      [[TOPIC, killed - 1, killed, down.cleanerUnavailableReason]],
    );
  });
});
