/**
 * The vote of a voter survives a restart (the `quorum-state` file, Kafka's QuorumStateData JSON): a node never
 * votes for two candidates in one epoch. Real Vote requests over TCP to a real controller listener; the other
 * voters are down and the election timeout is long, so the node under test only answers.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ApiKey, ErrorCode } from '@sluice/protocol';
import { tempDataDir } from '../../test/support/broker-process.ts';
import { QUORUM_STATE_FILE, QuorumState } from './quorum-state.ts';
import { encodeLeaderBatch } from './raft-log.ts';
import { voteRequest } from './raft-messages.ts';
import { CLUSTER_ID, TestQuorum, connectTo, type QuorumNode } from './testing/quorum-harness.ts';

describe('a voter restarted from its folder', () => {
  let quorum: TestQuorum;
  let node: QuorumNode;

  before(async () => {
    quorum = await TestQuorum.start(3, { electionTimeoutMs: 60_000, fetchTimeoutMs: 60_000 });
    await quorum.node(2).crash();
    await quorum.node(3).crash();
    node = quorum.node(1);
  });
  after(() => quorum?.close());

  async function vote(
    candidateId: number,
    epoch: number,
    last = { epoch: 0, offset: 0 },
    clusterId = CLUSTER_ID,
  ) {
    const client = await connectTo(node);
    try {
      const response = await client.request(
        ApiKey.Vote,
        voteRequest(clusterId, node.nodeId, epoch, candidateId, last.epoch, last.offset),
      );
      const partition = response.topics[0]?.partitions[0];
      return { errorCode: response.errorCode, partition };
    } finally {
      client.close();
    }
  }

  it('grants its vote in an epoch once, and only to the same candidate after a restart', async () => {
    const first = await vote(2, 5);
    assert.equal(first.partition?.voteGranted, true);
    assert.equal(node.raft.quorum.state.name, 'Voted');
    const stored = JSON.parse(readFileSync(join(node.raft.raftLog.dir, QUORUM_STATE_FILE), 'utf8'));
    assert.deepEqual(
      {
        leaderId: stored.leaderId,
        leaderEpoch: stored.leaderEpoch,
        votedId: stored.votedId,
        version: stored.data_version,
      },
      { leaderId: -1, leaderEpoch: 5, votedId: 2, version: 0 },
    );
    assert.deepEqual(stored.currentVoters, [{ voterId: 1 }, { voterId: 2 }, { voterId: 3 }]);

    await node.crash();
    await node.start();
    assert.equal(node.raft.quorum.state.name, 'Voted');
    assert.equal(node.raft.quorum.epoch, 5);

    const rival = await vote(3, 5);
    assert.equal(rival.partition?.errorCode, ErrorCode.NONE);
    assert.equal(rival.partition?.voteGranted, false, 'a second candidate in the same epoch');
    const again = await vote(2, 5);
    assert.equal(again.partition?.voteGranted, true, 'the candidate it voted for asks again');
  });

  it('answers an older epoch FENCED_LEADER_EPOCH and another cluster INCONSISTENT_CLUSTER_ID', async () => {
    const stale = await vote(3, 4);
    assert.equal(stale.partition?.errorCode, ErrorCode.FENCED_LEADER_EPOCH);
    assert.equal(stale.partition?.voteGranted, false);
    assert.equal(stale.partition?.leaderEpoch, 5);
    const foreign = await vote(3, 9, undefined, 'another-cluster');
    assert.equal(foreign.errorCode, ErrorCode.INCONSISTENT_CLUSTER_ID);
    assert.equal(node.raft.quorum.epoch, 5, 'a foreign cluster moves nothing');
  });

  it('votes only for a candidate whose log is at least as up to date', async () => {
    // Give the node a log that ends at offset 3 in epoch 5.
    const batch = await encodeLeaderBatch(
      ['a', 'b', 'c'].map((v) => ({ key: null, value: Buffer.from(v) })),
      5,
      Date.now(),
    );
    node.raft.raftLog.appendLeaderBatch(batch, Date.now());
    assert.equal(node.raft.raftLog.endOffset, 3);

    const olderEpoch = await vote(3, 6, { epoch: 4, offset: 10 });
    assert.equal(olderEpoch.partition?.voteGranted, false, 'last epoch 4 < 5');
    assert.equal(node.raft.quorum.epoch, 6, 'the higher epoch is adopted even when the vote is refused');
    const shorter = await vote(3, 7, { epoch: 5, offset: 2 });
    assert.equal(shorter.partition?.voteGranted, false, 'same last epoch, shorter log');
    const upToDate = await vote(2, 7, { epoch: 5, offset: 3 });
    assert.equal(upToDate.partition?.voteGranted, true);
  });
});

describe('a voter waiting for an election', () => {
  it('keeps its election deadline when a candidate it refuses moves the epoch on, as Kafka does', () => {
    // Regression: each higher epoch drew a fresh timeout, so a candidate with a stale log (back from SIGSTOP),
    // starting election after election, kept the up-to-date voters from ever standing: no leader for minutes.
    let now = 1_000_000;
    const config = {
      nodeId: 1,
      voters: new Map([1, 2, 3].map((id) => [id, { host: '127.0.0.1', port: 1 }])),
      electionTimeoutMs: 1000,
      fetchTimeoutMs: 2000,
      electionBackoffMaxMs: 1000,
      requestTimeoutMs: 2000,
      clusterId: CLUSTER_ID,
    };
    const state = new QuorumState(
      tempDataDir('sluice-quorum-state-'),
      config,
      () => now,
      () => 0.5,
    );
    state.transitionToUnattached(5);
    const waiting = state.state;
    assert.equal(waiting.name, 'Unattached');
    const deadline = (waiting as { electionDeadline: number }).electionDeadline;
    for (const epoch of [6, 7, 8]) {
      now += 300;
      state.transitionToUnattached(epoch);
      assert.equal((state.state as { electionDeadline: number }).electionDeadline, deadline);
    }
  });
});
