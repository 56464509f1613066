import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  commitTasksKey,
  connectorKey,
  decodeConfigRecord,
  encodeConnectorConfig,
  encodeLoggerLevel,
  encodeRestartRequest,
  encodeSessionKey,
  encodeTargetState,
  encodeTaskConfig,
  encodeTaskCountRecord,
  encodeTasksCommit,
  parseTaskKey,
  targetStateKey,
  taskCountRecordKey,
  taskKey,
} from './config-records.ts';

const text = (buffer: Buffer): string => buffer.toString('utf8');

describe('config topic records: bytes as a Java worker writes them', () => {
  it('writes keys with Kafka prefixes', () => {
    assert.equal(connectorKey('jdbc'), 'connector-jdbc');
    assert.equal(taskKey({ connector: 'jdbc-orders', task: 3 }), 'task-jdbc-orders-3');
    assert.equal(commitTasksKey('jdbc'), 'commit-jdbc');
    assert.equal(targetStateKey('jdbc'), 'target-state-jdbc');
    assert.equal(taskCountRecordKey('jdbc'), 'tasks-fencing-jdbc');
  });

  it('writes connector and task configs as {"properties":{...}} in insertion order', () => {
    const config = { 'connector.class': 'FileStreamSource', 'tasks.max': '1', file: '/tmp/a "b"' };
    const expected =
      '{"properties":{"connector.class":"FileStreamSource","tasks.max":"1","file":"/tmp/a \\"b\\""}}';
    assert.equal(text(encodeConnectorConfig(config)), expected);
    assert.equal(text(encodeTaskConfig(new Map([['k', null]]))), '{"properties":{"k":null}}');
  });

  it('writes the other values in schema field order', () => {
    assert.equal(text(encodeTasksCommit(3)), '{"tasks":3}');
    assert.equal(text(encodeTargetState('PAUSED')), '{"state":"PAUSED","state.v2":"PAUSED"}');
    assert.equal(text(encodeTargetState('STOPPED')), '{"state":"PAUSED","state.v2":"STOPPED"}');
    assert.equal(text(encodeTaskCountRecord(2)), '{"task-count":2}');
    assert.equal(
      text(
        encodeSessionKey({
          key: Buffer.from([1, 2, 3]),
          algorithm: 'HmacSHA256',
          creationTimestamp: 1700000000000,
        }),
      ),
      '{"key":"AQID","algorithm":"HmacSHA256","creation-timestamp":1700000000000}',
    );
    assert.equal(
      text(encodeRestartRequest({ includeTasks: true, onlyFailed: false })),
      '{"include-tasks":true,"only-failed":false}',
    );
    assert.equal(text(encodeLoggerLevel('DEBUG')), '{"level":"DEBUG"}');
  });
});

describe('config topic records: decoding as KafkaConfigBackingStore does', () => {
  const json = (value: string): Buffer => Buffer.from(value);

  it('reads every record type back', () => {
    assert.deepEqual(decodeConfigRecord('connector-a', encodeConnectorConfig({ x: '1' })), {
      type: 'connector-config',
      connector: 'a',
      config: new Map([['x', '1']]),
    });
    assert.deepEqual(decodeConfigRecord('connector-a', null), {
      type: 'connector-config',
      connector: 'a',
      config: null,
    });
    assert.deepEqual(decodeConfigRecord(Buffer.from('task-my-conn-12'), encodeTaskConfig({ y: '2' })), {
      type: 'task-config',
      id: { connector: 'my-conn', task: 12 },
      config: new Map([['y', '2']]),
    });
    assert.deepEqual(decodeConfigRecord('commit-a', encodeTasksCommit(4)), {
      type: 'tasks-commit',
      connector: 'a',
      taskCount: 4,
    });
    assert.deepEqual(decodeConfigRecord('tasks-fencing-a', encodeTaskCountRecord(4)), {
      type: 'task-count-record',
      connector: 'a',
      taskCount: 4,
    });
    assert.deepEqual(
      decodeConfigRecord(
        'restart-connector-a',
        encodeRestartRequest({ includeTasks: true, onlyFailed: true }),
      ),
      {
        type: 'restart-request',
        request: { connector: 'a', includeTasks: true, onlyFailed: true },
      },
    );
    assert.deepEqual(
      decodeConfigRecord(
        'session-key',
        encodeSessionKey({ key: Buffer.from('k'), algorithm: 'HmacSHA256', creationTimestamp: 5 }),
      ),
      {
        type: 'session-key',
        sessionKey: { key: Buffer.from('k'), algorithm: 'HmacSHA256', creationTimestamp: 5 },
      },
    );
    assert.deepEqual(decodeConfigRecord('logger-cluster-org.foo', encodeLoggerLevel('WARN')), {
      type: 'logger-level',
      namespace: 'org.foo',
      level: 'WARN',
    });
  });

  it('prefers state.v2 and falls back on state, as records from older workers only have that', () => {
    const state = (value: string): unknown =>
      (decodeConfigRecord('target-state-a', json(value)) as { state?: unknown }).state;
    assert.equal(state('{"state":"PAUSED","state.v2":"STOPPED"}'), 'STOPPED');
    assert.equal(state('{"state":"PAUSED"}'), 'PAUSED');
    assert.equal(state('{"state":"PAUSED","state.v2":7}'), 'PAUSED');
    assert.equal(decodeConfigRecord('target-state-a', null).type, 'target-state');
    assert.equal(decodeConfigRecord('target-state-a', json('{"state":"RUNNING"}')).type, 'invalid');
  });

  it('marks malformed records invalid instead of throwing', () => {
    assert.equal(decodeConfigRecord('connector-a', json('{"props":{}}')).type, 'invalid');
    assert.equal(decodeConfigRecord('task-a-x', encodeTaskConfig({})).type, 'invalid');
    assert.equal(decodeConfigRecord('task-a-0', null).type, 'invalid');
    assert.equal(decodeConfigRecord('bogus', json('{}')).type, 'invalid');
    assert.deepEqual(decodeConfigRecord('connector-a', json('{not json')), {
      type: 'invalid',
      key: 'connector-a',
      reason: 'value is not JSON',
      undecodable: true,
    });
    assert.deepEqual(decodeConfigRecord('commit-a', json('"x"')), {
      type: 'tasks-commit',
      connector: 'a',
      taskCount: null,
    });
    assert.deepEqual(decodeConfigRecord('restart-connector-a', json('{"only-failed":"yes"}')), {
      type: 'restart-request',
      request: { connector: 'a', onlyFailed: false, includeTasks: false },
    });
  });

  it('parses task keys as Java split("-") does', () => {
    assert.deepEqual(parseTaskKey('task-a-b-c-7'), { connector: 'a-b-c', task: 7 });
    assert.deepEqual(parseTaskKey('task-a--1'), { connector: 'a-', task: 1 });
    assert.equal(parseTaskKey('task-a'), null);
    assert.equal(parseTaskKey('task-a-'), null);
    assert.equal(parseTaskKey('task-a-99999999999'), null);
  });
});
