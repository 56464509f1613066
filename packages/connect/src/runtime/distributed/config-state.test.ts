import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  encodeConnectorConfig,
  encodeTargetState,
  encodeTaskConfig,
  encodeTaskCountRecord,
  encodeTasksCommit,
} from './config-records.ts';
import { ClusterConfigState, ConfigTopicState, type ConfigUpdate } from './config-state.ts';

/** Feeds records at offsets 0, 1, 2, ... and returns the updates. */
function feed(
  state: ConfigTopicState,
  records: [string, Buffer | null][],
  from = 0,
): (ConfigUpdate | null)[] {
  return records.map(([key, value], index) => state.apply(from + index, key, value));
}

const config = (name: string): Buffer => encodeConnectorConfig({ 'connector.class': name, 'tasks.max': '2' });
const task = (n: number): Buffer => encodeTaskConfig({ 'task.id': String(n) });

describe('ConfigTopicState', () => {
  it('starts empty at offset -1', () => {
    const snapshot = new ConfigTopicState().snapshot();
    assert.equal(snapshot.offset, -1);
    assert.deepEqual(snapshot.connectors(), []);
    assert.equal(ClusterConfigState.EMPTY.offset, -1);
  });

  it('applies a connector config, its task configs at the commit, and a target state', () => {
    const state = new ConfigTopicState();
    const updates = feed(state, [
      ['connector-src', config('Src')],
      ['task-src-0', task(0)],
      ['task-src-1', task(1)],
    ]);
    assert.deepEqual(updates, [{ type: 'connector-config-update', connector: 'src' }, null, null]);
    let snapshot = state.snapshot();
    assert.equal(snapshot.offset, 3);
    assert.equal(snapshot.targetState('src'), 'STARTED');
    assert.deepEqual(snapshot.tasks('src'), []);
    assert.equal(snapshot.taskConfig({ connector: 'src', task: 0 }), null);

    assert.deepEqual(feed(state, [['commit-src', encodeTasksCommit(2)]], 3), [
      {
        type: 'task-config-update',
        tasks: [
          { connector: 'src', task: 0 },
          { connector: 'src', task: 1 },
        ],
      },
    ]);
    snapshot = state.snapshot();
    assert.equal(snapshot.taskCount('src'), 2);
    assert.deepEqual(snapshot.taskConfigs('src'), [new Map([['task.id', '0']]), new Map([['task.id', '1']])]);
    assert.equal(snapshot.taskConfigGeneration('src'), 0);
    assert.equal(snapshot.pendingFencing('src'), true);
    assert.deepEqual(snapshot.appliedConnectorConfig('src'), snapshot.connectorConfig('src'));

    assert.deepEqual(feed(state, [['target-state-src', encodeTargetState('STOPPED')]], 4), [
      { type: 'target-state-change', connector: 'src' },
    ]);
    assert.deepEqual(feed(state, [['tasks-fencing-src', encodeTaskCountRecord(2)]], 5), [null]);
    snapshot = state.snapshot();
    assert.equal(snapshot.targetState('src'), 'STOPPED');
    assert.equal(snapshot.pendingFencing('src'), false);
    assert.equal(snapshot.taskCountRecord('src'), 2);
    assert.equal(snapshot.offset, 6);
  });

  it('marks a connector inconsistent when a commit finds task configs missing, until a complete commit', () => {
    const state = new ConfigTopicState();
    // Compaction removed task-c-0 before the first commit.
    feed(state, [
      ['connector-c', config('C')],
      ['task-c-1', task(1)],
      ['commit-c', encodeTasksCommit(2)],
    ]);
    let snapshot = state.snapshot();
    assert.deepEqual(snapshot.inconsistentConnectors(), ['c']);
    assert.deepEqual(snapshot.tasks('c'), []);
    assert.equal(snapshot.taskCount('c'), 2);
    assert.equal(snapshot.taskConfig({ connector: 'c', task: 1 }), null, 'deferred configs are dropped');

    feed(
      state,
      [
        ['task-c-0', task(0)],
        ['task-c-1', task(1)],
        ['commit-c', encodeTasksCommit(2)],
      ],
      3,
    );
    snapshot = state.snapshot();
    assert.deepEqual(snapshot.inconsistentConnectors(), []);
    assert.deepEqual(snapshot.tasks('c'), [
      { connector: 'c', task: 0 },
      { connector: 'c', task: 1 },
    ]);
  });

  it('accepts extra task configs compaction left behind when the task count shrinks', () => {
    const state = new ConfigTopicState();
    feed(state, [
      ['connector-c', config('C')],
      ['task-c-1', task(1)],
      ['task-c-0', task(0)],
      ['commit-c', encodeTasksCommit(1)],
    ]);
    const snapshot = state.snapshot();
    assert.deepEqual(snapshot.inconsistentConnectors(), []);
    assert.deepEqual(snapshot.tasks('c'), [{ connector: 'c', task: 0 }]);
  });

  it('deletes a connector on a tombstone, and keeps STARTED only while it has a config', () => {
    const state = new ConfigTopicState();
    feed(state, [
      ['connector-c', config('C')],
      ['task-c-0', task(0)],
      ['commit-c', encodeTasksCommit(1)],
      ['target-state-c', encodeTargetState('PAUSED')],
    ]);
    assert.deepEqual(
      feed(
        state,
        [
          ['connector-c', null],
          ['target-state-c', null],
        ],
        4,
      ),
      [{ type: 'connector-config-remove', connector: 'c' }, null],
    );
    const snapshot = state.snapshot();
    assert.equal(snapshot.contains('c'), false);
    assert.deepEqual(snapshot.tasks('c'), []);
    assert.equal(snapshot.taskConfig({ connector: 'c', task: 0 }), null);
    assert.equal(snapshot.targetState('c'), null);
  });

  it('ignores a commit for a connector whose config compaction removed', () => {
    const state = new ConfigTopicState();
    feed(state, [
      ['task-gone-0', task(0)],
      ['commit-gone', encodeTasksCommit(1)],
    ]);
    const snapshot = state.snapshot();
    assert.deepEqual(snapshot.connectors(), []);
    assert.equal(snapshot.taskCount('gone'), 0);
  });

  it('does not notify a target state for a connector not yet configured, nor an unchanged one', () => {
    const state = new ConfigTopicState();
    assert.deepEqual(feed(state, [['target-state-x', encodeTargetState('PAUSED')]]), [null]);
    feed(state, [['connector-x', config('X')]], 1);
    assert.equal(state.snapshot().targetState('x'), 'PAUSED', 'an initial target state survives the config');
    assert.deepEqual(feed(state, [['target-state-x', encodeTargetState('PAUSED')]], 2), [null]);
  });

  it('skips a value that is not JSON without moving the offset, but moves it past other invalid records', () => {
    const state = new ConfigTopicState();
    feed(state, [['connector-a', config('A')]]);
    assert.equal(state.apply(1, 'connector-b', Buffer.from('{oops')), null);
    assert.equal(state.snapshot().offset, 1);
    assert.equal(state.apply(2, 'nonsense', Buffer.from('{}')), null);
    assert.equal(state.snapshot().offset, 3);
  });

  it('hands out snapshots that later records do not change', () => {
    const state = new ConfigTopicState();
    feed(state, [['connector-a', config('A')]]);
    const before = state.snapshot();
    feed(state, [['connector-b', config('B')]], 1);
    assert.deepEqual(before.connectors(), ['a']);
    assert.deepEqual(state.snapshot().connectors(), ['a', 'b']);
  });
});
