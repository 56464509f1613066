import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode } from '@sluice/protocol';
import { topicByName } from '../metadata/metadata-image.ts';
import { alterPartitionRequest, cluster, createTopic, partitionOf } from './controller-test-support.ts';
import type { QuorumController } from './quorum-controller.ts';

function reassign(
  controller: QuorumController,
  topic: string,
  replicas: number[] | null,
  partitionIndex = 0,
) {
  return controller.alterPartitionReassignments({
    timeoutMs: 1000,
    topics: [{ name: topic, partitions: [{ partitionIndex, replicas }] }],
  });
}

function errorOf(response: Awaited<ReturnType<typeof reassign>>): number {
  return response.responses[0]!.partitions[0]!.errorCode;
}

async function listed(controller: QuorumController) {
  return (await controller.listPartitionReassignments({ timeoutMs: 1000, topics: null })).topics;
}

/** The leader's AlterPartition adding `joining` to the ISR, as it does once they caught up. */
async function leaderExpandsIsr(
  controller: QuorumController,
  epochs: Map<number, bigint>,
  topic: string,
  newIsr: number[],
) {
  const p = partitionOf(controller, topic);
  const response = await controller.alterPartition(
    alterPartitionRequest(p.leader, epochs.get(p.leader)!, topicByName(controller.image(), topic)!.id, {
      leaderEpoch: p.leaderEpoch,
      partitionEpoch: p.partitionEpoch,
      newIsr,
    }),
    3,
  );
  return response.topics[0]!.partitions[0]!;
}

describe('partition reassignment (KIP-455)', () => {
  it('adds the target replicas first, completes once they are in the ISR, and removes the old ones', async () => {
    const { controller, epochs } = await cluster([1, 2, 3, 4]);
    await createTopic(controller, 'moving', [[1, 2, 3]]);
    const before = partitionOf(controller, 'moving');

    assert.equal(errorOf(await reassign(controller, 'moving', [4, 2, 3])), ErrorCode.NONE);
    const during = partitionOf(controller, 'moving');
    assert.deepEqual(during.replicas, [4, 2, 3, 1]);
    assert.deepEqual(during.addingReplicas, [4]);
    assert.deepEqual(during.removingReplicas, [1]);
    assert.equal(during.leader, 1, 'the leader stays until the new replicas are in sync');
    assert.deepEqual(await listed(controller), [
      {
        name: 'moving',
        partitions: [
          { partitionIndex: 0, replicas: [4, 2, 3, 1], addingReplicas: [4], removingReplicas: [1] },
        ],
      },
    ]);

    // Broker 4 caught up: the leader (1, being removed) adds it to the ISR, which completes the reassignment.
    const answer = await leaderExpandsIsr(controller, epochs, 'moving', [1, 2, 3, 4]);
    assert.equal(answer.errorCode, ErrorCode.NEW_LEADER_ELECTED, 'the old leader learns it no longer leads');
    const after = partitionOf(controller, 'moving');
    assert.deepEqual(after.replicas, [4, 2, 3]);
    assert.deepEqual(after.isr, [2, 3, 4]);
    assert.deepEqual(after.addingReplicas, []);
    assert.deepEqual(after.removingReplicas, []);
    assert.equal(after.leader, 4, 'the first replica that stays and is in the ISR');
    assert.ok(after.leaderEpoch > before.leaderEpoch);
    assert.deepEqual(await listed(controller), []);
  });

  it('completes at once when the target only reorders the replicas', async () => {
    const { controller } = await cluster([1, 2, 3]);
    await createTopic(controller, 'reorder', [[1, 2, 3]]);
    assert.equal(errorOf(await reassign(controller, 'reorder', [3, 1, 2])), ErrorCode.NONE);
    const p = partitionOf(controller, 'reorder');
    assert.deepEqual(p.replicas, [3, 1, 2]);
    assert.deepEqual(p.addingReplicas, []);
    assert.equal(p.leader, 1, 'no preferred election comes with a reorder');
    assert.deepEqual(await listed(controller), []);
  });

  it('cancels back to the original replicas, without the ones being added', async () => {
    const { controller, epochs } = await cluster([1, 2, 3, 4, 5]);
    await createTopic(controller, 'undo', [[1, 2]]);
    await reassign(controller, 'undo', [3, 4]);
    await leaderExpandsIsr(controller, epochs, 'undo', [1, 2, 3]);
    const during = partitionOf(controller, 'undo');
    assert.deepEqual(during.isr, [1, 2, 3], 'not complete while 4 is behind');
    assert.deepEqual(during.replicas, [3, 4, 1, 2]);

    assert.equal(errorOf(await reassign(controller, 'undo', null)), ErrorCode.NONE);
    const reverted = partitionOf(controller, 'undo');
    assert.deepEqual(reverted.replicas, [1, 2]);
    assert.deepEqual(reverted.isr, [1, 2]);
    assert.deepEqual(reverted.addingReplicas, []);
    assert.deepEqual(reverted.removingReplicas, []);
    assert.equal(reverted.leader, 1);

    const again = await reassign(controller, 'undo', null);
    assert.equal(errorOf(again), ErrorCode.NO_REASSIGNMENT_IN_PROGRESS);
    assert.equal(
      again.responses[0]!.partitions[0]!.errorMessage,
      'No partition reassignment is in progress.',
    );
  });

  it('answers each partition with Kafka error codes for bad targets', async () => {
    const { controller } = await cluster([1, 2, 3]);
    await createTopic(controller, 'bad', [[1, 2]]);
    const cases: [string, number, number[], number, RegExp][] = [
      ['missing', 0, [1], ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, /Unable to find a topic named missing/],
      ['bad', 7, [1], ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, /Unable to find partition bad:7/],
      ['bad', 0, [], ErrorCode.INVALID_REPLICA_ASSIGNMENT, /empty replica list/],
      ['bad', 0, [1, 9], ErrorCode.INVALID_REPLICA_ASSIGNMENT, /broker 9, but no such broker is registered/],
      ['bad', 0, [2, 2], ErrorCode.INVALID_REPLICA_ASSIGNMENT, /broker 2 more than once/],
    ];
    for (const [topic, partition, replicas, code, message] of cases) {
      const response = await reassign(controller, topic, replicas, partition);
      const result = response.responses[0]!.partitions[0]!;
      assert.equal(result.errorCode, code, `${topic}:${partition} -> ${replicas.join(',')}`);
      assert.match(result.errorMessage ?? '', message);
    }
    assert.deepEqual(partitionOf(controller, 'bad').replicas, [1, 2], 'nothing changed');
  });

  it('lists only the requested partitions that are being reassigned', async () => {
    const { controller } = await cluster([1, 2, 3]);
    await createTopic(controller, 'a', [[1], [2]]);
    await reassign(controller, 'a', [3], 1);
    const response = await controller.listPartitionReassignments({
      timeoutMs: 1000,
      topics: [
        { name: 'a', partitionIndexes: [0, 1, 5] },
        { name: 'unknown', partitionIndexes: [0] },
      ],
    });
    assert.deepEqual(response.topics, [
      {
        name: 'a',
        partitions: [{ partitionIndex: 1, replicas: [3, 2], addingReplicas: [3], removingReplicas: [2] }],
      },
    ]);
  });
});
