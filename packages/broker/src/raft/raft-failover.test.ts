/**
 * Failover of the metadata quorum over real TCP: the leader is closed abruptly (no EndQuorumEpoch), the other
 * two elect a new leader in a higher epoch and keep committing, and the old leader restarts from its folder and
 * catches up. The KIP-101-like case for the metadata log: a leader that appended records no one else got
 * comes back after a new leader committed other records at those offsets, and truncates its divergent suffix.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { TestQuorum, appendValues, waitFor, type QuorumNode } from './testing/quorum-harness.ts';

function logBytes(node: QuorumNode): Buffer {
  return node.raft.raftLog.read(0, 64 * 1024 * 1024);
}

describe('the leader of a three-node quorum crashes', () => {
  let quorum: TestQuorum;
  after(() => quorum?.close());

  it('a new leader is elected in a higher epoch, commits continue with 2 of 3, the old leader catches up', async () => {
    quorum = await TestQuorum.start(3);
    const first = await quorum.waitForLeader();
    const firstEpoch = first.raft.quorum.epoch;
    for (let i = 0; i < 10; i++) await appendValues(quorum, [`before-${i}`]);
    await waitFor(
      () => quorum.nodes.every((n) => n.recorder.values().length === 10),
      10_000,
      'the first commits',
    );

    const crashedAt = Date.now();
    await first.crash();
    const second = await quorum.waitForLeader(10_000, firstEpoch + 1);
    const electionMs = Date.now() - crashedAt;
    assert.notEqual(second.nodeId, first.nodeId);
    assert.ok(second.raft.quorum.epoch > firstEpoch);
    // fetch.timeout.ms (2 s) to notice, then an election of 1-2 s, or two after a split vote.
    assert.ok(electionMs < 8000, `election took ${electionMs} ms`);

    for (let i = 0; i < 10; i++) await appendValues(quorum, [`after-${i}`]);
    const expected = [
      ...Array.from({ length: 10 }, (_, i) => `before-${i}`),
      ...Array.from({ length: 10 }, (_, i) => `after-${i}`),
    ];
    await waitFor(
      () => quorum.running().every((n) => n.recorder.values().length === 20),
      10_000,
      'commits with two of three voters',
    );
    for (const node of quorum.running()) assert.deepEqual(node.recorder.values(), expected);

    await first.start();
    await waitFor(() => first.recorder.values().length === 20, 10_000, 'the restarted node to catch up');
    assert.deepEqual(first.recorder.values(), expected);
    assert.equal(first.raft.quorum.state.name, 'Follower');
    assert.equal(first.raft.leaderAndEpoch().leaderId, second.nodeId);
    await waitFor(
      () => first.raft.raftLog.endOffset === second.raft.raftLog.endOffset,
      5000,
      'the same log end offset',
    );
    assert.deepEqual(logBytes(first), logBytes(second));
  });
});

describe('an old leader with a divergent uncommitted suffix', () => {
  let quorum: TestQuorum;
  after(() => quorum?.close());

  it('truncates it to the new leader log, and its listener never sees the uncommitted records', async () => {
    quorum = await TestQuorum.start(3);
    const old = await quorum.waitForLeader();
    const oldEpoch = old.raft.quorum.epoch;
    for (let i = 0; i < 5; i++) await appendValues(quorum, [`committed-${i}`]);
    await waitFor(
      () => quorum.nodes.every((n) => n.recorder.values().length === 5),
      10_000,
      'the first commits',
    );
    const committedEnd = old.raft.raftLog.endOffset;

    const followers = quorum.nodes.filter((n) => n !== old);
    await Promise.all(followers.map((n) => n.crash()));
    for (let i = 0; i < 5; i++) await old.raft.scheduleAppend(oldEpoch, [Buffer.from(`lost-${i}`)]);
    assert.equal(old.raft.raftLog.endOffset, committedEnd + 5);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(old.raft.highWatermark(), committedEnd, 'nothing is committed without a majority');
    await old.crash();

    await Promise.all(followers.map((n) => n.start()));
    const fresh = await quorum.waitForLeader(15_000, oldEpoch + 1);
    for (let i = 0; i < 8; i++) await appendValues(quorum, [`new-${i}`]);
    const expected = [
      ...Array.from({ length: 5 }, (_, i) => `committed-${i}`),
      ...Array.from({ length: 8 }, (_, i) => `new-${i}`),
    ];
    await waitFor(
      () => quorum.running().every((n) => n.recorder.values().length === 13),
      10_000,
      'the new commits',
    );

    await old.start();
    await waitFor(
      () =>
        old.recorder.values().length === 13 && old.raft.raftLog.endOffset === fresh.raft.raftLog.endOffset,
      10_000,
      'the old leader to catch up',
    );
    assert.deepEqual(old.recorder.values(), expected);
    assert.ok(old.recorder.values().every((v) => !v.startsWith('lost-')));
    assert.deepEqual(logBytes(old), logBytes(fresh), 'the old leader log is the new leader log');
    for (const node of quorum.nodes)
      assert.deepEqual(node.recorder.values(), expected, `node ${node.nodeId}`);
  });
});
