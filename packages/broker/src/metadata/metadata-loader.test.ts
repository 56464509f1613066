import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode } from '@sluice/protocol';
import { addBroker, startController } from '../controller/controller-test-support.ts';
import type { LocalReplicaChanges } from './metadata-delta.ts';
import { topicByName } from './metadata-image.ts';
import { MetadataLoader, deltaToImage } from './metadata-loader.ts';

describe('MetadataLoader', () => {
  it("publishes each committed change with the broker's local replica changes, in order", async () => {
    const { controller, raft } = await startController();
    const loader = new MetadataLoader();
    const seen: LocalReplicaChanges[] = [];
    loader.installPublisher({ onMetadataUpdate: (delta) => seen.push(delta.localChanges(1)) });
    raft.register(loader);
    await addBroker(controller, 1);
    await addBroker(controller, 2);
    const [created] = await controller.createTopics({
      topics: [
        {
          name: 'logs',
          numPartitions: -1,
          replicationFactor: -1,
          assignments: [
            { partitionIndex: 0, brokerIds: [1, 2] },
            { partitionIndex: 1, brokerIds: [2, 1] },
          ],
          configs: [],
        },
      ],
      timeoutMs: 1000,
      validateOnly: false,
    });
    assert.equal(created!.errorCode, ErrorCode.NONE);
    assert.deepEqual(loader.image(), controller.image());
    const topicChange = seen.find((c) => c.leaders.length + c.followers.length > 0)!;
    assert.deepEqual(
      topicChange.leaders.map((c) => c.partition),
      [0],
    );
    assert.deepEqual(
      topicChange.followers.map((c) => c.partition),
      [1],
    );

    // A publisher installed late sees the whole image as new.
    const late: LocalReplicaChanges[] = [];
    loader.installPublisher({ onMetadataUpdate: (delta) => late.push(delta.localChanges(2)) });
    assert.equal(late.length, 1);
    assert.deepEqual(
      late[0]!.leaders.map((c) => c.partition),
      [1],
    );
  });

  it('turns a snapshot loaded over an older image into the delta between them', async () => {
    const { controller } = await startController();
    await addBroker(controller, 1);
    const topic = (name: string) => ({
      name,
      numPartitions: 1,
      replicationFactor: 1,
      assignments: [],
      configs: [{ name: 'retention.ms', value: '1000' }],
    });
    await controller.createTopics({
      topics: [topic('old'), topic('kept')],
      timeoutMs: 1000,
      validateOnly: false,
    });
    const before = controller.image();
    await controller.deleteTopics({ topics: [], topicNames: ['old'], timeoutMs: 1000 }, 5);
    await controller.createTopics({ topics: [topic('new')], timeoutMs: 1000, validateOnly: false });
    const after = controller.image();

    const delta = deltaToImage(before, after);
    assert.deepEqual(delta.apply(), after);
    assert.deepEqual(
      delta.localChanges(1).deletes.map((d) => d.topicName),
      ['old'],
    );
    assert.ok(topicByName(delta.apply(), 'new'));
  });
});
