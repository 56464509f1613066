/**
 * Snapshots of the metadata log: the leader stores a snapshot of the committed state, the log before it is
 * deleted, and a follower that was down (its log ends before the leader's log start offset) is answered with
 * the snapshot id, fetches the snapshot in chunks with FetchSnapshot, installs it and continues from its end.
 * Real TCP on 127.0.0.1, small segments so that deleting the log before the snapshot removes files.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { snapshotFileName } from './raft-log.ts';
import { SNAPSHOT_CHUNK_BYTES } from './raft-messages.ts';
import { RecordingListener, TestQuorum, appendValues, waitFor } from './testing/quorum-harness.ts';

describe('a follower far behind after a snapshot and log deletion', () => {
  let quorum: TestQuorum;
  after(() => quorum?.close());

  it('gets the snapshot via FetchSnapshot, then the log after it', async () => {
    quorum = await TestQuorum.start(3, { segmentBytes: 2048 });
    const leader = await quorum.waitForLeader();
    const laggard = quorum.nodes.find((n) => n !== leader)!;
    for (let i = 0; i < 3; i++) await appendValues(quorum, [`early-${i}`]);
    await waitFor(
      () => laggard.recorder.values().length === 3,
      10_000,
      'the laggard to see the first commits',
    );
    await laggard.crash();
    const laggardEnd = laggard.raft.raftLog.endOffset;

    for (let i = 0; i < 150; i++) await appendValues(quorum, [`record-${i}-${'x'.repeat(40)}`]);
    await waitFor(() => leader.recorder.values().length === 153, 10_000, 'the leader to commit 153 records');
    const segmentsBefore = readdirSync(leader.raft.raftLog.dir).filter((f) => f.endsWith('.log')).length;
    assert.ok(segmentsBefore > 3, `${segmentsBefore} segments`);

    // The state a listener would snapshot: every committed value, plus one large record so the snapshot
    // takes more than one FetchSnapshot chunk.
    const blob = 'b'.repeat(SNAPSHOT_CHUNK_BYTES + SNAPSHOT_CHUNK_BYTES / 2);
    const state = [...leader.recorder.values(), blob];
    const id = { endOffset: leader.raft.highWatermark()!, epoch: leader.raft.quorum.epoch };
    await leader.raft.createSnapshot(
      id,
      state.map((v) => Buffer.from(v)),
    );
    assert.ok(existsSync(join(leader.raft.raftLog.dir, snapshotFileName(id))));
    assert.equal(leader.raft.raftLog.startOffset, id.endOffset);
    assert.ok(laggardEnd < leader.raft.raftLog.startOffset);
    const segmentsAfter = readdirSync(leader.raft.raftLog.dir).filter((f) => f.endsWith('.log')).length;
    assert.ok(segmentsAfter < segmentsBefore, `${segmentsAfter} segments left of ${segmentsBefore}`);

    for (let i = 0; i < 5; i++) await appendValues(quorum, [`late-${i}`]);
    await laggard.start();
    await waitFor(
      () => laggard.recorder.snapshots.length === 1 && laggard.recorder.batches.length === 5,
      15_000,
      'the laggard to load the snapshot and the batches after it',
    );
    const loaded = laggard.recorder.snapshots[0]!;
    assert.deepEqual(loaded.id, id);
    assert.deepEqual(loaded.records, state);
    assert.deepEqual(
      laggard.recorder.batches.map((b) => b.records.map((r) => r.toString())).flat(),
      Array.from({ length: 5 }, (_, i) => `late-${i}`),
    );
    assert.equal(laggard.raft.raftLog.startOffset, id.endOffset);
    assert.ok(existsSync(join(laggard.raft.raftLog.dir, snapshotFileName(id))));
    await waitFor(
      () => laggard.raft.raftLog.endOffset === leader.raft.raftLog.endOffset,
      5000,
      'the laggard to reach the leader log end offset',
    );
  });

  it('a listener registered late on the leader is given the snapshot first', async () => {
    const leader = await quorum.waitForLeader();
    const late = new RecordingListener();
    leader.raft.register(late);
    await waitFor(() => late.batches.length === 5, 5000, 'the late listener to catch up');
    assert.equal(late.snapshots.length, 1);
    assert.equal(late.batches[0]!.records[0]!.toString(), 'late-0');
  });
});
