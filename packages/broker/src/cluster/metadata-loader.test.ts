import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLogger } from '../logger.ts';
import type { MetadataDelta } from '../metadata/metadata-delta.ts';
import type { MetadataImage } from '../metadata/metadata-image.ts';
import { serializeMetadataRecord, type MetadataRecord } from '../metadata/metadata-record-serde.ts';
import { writeMetadataSnapshot } from '../metadata/metadata-snapshot.ts';
import { MetadataLoader } from './metadata-loader.ts';

const TOPIC_A = 'AAAAAAAAAAAAAAAAAAAAAQ';
const TOPIC_B = 'AAAAAAAAAAAAAAAAAAAAAg';

function topic(name: string, topicId: string, replicas: number[], leader: number): MetadataRecord[] {
  return [
    { type: 'TopicRecord', data: { name, topicId } },
    {
      type: 'PartitionRecord',
      data: {
        partitionId: 0,
        topicId,
        replicas,
        isr: replicas,
        removingReplicas: [],
        addingReplicas: [],
        leader,
        leaderRecoveryState: 0,
        leaderEpoch: 0,
        partitionEpoch: 0,
        directories: [],
        eligibleLeaderReplicas: null,
        lastKnownElr: null,
      },
    },
  ];
}

function batch(baseOffset: number, records: MetadataRecord[]) {
  return {
    baseOffset,
    lastOffset: baseOffset + records.length - 1,
    epoch: 1,
    appendTimestamp: 0,
    records: records.map((record) => serializeMetadataRecord(record)),
  };
}

function recordingLoader() {
  const loader = new MetadataLoader(createLogger('test', 'silent'));
  const seen: { delta: MetadataDelta; image: MetadataImage }[] = [];
  loader.install({ name: 'recorder', onMetadataUpdate: (delta, image) => void seen.push({ delta, image }) });
  return { loader, seen };
}

describe('MetadataLoader', () => {
  it('replays committed batches in order and tells publishers which partitions this broker leads or follows', async () => {
    const { loader, seen } = recordingLoader();
    await loader.handleCommit(batch(0, topic('orders', TOPIC_A, [1, 2], 1)));
    await loader.handleCommit(batch(2, topic('audit', TOPIC_B, [2, 3], 3)));
    assert.equal(loader.appliedOffset, 3);
    assert.deepEqual([...loader.image.topicIdsByName.keys()].sort(), ['audit', 'orders']);
    const forBroker2 = seen.map(({ delta }) => delta.localChanges(2));
    assert.deepEqual(
      forBroker2[0]!.followers.map((p) => p.topicName),
      ['orders'],
    );
    assert.deepEqual(
      forBroker2[1]!.followers.map((p) => p.topicName),
      ['audit'],
    );
    assert.deepEqual(
      seen[0]!.delta.localChanges(1).leaders.map((p) => p.topicName),
      ['orders'],
    );

    // A batch delivered again (after a Raft resend) changes nothing and reaches no publisher.
    await loader.handleCommit(batch(2, topic('audit', TOPIC_B, [2, 3], 3)));
    assert.equal(seen.length, 2);
  });

  it('takes a snapshot as a delta against the image it replaces, so dropped topics are deleted locally', async () => {
    const { loader, seen } = recordingLoader();
    await loader.handleCommit(
      batch(0, [...topic('orders', TOPIC_A, [1, 2], 1), ...topic('audit', TOPIC_B, [2], 2)]),
    );
    const other = new MetadataLoader(createLogger('test', 'silent'));
    await other.handleCommit(batch(0, topic('audit', TOPIC_B, [2], 2)));
    await loader.handleLoadSnapshot({
      id: { endOffset: 10, epoch: 1 },
      records: writeMetadataSnapshot(other.image),
    });
    assert.equal(loader.appliedOffset, 9);
    assert.deepEqual([...loader.image.topicIdsByName.keys()], ['audit']);
    const changes = seen.at(-1)!.delta.localChanges(2);
    assert.deepEqual(
      changes.deletes.map((p) => p.topicName),
      ['orders'],
    );
  });

  it('stops at a record it cannot read instead of acting on half a batch', async () => {
    const { loader, seen } = recordingLoader();
    const broken = batch(0, topic('orders', TOPIC_A, [1], 1));
    await loader.handleCommit({ ...broken, records: [broken.records[0]!, Buffer.from([0, 99, 0])] });
    assert.equal(seen.length, 0);
    assert.equal(loader.appliedOffset, -1);
    await loader.handleCommit(batch(2, topic('audit', TOPIC_B, [1], 1)));
    assert.equal(seen.length, 0, 'nothing after the unreadable batch is applied');
  });
});
