/**
 * Values written by Kafka's own JsonConverter (compiled from apache/kafka at 1eb7644 with Jackson 2.14 and run
 * on OpenJDK) with schemas.enable=false, for the structs KafkaConfigBackingStore and KafkaStatusBackingStore
 * build and the lists and maps OffsetStorageWriter writes, from the same inputs as below.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  encodeConnectorConfig,
  encodeLoggerLevel,
  encodeRestartRequest,
  encodeSessionKey,
  encodeTargetState,
  encodeTaskCountRecord,
  encodeTasksCommit,
} from './config-records.ts';
import { encodeOffsetKey, encodeOffsetValue, javaKeyOrder } from './offset-records.ts';
import { encodeStatus, encodeTopicStatus } from './status-records.ts';

const KAFKA: Record<string, string | null> = {
  connectorConfig:
    '{"properties":{"connector.class":"FileStreamSource","tasks.max":"1","file":"/tmp/a \\"b\\"\\n","optional":null}}',
  tasksCommit: '{"tasks":3}',
  targetStatePaused: '{"state":"PAUSED","state.v2":"PAUSED"}',
  targetStateStopped: '{"state":"PAUSED","state.v2":"STOPPED"}',
  taskCountRecord: '{"task-count":2}',
  sessionKey: '{"key":"AQID","algorithm":"HmacSHA256","creation-timestamp":1700000000000}',
  restartRequest: '{"include-tasks":true,"only-failed":false}',
  loggerLevel: '{"level":"DEBUG"}',
  statusRunning: '{"state":"RUNNING","trace":null,"worker_id":"10.0.0.1:8083","generation":5}',
  statusFailed:
    '{"state":"FAILED","trace":"java.lang.Error: x\\n\\tat Y \\u0001","worker_id":"w","generation":1}',
  topicStatus: '{"topic":{"name":"orders","connector":"s3","task":0,"discoverTimestamp":1700000000000}}',
  offsetKey: '["jdbc",{"partition":3,"offset":"x","table":"orders"}]',
  offsetValue: '{"lsn":9007199254740993,"ratio":1,"done":true,"x":1.5,"y":2.0E21,"n":null}',
  offsetTombstone: null,
};

const text = (buffer: Buffer | null): string | null => (buffer === null ? null : buffer.toString('utf8'));

describe('internal topic values against bytes from Kafka', () => {
  it('config topic', () => {
    const properties = new Map<string, string | null>([
      ['connector.class', 'FileStreamSource'],
      ['tasks.max', '1'],
      ['file', '/tmp/a "b"\n'],
      ['optional', null],
    ]);
    assert.equal(text(encodeConnectorConfig(properties)), KAFKA.connectorConfig);
    assert.equal(text(encodeTasksCommit(3)), KAFKA.tasksCommit);
    assert.equal(text(encodeTargetState('PAUSED')), KAFKA.targetStatePaused);
    assert.equal(text(encodeTargetState('STOPPED')), KAFKA.targetStateStopped);
    assert.equal(text(encodeTaskCountRecord(2)), KAFKA.taskCountRecord);
    const sessionKey = {
      key: Buffer.from([1, 2, 3]),
      algorithm: 'HmacSHA256',
      creationTimestamp: 1700000000000,
    };
    assert.equal(text(encodeSessionKey(sessionKey)), KAFKA.sessionKey);
    assert.equal(text(encodeRestartRequest({ includeTasks: true, onlyFailed: false })), KAFKA.restartRequest);
    assert.equal(text(encodeLoggerLevel('DEBUG')), KAFKA.loggerLevel);
  });

  it('status topic', () => {
    const running = { state: 'RUNNING' as const, trace: null, workerId: '10.0.0.1:8083', generation: 5 };
    assert.equal(text(encodeStatus(running)), KAFKA.statusRunning);
    const failed = {
      state: 'FAILED' as const,
      trace: 'java.lang.Error: x\n\tat Y \u0001',
      workerId: 'w',
      generation: 1,
    };
    assert.equal(text(encodeStatus(failed)), KAFKA.statusFailed);
    const topic = { topic: 'orders', connector: 's3', task: 0, discoverTimestamp: 1700000000000 };
    assert.equal(text(encodeTopicStatus(topic)), KAFKA.topicStatus);
  });

  it('offsets topic, with a partition built as a Java HashMap', () => {
    const partition = javaKeyOrder({ table: 'orders', partition: 3, offset: 'x' });
    assert.equal(text(encodeOffsetKey('jdbc', partition)), KAFKA.offsetKey);
    const offset = new Map<string, unknown>([
      ['lsn', 9007199254740993n],
      ['ratio', 1],
      ['done', true],
      ['x', 1.5],
      ['y', 2e21],
      ['n', null],
    ]);
    assert.equal(text(encodeOffsetValue(offset)), KAFKA.offsetValue);
    assert.equal(encodeOffsetValue(null), KAFKA.offsetTombstone);
  });
});
