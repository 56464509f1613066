import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quorumStatus } from './wire-brokers.ts';

const replica = (replicaId: number, logEndOffset: bigint, lastFetchTimestamp = 1_000n) => ({
  replicaId,
  replicaDirectoryId: '',
  logEndOffset,
  lastFetchTimestamp,
  lastCaughtUpTimestamp: lastFetchTimestamp,
});

test("each voter's lag is the leader's log end offset minus its own; unknowns (-1) stay unknown", () => {
  const status = quorumStatus({
    partitionIndex: 0,
    errorCode: 0,
    errorMessage: null,
    leaderId: 2,
    leaderEpoch: 7,
    highWatermark: 118n,
    currentVoters: [replica(3, -1n, -1n), replica(2, 120n), replica(1, 100n)],
    observers: [replica(4, 119n)],
  });
  assert.deepEqual(
    status.voters.map((v) => [v.nodeId, v.logEndOffset, v.lag, v.lastFetchTimestamp]),
    [
      [1, 100, 20, 1000],
      [2, 120, 0, 1000],
      [3, null, null, null],
    ],
  );
  assert.deepEqual(
    status.observers.map((o) => [o.nodeId, o.lag]),
    [[4, 1]],
  );
  assert.equal(status.leaderEpoch, 7);
  assert.equal(status.highWatermark, 118);
  assert.equal(status.standalone, false);
});

test('without a leader (-1) no lag can be computed', () => {
  const status = quorumStatus({
    partitionIndex: 0,
    errorCode: 0,
    errorMessage: null,
    leaderId: -1,
    leaderEpoch: 7,
    highWatermark: -1n,
    currentVoters: [replica(1, 100n)],
    observers: [],
  });
  assert.equal(status.voters[0]!.lag, null);
});
