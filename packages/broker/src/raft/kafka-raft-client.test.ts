/**
 * The metadata quorum over real TCP on 127.0.0.1 (in-process nodes, each with its own folder and controller
 * listener): a single voter elects itself and commits; three voters elect exactly one leader, commit, and every
 * listener sees the same batches in the same order; DescribeQuorum reports the leader's view.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ApiKey, ErrorCode } from '@sluice/protocol';
import { METADATA_TOPIC } from './raft-log.ts';
import { TestQuorum, appendValues, connectTo, waitFor } from './testing/quorum-harness.ts';

describe('a one-node quorum', () => {
  let quorum: TestQuorum;
  after(() => quorum?.close());

  it('elects itself and commits what it appends', async () => {
    quorum = await TestQuorum.start(1);
    const leader = await quorum.waitForLeader(5000);
    assert.equal(leader.nodeId, 1);
    const epoch = leader.raft.quorum.epoch;
    assert.ok(epoch >= 1);
    const lastOffset = await leader.raft.scheduleAppend(epoch, [Buffer.from('a'), Buffer.from('b')]);
    // Offset 0 is the LeaderChangeMessage the leader wrote on election.
    assert.equal(lastOffset, 2);
    await waitFor(() => leader.recorder.values().length === 2, 5000, 'the commit');
    assert.deepEqual(leader.recorder.values(), ['a', 'b']);
    assert.equal(leader.raft.highWatermark(), 3);
    const batch = leader.recorder.batches[0]!;
    assert.deepEqual([batch.baseOffset, batch.lastOffset, batch.epoch], [1, 2, epoch]);
    assert.deepEqual(leader.recorder.leaders.at(-1), { leaderId: 1, epoch });
  });

  it('restarts from its folder as leader of a new epoch, with its committed log', async () => {
    const node = quorum.node(1);
    const oldEpoch = node.raft.quorum.epoch;
    await node.crash();
    const restartedAt = Date.now();
    await node.start();
    const leader = await quorum.waitForLeader(5000, oldEpoch + 1);
    assert.ok(Date.now() - restartedAt < 500, 'the only voter elects itself at once');
    await waitFor(() => leader.recorder.values().length === 2, 5000, 'the committed log again');
    assert.deepEqual(leader.recorder.values(), ['a', 'b']);
    // Regression: the restarted node used to tell its listeners it led before they had the old log, so a
    // controller took the log for empty and wrote its bootstrap records (deleted SCRAM users) again.
    const heard = leader.recorder.leaders.findIndex((l) => l.leaderId === 1 && l.epoch > oldEpoch);
    assert.ok(heard >= 0, 'the listener heard of the new leadership');
    assert.equal(leader.recorder.valuesSeenAtLeaderChange[heard], 2, 'only after the committed log');
    await leader.raft.scheduleAppend(leader.raft.quorum.epoch, [Buffer.from('c')]);
    await waitFor(() => leader.recorder.values().length === 3, 5000, 'a commit in the new epoch');
    assert.equal(leader.recorder.batches.at(-1)!.epoch, leader.raft.quorum.epoch);
  });

  it('refuses appends in an epoch it does not lead', async () => {
    const leader = quorum.node(1);
    await assert.rejects(
      leader.raft.scheduleAppend(leader.raft.quorum.epoch + 1, [Buffer.from('x')]),
      (error: Error) => error.name === 'NotLeaderError',
    );
  });
});

describe('a three-node quorum', () => {
  let quorum: TestQuorum;
  after(() => quorum?.close());

  it('elects one leader that every node follows', async () => {
    quorum = await TestQuorum.start(3);
    const leader = await quorum.waitForLeader(10_000);
    const followers = quorum.nodes.filter((n) => n !== leader);
    for (const follower of followers) {
      assert.equal(follower.raft.quorum.state.name, 'Follower');
      assert.equal(follower.raft.leaderAndEpoch().leaderId, leader.nodeId);
    }
  });

  it('commits, and every listener sees the same batches in the same order', async () => {
    for (let i = 0; i < 20; i++) await appendValues(quorum, [`record-${i}-a`, `record-${i}-b`]);
    const expected = Array.from({ length: 20 }, (_, i) => [`record-${i}-a`, `record-${i}-b`]).flat();
    await waitFor(
      () => quorum.nodes.every((n) => n.recorder.values().length === expected.length),
      10_000,
      'every node to see 40 committed records',
    );
    const reference = quorum.nodes[0]!.recorder.batches.map((b) => [b.baseOffset, b.lastOffset, b.epoch]);
    for (const node of quorum.nodes) {
      assert.deepEqual(node.recorder.values(), expected, `node ${node.nodeId}`);
      assert.deepEqual(
        node.recorder.batches.map((b) => [b.baseOffset, b.lastOffset, b.epoch]),
        reference,
        `node ${node.nodeId} batch boundaries`,
      );
      const hw = node.raft.highWatermark();
      assert.ok(hw !== null && hw >= 41, `node ${node.nodeId} high watermark ${hw}`);
    }
  });

  it('serves ApiVersions and the quorum APIs on the controller listener', async () => {
    const client = await connectTo(quorum.nodes[0]!);
    try {
      const response = await client.request(ApiKey.ApiVersions, {
        clientSoftwareName: 'raft-test',
        clientSoftwareVersion: '1.0',
      });
      assert.equal(response.errorCode, ErrorCode.NONE);
      assert.deepEqual(
        response.apiKeys.map((a) => [a.apiKey, a.minVersion, a.maxVersion]),
        [
          [ApiKey.Fetch, 13, 17],
          [ApiKey.ApiVersions, 0, 4],
          [ApiKey.Vote, 0, 1],
          [ApiKey.BeginQuorumEpoch, 0, 1],
          [ApiKey.EndQuorumEpoch, 0, 1],
          [ApiKey.DescribeQuorum, 0, 2],
          [ApiKey.FetchSnapshot, 0, 1],
        ],
      );
    } finally {
      client.close();
    }
  });

  it('answers DescribeQuorum with the leader, epoch, high watermark and each voter', async () => {
    const leader = await quorum.waitForLeader();
    const epoch = leader.raft.quorum.epoch;
    await waitFor(
      () => quorum.nodes.every((n) => n.raft.raftLog.endOffset === leader.raft.raftLog.endOffset),
      5000,
      'followers to reach the leader log end offset',
    );
    await new Promise((resolve) => setTimeout(resolve, 700));
    const client = await connectTo(leader);
    try {
      const before = Date.now();
      const response = await client.request(ApiKey.DescribeQuorum, {
        topics: [{ topicName: METADATA_TOPIC, partitions: [{ partitionIndex: 0 }] }],
      });
      assert.equal(response.errorCode, ErrorCode.NONE);
      const partition = response.topics[0]!.partitions[0]!;
      assert.equal(partition.errorCode, ErrorCode.NONE);
      assert.equal(partition.leaderId, leader.nodeId);
      assert.equal(partition.leaderEpoch, epoch);
      const leo = leader.raft.raftLog.endOffset;
      assert.equal(Number(partition.highWatermark), leo);
      assert.deepEqual(partition.currentVoters.map((v) => v.replicaId).sort(), [1, 2, 3]);
      for (const voter of partition.currentVoters) {
        assert.equal(Number(voter.logEndOffset), leo, `voter ${voter.replicaId} log end offset`);
        const lastFetch = Number(voter.lastFetchTimestamp);
        assert.ok(
          lastFetch > before - 5000 && lastFetch <= Date.now(),
          `voter ${voter.replicaId} fetched ${lastFetch}`,
        );
      }
      assert.deepEqual(partition.observers, []);
      assert.equal(response.nodes.length, 3);

      const follower = quorum.nodes.find((n) => n !== leader)!;
      const other = await connectTo(follower);
      try {
        const fromFollower = await other.request(ApiKey.DescribeQuorum, {
          topics: [{ topicName: METADATA_TOPIC, partitions: [{ partitionIndex: 0 }] }],
        });
        assert.equal(fromFollower.topics[0]!.partitions[0]!.errorCode, ErrorCode.NOT_LEADER_OR_FOLLOWER);
      } finally {
        other.close();
      }
    } finally {
      client.close();
    }
  });
  it('an observer finds the leader by asking any voter, replicates the log and shows in DescribeQuorum', async () => {
    const observer = await quorum.addObserver(4);
    const leader = await quorum.waitForLeader();
    const expected = leader.recorder.values();
    await waitFor(
      () => observer.recorder.values().length === expected.length,
      10_000,
      'the observer to catch up',
    );
    assert.deepEqual(observer.recorder.values(), expected);
    assert.equal(observer.raft.quorum.state.name, 'Follower');
    assert.equal(observer.raft.quorum.isVoter, false);
    await waitFor(
      () => observer.raft.raftLog.endOffset === leader.raft.raftLog.endOffset,
      5000,
      'the observer to reach the leader log end offset',
    );
    await new Promise((resolve) => setTimeout(resolve, 700));
    const client = await connectTo(leader);
    try {
      const response = await client.request(ApiKey.DescribeQuorum, {
        topics: [{ topicName: METADATA_TOPIC, partitions: [{ partitionIndex: 0 }] }],
      });
      const partition = response.topics[0]!.partitions[0]!;
      assert.deepEqual(
        partition.observers.map((o) => [o.replicaId, Number(o.logEndOffset)]),
        [[4, leader.raft.raftLog.endOffset]],
      );
      assert.equal(partition.currentVoters.length, 3);
    } finally {
      client.close();
    }
  });
});
