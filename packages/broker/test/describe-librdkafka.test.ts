/**
 * Issue 11 through librdkafka 2.12's admin API, the client whose own test suite found these differences:
 * ListOffsets with RD_KAFKA_OFFSET_SPEC_MAX_TIMESTAMP after one batch of three records with the largest
 * timestamp in the middle (offset 1, not the batch's last offset 2), and the authorized operations
 * DescribeTopics, DescribeCluster (Metadata v10 with both include flags) and DescribeConsumerGroups
 * (DescribeGroups v5) report without an authorizer. librdkafka is built from the npm package node-rdkafka on
 * the first run on a machine (see support/librdkafka.ts).
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { AclOperation } from '../src/security/acl-operations.ts';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';
import { compileLibrdkafkaProgram } from './support/librdkafka.ts';
import { runOk } from './support/run.ts';

const SOURCE = fileURLToPath(new URL('./clients/librdkafka/describe-admin.c', import.meta.url));
const { READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, CLUSTER_ACTION, DESCRIBE_CONFIGS, ALTER_CONFIGS } =
  AclOperation;
const sorted = (codes: number[]) => [...codes].sort((a, b) => a - b);

describe('issue 11 through librdkafka 2.12', () => {
  let broker: BrokerProcess;
  let program: string;
  before(async () => {
    [broker, program] = await Promise.all([startBroker(), compileLibrdkafkaProgram(SOURCE)]);
  });
  after(async () => {
    await broker?.stop();
  });

  it('MAX_TIMESTAMP finds the record; topics, the cluster and groups report every operation', async () => {
    const { stdout } = await runOk(program, [broker.bootstrap, 'rdkafka-describe'], { timeoutMs: 60_000 });
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!);
    assert.deepEqual(report.maxTimestamp, { offset: 1, timestamp: report.t + 400 });
    assert.equal(report.topicPartitions, 1);
    assert.deepEqual(
      report.topicOperations,
      sorted([READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, DESCRIBE_CONFIGS, ALTER_CONFIGS]),
    );
    assert.deepEqual(
      report.clusterOperations,
      sorted([
        CREATE,
        ALTER,
        DESCRIBE,
        CLUSTER_ACTION,
        DESCRIBE_CONFIGS,
        ALTER_CONFIGS,
        AclOperation.IDEMPOTENT_WRITE,
      ]),
    );
    assert.deepEqual(report.groupOperations, sorted([READ, DELETE, DESCRIBE]));
  });
});
