import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReassignmentJson } from '../src/commands/reassign-partitions.ts';
import { parseReplicaAssignment } from '../src/commands/topics.ts';

describe('kafka-reassign-partitions JSON', () => {
  it('reads version 1 plans, with log_dirs "any"', () => {
    assert.deepEqual(
      parseReassignmentJson(
        '{"version":1,"partitions":[{"topic":"t","partition":0,"replicas":[2,3],"log_dirs":["any","any"]}]}',
      ),
      [{ topic: 't', partition: 0, replicas: [2, 3] }],
    );
  });

  it("refuses what Kafka's tool refuses", () => {
    const refused = (text: string, message: RegExp) =>
      assert.throws(() => parseReassignmentJson(text), message);
    refused('{"version":2,"partitions":[]}', /Not supported version field value 2/);
    refused('{"version":1,"partitions":[]}', /Partition reassignment list cannot be empty/);
    refused('not json', /not JSON/);
    refused(
      '{"version":1,"partitions":[{"topic":"t","partition":0}]}',
      /needs "topic", "partition" and "replicas"/,
    );
    refused(
      '{"version":1,"partitions":[{"topic":"t","partition":0,"replicas":[1]},{"topic":"t","partition":0,"replicas":[2]}]}',
      /Duplicate reassignment of partition t-0/,
    );
    refused(
      '{"version":1,"partitions":[{"topic":"t","partition":0,"replicas":[1],"log_dirs":["/data"]}]}',
      /log_dirs other than "any"/,
    );
  });
});

describe('kafka-topics --replica-assignment', () => {
  it('reads partitions separated by commas and replicas by colons', () => {
    assert.deepEqual(parseReplicaAssignment('1:2,2:3, 3:1'), [
      { partitionIndex: 0, brokerIds: [1, 2] },
      { partitionIndex: 1, brokerIds: [2, 3] },
      { partitionIndex: 2, brokerIds: [3, 1] },
    ]);
    assert.throws(() => parseReplicaAssignment('1:x'), /expects broker ids/);
  });
});
