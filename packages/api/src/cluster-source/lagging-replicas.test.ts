import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClusterClient } from '@sluice/client';
import { laggingReplicas } from './wire-brokers.ts';

/** Log end offsets per broker and partition of topic "t"; a broker without an entry does not answer. */
function fakeClient(ends: Record<number, Record<number, bigint>>) {
  const asked: number[] = [];
  const client = {
    replicaLogEndOffsets: async (nodeId: number, partitions: { topic: string; partition: number }[]) => {
      asked.push(nodeId);
      const known = ends[nodeId];
      if (!known) throw new Error(`broker ${nodeId} refused the connection`);
      return new Map(
        partitions.map(({ topic, partition }) => [`${topic}\u0000${partition}`, known[partition]!]),
      );
    },
  } as unknown as ClusterClient;
  return { client, asked };
}

test("a replica outside the ISR is behind by the leader's log end offset minus its own", async () => {
  const { client, asked } = fakeClient({ 1: { 0: 1_500n, 1: 40n }, 3: { 0: 266n }, 2: { 1: 40n } });
  const lagging = await laggingReplicas(
    client,
    't',
    [
      { partitionIndex: 0, leaderId: 1, replicaNodes: [1, 2, 3], isrNodes: [1, 2] },
      { partitionIndex: 1, leaderId: 2, replicaNodes: [2, 1], isrNodes: [2, 1] },
    ],
    new Set([1, 2, 3]),
  );
  assert.deepEqual(lagging.get(0), [{ nodeId: 3, brokerLive: true, offsetLag: 1_234 }]);
  // A whole ISR asks nobody.
  assert.equal(lagging.get(1), undefined);
  assert.deepEqual(asked.sort(), [1, 3]);
});

test('a broker that is down, or does not answer, leaves the lag unknown', async () => {
  const { client, asked } = fakeClient({ 1: { 0: 10n } });
  const lagging = await laggingReplicas(
    client,
    't',
    [{ partitionIndex: 0, leaderId: 1, replicaNodes: [1, 2, 3], isrNodes: [1] }],
    new Set([1, 2]),
  );
  assert.deepEqual(lagging.get(0), [
    { nodeId: 2, brokerLive: true, offsetLag: null },
    { nodeId: 3, brokerLive: false, offsetLag: null },
  ]);
  // The fenced broker 3 is not asked at all.
  assert.deepEqual(asked.sort(), [1, 2]);
});
