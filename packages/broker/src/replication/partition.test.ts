/**
 * The leader side of a Partition on a manual clock: follower fetch state, the high watermark over the maximal ISR,
 * ISR shrink after replica.lag.time.max.ms and expansion at the high watermark through a scripted
 * AlterPartitionManager, and acks=all completion.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, encodeRecordBatch } from '@sluice/protocol';
import { tempDataDir } from '../../test/support/broker-process.ts';
import { ManualClock } from '../clock.ts';
import { BrokerConfigStore } from '../config/config-store.ts';
import { resolveLogConfig } from '../config/log-config.ts';
import { createLogger } from '../logger.ts';
import type { AlterPartitionProposal, PartitionRegistration } from '../metadata/partition-registration.ts';
import { PartitionLog } from '../storage/partition-log.ts';
import { Partition } from './partition.ts';

const LAG_MS = 10_000;

function registration(isr: number[], partitionEpoch = 0): PartitionRegistration {
  return {
    replicas: [1, 2, 3],
    isr,
    removingReplicas: [],
    addingReplicas: [],
    leader: 1,
    leaderRecoveryState: 0,
    leaderEpoch: 4,
    partitionEpoch,
  };
}

function setup(minIsr = 1, ineligible: ReadonlySet<number> = new Set()) {
  const clock = new ManualClock();
  const config = resolveLogConfig(new BrokerConfigStore(new Map()), new Map());
  const log = new PartitionLog(tempDataDir('sluice-partition-'), 't', 0, config, {
    recoveryPoint: 0,
    logStartOffset: 0,
    cleanShutdown: true,
    now: clock.now(),
    replicated: {},
  });
  const proposals: {
    proposal: AlterPartitionProposal;
    answer: (r: PartitionRegistration | number) => void;
  }[] = [];
  const partition = new Partition('t', 'topic-id', 0, log, {
    localBrokerId: 1,
    clock,
    logger: createLogger('partition-test', 'silent'),
    alterPartition: {
      submit: (proposal) => new Promise((answer) => proposals.push({ proposal, answer })),
    },
    replicaLagTimeMaxMs: () => LAG_MS,
    minInsyncReplicas: () => minIsr,
    isReplicaIsrEligible: (brokerId) => !ineligible.has(brokerId),
  });
  return { clock, log, partition, proposals };
}

async function batch(count: number) {
  return encodeRecordBatch({
    records: Array.from({ length: count }, (_, i) => ({ key: null, value: Buffer.from(`v${i}`) })),
  });
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Partition as leader', () => {
  it('moves the high watermark to the smallest log end offset of the ISR, never backwards', async () => {
    const { log, partition } = setup();
    partition.makeLeader(registration([1, 2, 3]));
    assert.deepEqual(log.leaderEpochs.epochEntries(), [{ epoch: 4, startOffset: 0 }]);
    partition.appendAsLeader(await batch(5));
    assert.equal(log.highWatermark, 0, 'followers have not fetched yet');
    partition.updateFollowerFetchState(2, 5, 0, 5);
    assert.equal(log.highWatermark, 0, 'broker 3 holds it back');
    partition.updateFollowerFetchState(3, 3, 0, 5);
    assert.equal(log.highWatermark, 3);
    partition.updateFollowerFetchState(3, 2, 0, 5);
    assert.equal(log.highWatermark, 3, 'never backwards');
    assert.equal(partition.updateFollowerFetchState(9, 5, 0, 5), false, 'not a replica');
  });

  it('acks=all completes when the high watermark passes the append, and fails when leadership is lost', async () => {
    const { partition } = setup();
    partition.makeLeader(registration([1, 2]));
    partition.appendAsLeader(await batch(2));
    const waiting = partition.waitForHighWatermark(2, 60_000);
    partition.updateFollowerFetchState(2, 2, 0, 2);
    assert.deepEqual(await waiting, { errorCode: ErrorCode.NONE, errorMessage: null });
    partition.appendAsLeader(await batch(1));
    const orphaned = partition.waitForHighWatermark(3, 60_000);
    partition.makeFollower({ ...registration([2]), leader: 2, leaderEpoch: 5 });
    assert.equal((await orphaned).errorCode, ErrorCode.NOT_LEADER_OR_FOLLOWER);
    const asFollower = await partition.waitForHighWatermark(99, 60_000);
    assert.equal(asFollower.errorCode, ErrorCode.NOT_LEADER_OR_FOLLOWER, 'a follower never waits');
  });

  it('shrinks the ISR after replica.lag.time.max.ms without catching up; the high watermark waits for the answer', async () => {
    const { clock, log, partition, proposals } = setup(2);
    partition.makeLeader(registration([1, 2, 3]));
    partition.appendAsLeader(await batch(4));
    partition.updateFollowerFetchState(2, 4, 0, 4);
    partition.updateFollowerFetchState(3, 1, 0, 4);
    assert.equal(log.highWatermark, 1);
    const waiting = partition.waitForHighWatermark(4, 60_000);
    clock.advance(LAG_MS);
    partition.maybeShrinkIsr();
    assert.equal(
      proposals.length,
      0,
      'broker 3 was caught up at its first fetch of this epoch: not yet lagging',
    );
    clock.advance(1);
    partition.updateFollowerFetchState(2, 4, 0, 4);
    partition.maybeShrinkIsr();
    assert.equal(proposals.length, 1);
    assert.deepEqual(proposals[0]!.proposal.newIsr, [1, 2]);
    assert.equal(partition.isrChangeInFlight, true);
    partition.maybeShrinkIsr();
    assert.equal(proposals.length, 1, 'one change at a time');
    assert.equal(log.highWatermark, 1, 'the committed ISR still includes broker 3');
    proposals[0]!.answer(registration([1, 2], 1));
    assert.deepEqual(await waiting, { errorCode: ErrorCode.NONE, errorMessage: null });
    assert.deepEqual(partition.isr, [1, 2]);
    assert.equal(log.highWatermark, 4);
  });

  it('expands the ISR for a follower at the high watermark, counting it in the maximal ISR meanwhile', async () => {
    const { log, partition, proposals } = setup();
    partition.makeLeader(registration([1, 2]));
    partition.appendAsLeader(await batch(6));
    partition.updateFollowerFetchState(2, 6, 0, 6);
    assert.equal(log.highWatermark, 6);
    partition.updateFollowerFetchState(3, 4, 0, 6);
    assert.equal(proposals.length, 0, 'below the high watermark');
    partition.updateFollowerFetchState(3, 6, 0, 6);
    assert.deepEqual(proposals[0]!.proposal.newIsr, [1, 2, 3]);
    assert.deepEqual(partition.maximalIsr, [1, 2, 3]);
    assert.deepEqual(partition.isr, [1, 2]);
    partition.appendAsLeader(await batch(2));
    partition.updateFollowerFetchState(2, 8, 0, 8);
    assert.equal(log.highWatermark, 6, 'the replica being added holds the high watermark');
    // A stale answer (a newer leader epoch meanwhile) changes nothing; then the real one is applied.
    proposals[0]!.answer(ErrorCode.INVALID_UPDATE_VERSION);
    await tick();
    assert.equal(partition.isrChangeInFlight, true, 'waits for metadata after INVALID_UPDATE_VERSION');
    partition.makeLeader(registration([1, 2, 3], 1));
    assert.deepEqual(partition.isr, [1, 2, 3]);
    assert.equal(partition.isrChangeInFlight, false);
    partition.updateFollowerFetchState(3, 8, 0, 8);
    assert.equal(log.highWatermark, 8);
  });

  it('proposes no follower the metadata calls ineligible (fenced), however caught up', async () => {
    // Regression: a fenced follower was proposed on every fetch, and refused as INELIGIBLE_REPLICA every time.
    const { partition, proposals } = setup(1, new Set([3]));
    partition.makeLeader(registration([1, 2]));
    partition.appendAsLeader(await batch(6));
    partition.updateFollowerFetchState(2, 6, 0, 6);
    for (let i = 0; i < 5; i++) partition.updateFollowerFetchState(3, 6, 0, 6);
    assert.equal(proposals.length, 0);
    assert.deepEqual(partition.isr, [1, 2]);
  });

  it('writes transaction markers in its leader epoch; the LSO passes them once the ISR has them', async () => {
    const { log, partition } = setup();
    partition.makeLeader(registration([1, 2]));
    const transactional = await encodeRecordBatch({
      records: [{ key: null, value: Buffer.from('t') }],
      producerId: 7n,
      producerEpoch: 0,
      baseSequence: 0,
      isTransactional: true,
    });
    assert.equal(partition.appendAsLeader(transactional).errorCode, ErrorCode.NONE);
    const marker = { producerId: 7n, producerEpoch: 0, coordinatorEpoch: 1, commit: true };
    const written = partition.appendTxnMarker(marker);
    assert.equal(written.errorCode, ErrorCode.NONE);
    assert.equal(written.baseOffset, 1);
    assert.deepEqual(log.leaderEpochs.epochEntries(), [{ epoch: 4, startOffset: 0 }]);
    const acknowledged = partition.waitForHighWatermark(written.baseOffset + 1, 60_000);
    partition.updateFollowerFetchState(2, 1, 0, 2);
    assert.equal(log.lastStableOffset, 0, 'the marker is not on the ISR yet');
    partition.updateFollowerFetchState(2, 2, 0, 2);
    assert.deepEqual(await acknowledged, { errorCode: ErrorCode.NONE, errorMessage: null });
    assert.equal(log.lastStableOffset, 2);
    partition.makeFollower({ ...registration([1, 2]), leader: 2, leaderEpoch: 5 });
    assert.equal(partition.appendTxnMarker(marker).errorCode, ErrorCode.NOT_LEADER_OR_FOLLOWER);
    const short = setup(2);
    short.partition.makeLeader(registration([1]));
    assert.equal(short.partition.appendTxnMarker(marker).errorCode, ErrorCode.NOT_ENOUGH_REPLICAS);
    assert.equal(short.log.logEndOffset, 0);
  });

  it("refuses acks=all below min.insync.replicas with Kafka's message", () => {
    const { partition } = setup(2);
    partition.makeLeader(registration([1]));
    assert.equal(
      partition.notEnoughReplicas(),
      'The size of the current ISR 1 is insufficient to satisfy the min.isr requirement of 2 for partition t-0',
    );
    partition.makeLeader(registration([1, 3], 1));
    assert.equal(partition.notEnoughReplicas(), null);
  });
});
