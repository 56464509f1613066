/**
 * Bytes produced by Kafka's own ConnectProtocol and IncrementalCooperativeConnectProtocol classes (compiled from
 * apache/kafka at 1eb7644 with the clients' protocol types, and run on OpenJDK), for the same inputs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodeAssignment,
  decodeExtendedWorkerState,
  encodeAssignment,
  encodeExtendedAssignment,
  encodeExtendedWorkerState,
  encodeWorkerState,
  type ConnectorTaskId,
  type ExtendedAssignment,
} from './connect-protocol.ts';

const KAFKA = {
  eagerMetadata: '0000000f687474703a2f2f77313a383038332f000000000000002a',
  eagerAssignment:
    '0000000000086c65616465722d310013687474703a2f2f6c65616465723a383038332f00000000000000070000000700016100000003ffffffff000000020000000000066d6972726f7200000002ffffffff0000000000016200000001ffffffff000b73696e6b2d6f726465727300000001ffffffff000d6a6462632d736f757263652d3100000001ffffffff000c736f757263652d757365727300000001ffffffff00047a6574610000000100000001',
  extendedAssignmentV1:
    '0001000100086c65616465722d310013687474703a2f2f6c65616465723a383038332f000000000000000c0000000600016100000002ffffffff0000000200066d6972726f7200000002ffffffff0000000000016200000001ffffffff000b73696e6b2d6f726465727300000001ffffffff000d6a6462632d736f757263652d3100000001ffffffff000c736f757263652d757365727300000001ffffffff0000000300017a00000001ffffffff00017900000002ffffffff00000003000171000000010000000100001388',
  extendedAssignmentV2:
    '0002000100086c65616465722d310013687474703a2f2f6c65616465723a383038332f000000000000000c0000000600016100000002ffffffff0000000200066d6972726f7200000002ffffffff0000000000016200000001ffffffff000b73696e6b2d6f726465727300000001ffffffff000d6a6462632d736f757263652d3100000001ffffffff000c736f757263652d757365727300000001ffffffff0000000300017a00000001ffffffff00017900000002ffffffff00000003000171000000010000000100001388',
  sessionedMetadata:
    '0002000e687474703a2f2f773a383038332f000000000000000c000000cc0002000100086c65616465722d310013687474703a2f2f6c65616465723a383038332f000000000000000c0000000600016100000002ffffffff0000000200066d6972726f7200000002ffffffff0000000000016200000001ffffffff000b73696e6b2d6f726465727300000001ffffffff000d6a6462632d736f757263652d3100000001ffffffff000c736f757263652d757365727300000001ffffffff0000000300017a00000001ffffffff00017900000002ffffffff00000003000171000000010000000100001388',
  compatibleMetadataNoAssignment: '0001000e687474703a2f2f773a383038332fffffffffffffffffffffffff',
};

const tasks = (...ids: string[]): ConnectorTaskId[] =>
  ids.map((id) => ({
    connector: id.slice(0, id.lastIndexOf('-')),
    task: Number(id.slice(id.lastIndexOf('-') + 1)),
  }));
const connectors = ['sink-orders', 'source-users', 'mirror', 'jdbc-source-1', 'a', 'b'];
const hex = (buffer: Buffer | null): string | null => (buffer === null ? null : buffer.toString('hex'));

describe('the Connect protocol against bytes from Kafka', () => {
  it('eager worker state', () => {
    assert.equal(hex(encodeWorkerState({ url: 'http://w1:8083/', configOffset: 42 })), KAFKA.eagerMetadata);
  });

  it('eager assignment, connectors in Java HashSet order, tasks after them in list order', () => {
    const assignment = {
      error: 0,
      leader: 'leader-1',
      leaderUrl: 'http://leader:8083/',
      configOffset: 7,
      connectors,
      tasks: tasks('mirror-0', 'a-2', 'zeta-1', 'a-0'),
    };
    assert.equal(hex(encodeAssignment(assignment)), KAFKA.eagerAssignment);
    const decoded = decodeAssignment(Buffer.from(KAFKA.eagerAssignment, 'hex'));
    assert.deepEqual(new Set(decoded.connectors), new Set(connectors));
    assert.deepEqual(
      new Set(decoded.tasks.map((t) => `${t.connector}-${t.task}`)),
      new Set(['mirror-0', 'a-2', 'zeta-1', 'a-0']),
    );
  });

  const extended: ExtendedAssignment = {
    version: 2,
    error: 1,
    leader: 'leader-1',
    leaderUrl: 'http://leader:8083/',
    configOffset: 12,
    connectors,
    tasks: tasks('mirror-0', 'a-2'),
    revokedConnectors: ['z', 'y', 'z'],
    revokedTasks: tasks('y-3', 'q-1'),
    delay: 5000,
  };

  it('extended assignment, compatible and sessioned, revoked connectors deduplicated in order', () => {
    assert.equal(hex(encodeExtendedAssignment(extended, false)), KAFKA.extendedAssignmentV1);
    assert.equal(hex(encodeExtendedAssignment(extended, true)), KAFKA.extendedAssignmentV2);
  });

  it('sessioned worker state with its assignment nested', () => {
    const state = { url: 'http://w:8083/', configOffset: 12, assignment: extended };
    assert.equal(hex(encodeExtendedWorkerState(state, true)), KAFKA.sessionedMetadata);
    const decoded = decodeExtendedWorkerState(Buffer.from(KAFKA.sessionedMetadata, 'hex'));
    assert.equal(decoded.assignment?.delay, 5000);
    assert.deepEqual(decoded.assignment?.revokedConnectors, ['z', 'y']);
  });

  it('compatible worker state without an assignment', () => {
    const state = { url: 'http://w:8083/', configOffset: -1, assignment: null };
    assert.equal(hex(encodeExtendedWorkerState(state, false)), KAFKA.compatibleMetadataNoAssignment);
  });
});
