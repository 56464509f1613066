/**
 * Issue 11 through real clients' admin APIs: @platformatic/kafka 1.x (listOffsets with MAX_TIMESTAMP,
 * describeGroups with authorized operations) and kafka-python 2.0.2 (describe_consumer_groups with
 * include_authorized_operations: 2.0.2 sends it but shows None, see the script). No client installed here asks Metadata, DescribeCluster or
 * DescribeTopicPartitions for authorized operations; describe-apis.test.ts covers those over the wire.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import { ApiKey, ErrorCode } from '@sluice/protocol';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';
import { runOk } from './support/run.ts';

const PYTHON = '/usr/bin/python3';
const script = (name: string) => fileURLToPath(new URL(`./clients/${name}`, import.meta.url));
/** READ, DESCRIBE and DELETE: what Kafka answers for a group without an authorizer. */
const GROUP_OPERATIONS = (1 << 3) | (1 << 8) | (1 << 6);
const NOT_REQUESTED = -2147483648;

describe('issue 11 through real clients', () => {
  let broker: BrokerProcess;
  before(async () => {
    broker = await startBroker({ configs: { 'group.initial.rebalance.delay.ms': '0' } });
    const client = await KafkaConnection.connect('127.0.0.1', broker.port);
    const created = await client.request(ApiKey.CreateTopics, {
      topics: [{ name: 'kp-describe', numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] }],
      timeoutMs: 10_000,
      validateOnly: false,
    });
    assert.equal(created.topics[0]!.errorCode, ErrorCode.NONE);
    client.close();
  });
  after(async () => {
    await broker.stop();
  });

  it('@platformatic/kafka: listOffsets MAX_TIMESTAMP finds the record, describeGroups the group operations', async () => {
    const { stdout } = await runOk(
      process.execPath,
      [script('platformatic-describe.mjs'), broker.bootstrap],
      {
        timeoutMs: 60_000,
      },
    );
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!);
    const t = report.t as number;
    assert.deepEqual(report.empty, { offset: -1, timestamp: -1 });
    assert.deepEqual(
      report.first,
      { offset: 1, timestamp: t + 400 },
      'the record, not the batch’s last offset',
    );
    assert.deepEqual(
      report.second,
      { offset: 3, timestamp: t + 900 },
      'the first of two records with the max',
    );
    assert.deepEqual(report.groupAsked, {
      state: 'STABLE',
      members: 1,
      authorizedOperations: GROUP_OPERATIONS,
    });
    assert.equal(report.groupNotAsked.authorizedOperations, NOT_REQUESTED);
  });

  it('kafka-python: describe_consumer_groups(include_authorized_operations=True) is answered', async () => {
    const { stdout } = await runOk(
      PYTHON,
      [script('kafka_python_describe.py'), broker.bootstrap, 'kp-describe'],
      {
        timeoutMs: 60_000,
      },
    );
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!);
    assert.deepEqual(report, {
      // kafka-python 2.0.2 decodes v3 responses without the field: the request goes through, the value shows None.
      asked: { state: 'Stable', members: 1, authorized_operations: null },
      not_asked: { state: 'Stable', members: 1, authorized_operations: null },
    });
  });
});
