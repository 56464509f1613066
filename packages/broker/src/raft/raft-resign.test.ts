/**
 * A leader that steps down. Gracefully (shutdown): it sends EndQuorumEpoch naming its most caught-up follower,
 * which runs at once, so a new leader is in place well before fetch.timeout.ms would have noticed. Cut off
 * (check quorum): a leader that hears no Fetch from a majority for 1.5 x fetch.timeout.ms resigns and
 * refuses appends, so an isolated leader does not go on acting as one.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { TestQuorum, appendValues, waitFor } from './testing/quorum-harness.ts';

describe('a leader that shuts down gracefully', () => {
  let quorum: TestQuorum;
  after(() => quorum?.close());

  it('hands over through EndQuorumEpoch faster than the fetch timeout', async () => {
    quorum = await TestQuorum.start(3);
    const leader = await quorum.waitForLeader();
    const epoch = leader.raft.quorum.epoch;
    await appendValues(quorum, ['x']);
    await waitFor(() => quorum.nodes.every((n) => n.recorder.values().length === 1), 5000, 'the commit');
    const started = Date.now();
    await leader.shutdown();
    const next = await quorum.waitForLeader(5000, epoch + 1);
    const handoverMs = Date.now() - started;
    assert.notEqual(next.nodeId, leader.nodeId);
    assert.ok(
      handoverMs < next.config.fetchTimeoutMs,
      `handover took ${handoverMs} ms, fetch timeout is ${next.config.fetchTimeoutMs} ms`,
    );
    await appendValues(quorum, ['y']);
    await waitFor(
      () => quorum.running().every((n) => n.recorder.values().length === 2),
      5000,
      'a commit after',
    );
  });
});

describe('a leader cut off from the other voters', () => {
  let quorum: TestQuorum;
  after(() => quorum?.close());

  it('resigns after 1.5 x fetch.timeout.ms without a majority and refuses appends', async () => {
    quorum = await TestQuorum.start(3, { fetchTimeoutMs: 1000 });
    const leader = await quorum.waitForLeader();
    const epoch = leader.raft.quorum.epoch;
    const others = quorum.nodes.filter((n) => n !== leader);
    await Promise.all(others.map((n) => n.crash()));
    const cutOffAt = Date.now();
    await waitFor(() => leader.raft.quorum.state.name !== 'Leader', 5000, 'the isolated leader to resign');
    const elapsed = Date.now() - cutOffAt;
    assert.ok(elapsed >= 1000, `resigned after only ${elapsed} ms`);
    await assert.rejects(leader.raft.scheduleAppend(epoch, [Buffer.from('z')]), { name: 'NotLeaderError' });
  });
});
