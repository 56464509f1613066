/** The authorized operations bitfields by Kafka 3.9's codes and supported operations per resource type. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AclOperation,
  OPERATIONS_NOT_REQUESTED,
  ResourceType,
  authorizedOperations,
  operationsBitfield,
  operationsOf,
} from './acl-operations.ts';

describe('ACL operations', () => {
  it('answers every supported operation without an authorizer, as Kafka does', () => {
    // Kafka 3.9 without authorizer.class.name: AclEntry.supportedOperations, bit 1 << code each.
    assert.equal(authorizedOperations(ResourceType.TOPIC, 't'), 3576);
    assert.equal(authorizedOperations(ResourceType.CLUSTER, 'kafka-cluster'), 8096);
    assert.equal(authorizedOperations(ResourceType.GROUP, 'g'), 328);
    assert.equal(authorizedOperations(ResourceType.TRANSACTIONAL_ID, 'tx'), (1 << 8) | (1 << 4));
    assert.equal(operationsOf(3576).length, 8);
    assert.equal(operationsOf(8096).length, 7);
    assert.deepEqual(operationsOf(328), [AclOperation.READ, AclOperation.DELETE, AclOperation.DESCRIBE]);
  });

  it('keeps only what the authorizer allows; a bitfield decodes back to its operations', () => {
    const asked: string[] = [];
    const readOnly = authorizedOperations(ResourceType.TOPIC, 'orders', (operation, type, name) => {
      asked.push(`${operation}/${type}/${name}`);
      return operation === AclOperation.READ || operation === AclOperation.DESCRIBE;
    });
    assert.deepEqual(operationsOf(readOnly), [AclOperation.READ, AclOperation.DESCRIBE]);
    assert.equal(asked.length, 8, 'one decision per supported topic operation');
    assert.ok(asked.every((a) => a.endsWith(`/${ResourceType.TOPIC}/orders`)));
    assert.equal(
      authorizedOperations(ResourceType.CLUSTER, 'kafka-cluster', () => false),
      0,
      'asked and nothing allowed is 0',
    );
    const all = operationsBitfield(Object.values(AclOperation));
    assert.equal(operationsOf(all).length, Object.keys(AclOperation).length);
    assert.deepEqual(operationsOf(OPERATIONS_NOT_REQUESTED), [], 'INT32_MIN means not requested');
  });
});
