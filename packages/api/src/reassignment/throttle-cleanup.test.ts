import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import type { ClusterSource, PartitionReassignment } from '../cluster-source/cluster-source.ts';
import { clearThrottlesWhenDone, stopWatching } from './throttle-cleanup.ts';

const moving: PartitionReassignment = {
  topic: 't',
  partition: 0,
  replicas: [2, 3, 1],
  addingReplicas: [3],
  removingReplicas: [1],
};

function fakeCluster(ongoingPolls: number) {
  const calls: string[] = [];
  let polls = 0;
  const cluster = {
    listReassignments: async (topic?: string) => {
      calls.push(`list ${topic}`);
      return polls++ < ongoingPolls ? [moving] : [];
    },
    clearReplicationThrottles: async (topic: string) => {
      calls.push(`clear ${topic}`);
    },
  } as unknown as ClusterSource;
  return { cluster, calls };
}

describe('throttle cleanup', () => {
  it('removes the throttles once the topic has no reassignment left, once, and stops watching', async () => {
    const { cluster, calls } = fakeCluster(1);
    clearThrottlesWhenDone(cluster, 't');
    clearThrottlesWhenDone(cluster, 't');
    await sleep(6_500);
    assert.deepEqual(calls, ['list t', 'list t', 'clear t']);
  });

  it('leaves the throttles to the cancel once it stops watching', async () => {
    const { cluster, calls } = fakeCluster(0);
    clearThrottlesWhenDone(cluster, 't');
    stopWatching(cluster, 't');
    await sleep(2_500);
    assert.deepEqual(calls, []);
  });
});
