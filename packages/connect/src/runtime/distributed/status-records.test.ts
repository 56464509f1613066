import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  connectorStatusKey,
  decodeStatusRecord,
  encodeStatus,
  encodeTopicStatus,
  parseTaskStatusKey,
  shouldApplyTaskStatus,
  taskStatusKey,
  topicStatusKey,
} from './status-records.ts';

const text = (buffer: Buffer): string => buffer.toString('utf8');

describe('status topic records', () => {
  it('writes keys with Kafka prefixes', () => {
    assert.equal(connectorStatusKey('s3'), 'status-connector-s3');
    assert.equal(taskStatusKey({ connector: 's3-sink', task: 2 }), 'status-task-s3-sink-2');
    assert.equal(topicStatusKey('orders', 's3'), 'status-topic-orders:connector-s3');
  });

  it('writes statuses as a Java worker does, with a null trace unless failed', () => {
    const running = { state: 'RUNNING' as const, trace: null, workerId: '10.0.0.1:8083', generation: 5 };
    assert.equal(
      text(encodeStatus(running)),
      '{"state":"RUNNING","trace":null,"worker_id":"10.0.0.1:8083","generation":5}',
    );
    const failed = {
      state: 'FAILED' as const,
      trace: 'java.lang.Error: x\n\tat Y',
      workerId: 'w',
      generation: 1,
    };
    assert.equal(
      text(encodeStatus(failed)),
      '{"state":"FAILED","trace":"java.lang.Error: x\\n\\tat Y","worker_id":"w","generation":1}',
    );
    assert.deepEqual(decodeStatusRecord('status-connector-c', encodeStatus(running)), {
      type: 'connector-status',
      connector: 'c',
      status: running,
    });
    assert.deepEqual(decodeStatusRecord('status-task-my-conn-3', encodeStatus(failed)), {
      type: 'task-status',
      id: { connector: 'my-conn', task: 3 },
      status: failed,
    });
  });

  it('writes topic statuses nested under "topic"', () => {
    const status = { topic: 'orders', connector: 's3', task: 0, discoverTimestamp: 1700000000000 };
    const encoded = encodeTopicStatus(status);
    assert.equal(
      text(encoded),
      '{"topic":{"name":"orders","connector":"s3","task":0,"discoverTimestamp":1700000000000}}',
    );
    assert.deepEqual(decodeStatusRecord(topicStatusKey('orders', 's3'), encoded), {
      type: 'topic-status',
      topic: 'orders',
      connector: 's3',
      status,
    });
  });

  it('reads tombstones and rejects malformed values and keys', () => {
    assert.deepEqual(decodeStatusRecord('status-connector-c', null), {
      type: 'connector-status',
      connector: 'c',
      status: null,
    });
    assert.deepEqual(decodeStatusRecord('status-topic-t:connector-c', null), {
      type: 'topic-status',
      topic: 't',
      connector: 'c',
      status: null,
    });
    const bad = (value: string): string => decodeStatusRecord('status-connector-c', Buffer.from(value)).type;
    assert.equal(bad('{"state":"SLEEPING","worker_id":"w","generation":1}'), 'invalid');
    assert.equal(bad('{"state":"RUNNING","worker_id":"w","generation":"1"}'), 'invalid');
    assert.equal(bad('[]'), 'invalid');
    assert.equal(decodeStatusRecord('status-connector-', null).type, 'invalid');
    assert.equal(decodeStatusRecord('status-task-c', null).type, 'invalid');
    assert.equal(decodeStatusRecord('status-topic-:connector-c', null).type, 'invalid');
    assert.equal(decodeStatusRecord('other', null).type, 'invalid');
  });

  it('parses task status keys as Java split("-") does', () => {
    assert.deepEqual(parseTaskStatusKey('status-task-a-b-0'), { connector: 'a-b', task: 0 });
    assert.equal(parseTaskStatusKey('status-task-a-x'), null);
  });

  it('keeps a RUNNING task status over an UNASSIGNED one of the same or an older generation', () => {
    const status = (state: 'RUNNING' | 'UNASSIGNED', generation: number) => ({
      state,
      trace: null,
      workerId: 'w',
      generation,
    });
    assert.equal(shouldApplyTaskStatus(status('RUNNING', 5), status('UNASSIGNED', 5)), false);
    assert.equal(shouldApplyTaskStatus(status('RUNNING', 5), status('UNASSIGNED', 4)), false);
    assert.equal(shouldApplyTaskStatus(status('RUNNING', 5), status('UNASSIGNED', 6)), true);
    assert.equal(shouldApplyTaskStatus(null, status('UNASSIGNED', 1)), true);
    assert.equal(shouldApplyTaskStatus(status('UNASSIGNED', 5), status('RUNNING', 1)), true);
  });
});
