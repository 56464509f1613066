import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CONFIG_MISMATCH,
  compatibility,
  compatibilityFromProtocol,
  compatibilityFromVersion,
  decodeAssignment,
  decodeExtendedAssignment,
  decodeExtendedWorkerState,
  decodeWorkerState,
  emptyExtendedAssignment,
  encodeAssignment,
  encodeExtendedAssignment,
  encodeExtendedWorkerState,
  encodeWorkerState,
  joinGroupProtocols,
  mergeAssignment,
  protocolName,
  selectProtocol,
  type ExtendedAssignment,
} from './connect-protocol.ts';

/** Kafka's classic Schema types, built by hand so the expectations do not share code with the encoder. */
const int16 = (value: number): Buffer => {
  const buffer = Buffer.alloc(2);
  buffer.writeInt16BE(value);
  return buffer;
};
const int32 = (value: number): Buffer => {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
};
const int64 = (value: bigint): Buffer => {
  const buffer = Buffer.alloc(8);
  buffer.writeBigInt64BE(value);
  return buffer;
};
const str = (value: string): Buffer => Buffer.concat([int16(Buffer.byteLength(value)), Buffer.from(value)]);
const bytes = (value: Buffer | null): Buffer =>
  value === null ? int32(-1) : Buffer.concat([int32(value.length), value]);
const connectorAssignment = (connector: string, tasks: number[]): Buffer =>
  Buffer.concat([str(connector), int32(tasks.length), ...tasks.map(int32)]);

describe('ConnectProtocol (eager, v0)', () => {
  it('writes worker state as header, url, config offset', () => {
    const expected = Buffer.concat([int16(0), str('http://w1:8083/'), int64(42n)]);
    const encoded = encodeWorkerState({ url: 'http://w1:8083/', configOffset: 42 });
    assert.deepEqual(encoded, expected);
    assert.deepEqual(decodeWorkerState(encoded), { url: 'http://w1:8083/', configOffset: 42 });
  });

  it('writes an assignment with connectors as task -1 ahead of their tasks', () => {
    const expected = Buffer.concat([
      int16(0),
      int16(0),
      str('leader-1'),
      str('http://leader:8083/'),
      int64(7n),
      int32(2),
      connectorAssignment('conn', [-1, 0, 2]),
      connectorAssignment('other', [1]),
    ]);
    const assignment = {
      error: 0,
      leader: 'leader-1',
      leaderUrl: 'http://leader:8083/',
      configOffset: 7,
      connectors: ['conn'],
      tasks: [
        { connector: 'conn', task: 0 },
        { connector: 'conn', task: 2 },
        { connector: 'other', task: 1 },
      ],
    };
    assert.deepEqual(encodeAssignment(assignment), expected);
    assert.deepEqual(decodeAssignment(expected), assignment);
  });

  it('reads a newer header version with the v0 layout', () => {
    const buffer = Buffer.concat([int16(3), str('u'), int64(1n), Buffer.from([9, 9])]);
    assert.deepEqual(decodeWorkerState(buffer), { url: 'u', configOffset: 1 });
  });
});

describe('IncrementalCooperativeConnectProtocol (compatible v1, sessioned v2)', () => {
  const assignment: ExtendedAssignment = {
    version: 1,
    error: 0,
    leader: 'leader-1',
    leaderUrl: 'http://leader:8083/',
    configOffset: 12,
    connectors: ['a'],
    tasks: [{ connector: 'a', task: 0 }],
    revokedConnectors: ['b'],
    revokedTasks: [{ connector: 'b', task: 1 }],
    delay: 5000,
  };
  const assignmentBody = Buffer.concat([
    int16(0),
    str('leader-1'),
    str('http://leader:8083/'),
    int64(12n),
    int32(1),
    connectorAssignment('a', [-1, 0]),
    int32(1),
    connectorAssignment('b', [-1, 1]),
    int32(5000),
  ]);

  it('writes an extended assignment with revocations and delay', () => {
    assert.deepEqual(encodeExtendedAssignment(assignment, false), Buffer.concat([int16(1), assignmentBody]));
    assert.deepEqual(encodeExtendedAssignment(assignment, true), Buffer.concat([int16(2), assignmentBody]));
    assert.deepEqual(decodeExtendedAssignment(Buffer.concat([int16(1), assignmentBody])), assignment);
  });

  it('writes worker state with the assignment nested as nullable bytes', () => {
    const state = { url: 'http://w:8083/', configOffset: 12, assignment };
    const expected = Buffer.concat([
      int16(2),
      str('http://w:8083/'),
      int64(12n),
      bytes(Buffer.concat([int16(2), assignmentBody])),
    ]);
    assert.deepEqual(encodeExtendedWorkerState(state, true), expected);
    assert.deepEqual(decodeExtendedWorkerState(expected), {
      ...state,
      assignment: { ...assignment, version: 2 },
    });
  });

  it('writes no assignment, or the empty one, as a null allocation', () => {
    const expected = Buffer.concat([int16(1), str('u'), int64(-1n), bytes(null)]);
    assert.deepEqual(
      encodeExtendedWorkerState({ url: 'u', configOffset: -1, assignment: null }, false),
      expected,
    );
    const withEmpty = { url: 'u', configOffset: -1, assignment: emptyExtendedAssignment() };
    assert.deepEqual(encodeExtendedWorkerState(withEmpty, false), expected);
    assert.equal(decodeExtendedWorkerState(expected).assignment, null);
  });

  it('reads v0 metadata and a v0 assignment, with the missing fields defaulted', () => {
    assert.deepEqual(decodeExtendedWorkerState(encodeWorkerState({ url: 'u', configOffset: 3 })), {
      url: 'u',
      configOffset: 3,
      assignment: null,
    });
    const eager = encodeAssignment({
      error: CONFIG_MISMATCH,
      leader: 'l',
      leaderUrl: 'lu',
      configOffset: 9,
      connectors: [],
      tasks: [{ connector: 'c', task: 0 }],
    });
    assert.deepEqual(decodeExtendedAssignment(eager), {
      version: 0,
      error: CONFIG_MISMATCH,
      leader: 'l',
      leaderUrl: 'lu',
      configOffset: 9,
      connectors: [],
      tasks: [{ connector: 'c', task: 0 }],
      revokedConnectors: [],
      revokedTasks: [],
      delay: 0,
    });
  });
});

describe('protocol modes', () => {
  const state = { url: 'u', configOffset: 0, assignment: null };

  it('lists sessioned, compatible, default for sessioned; compatible, default; default for eager', () => {
    assert.deepEqual(
      joinGroupProtocols('sessioned', state).map((p) => p.name),
      ['sessioned', 'compatible', 'default'],
    );
    assert.deepEqual(
      joinGroupProtocols('compatible', state).map((p) => p.name),
      ['compatible', 'default'],
    );
    assert.deepEqual(
      joinGroupProtocols('eager', state).map((p) => p.name),
      ['default'],
    );
    const [sessioned, compatible, eager] = joinGroupProtocols('sessioned', state);
    assert.equal(sessioned!.metadata.readInt16BE(0), 2);
    assert.equal(compatible!.metadata.readInt16BE(0), 1);
    assert.equal(eager!.metadata.readInt16BE(0), 0);
  });

  it('maps modes, protocol names and versions as ConnectProtocolCompatibility does', () => {
    assert.equal(protocolName('eager'), 'default');
    assert.equal(compatibility('SESSIONED'), 'sessioned');
    assert.equal(compatibilityFromProtocol('Default'), 'eager');
    assert.equal(compatibilityFromVersion(1), 'compatible');
    assert.throws(() => compatibility('default'), /Unknown Connect protocol compatibility mode: default/);
    assert.throws(() => compatibilityFromVersion(3), /Unknown Connect protocol version: 3/);
  });

  it('selects the protocol every member supports that most members prefer', () => {
    const all = ['sessioned', 'compatible', 'default'];
    assert.equal(selectProtocol([all, all]), 'sessioned');
    assert.equal(selectProtocol([all, ['compatible', 'default']]), 'compatible');
    assert.equal(selectProtocol([all, ['default']]), 'default');
    // One vote each: the tie goes to the first in Java HashMap order, where "compatible" (bucket 2 of 16)
    // precedes "sessioned" (bucket 15) whichever vote came first; jshell prints the same order.
    assert.equal(selectProtocol([all, ['compatible', 'sessioned']]), 'compatible');
    assert.equal(selectProtocol([['compatible', 'sessioned'], all]), 'compatible');
  });
});

describe('mergeAssignment', () => {
  const base = {
    version: 1,
    error: 0,
    leader: 'l',
    leaderUrl: 'lu',
    configOffset: 3,
    revokedConnectors: [] as string[],
    revokedTasks: [] as { connector: string; task: number }[],
    delay: 0,
  };
  const previous = {
    ...base,
    connectors: ['a', 'b'],
    tasks: [
      { connector: 'a', task: 0 },
      { connector: 'b', task: 0 },
    ],
  };
  const next = {
    ...base,
    connectors: ['c'],
    tasks: [{ connector: 'c', task: 0 }],
    revokedConnectors: ['b'],
    revokedTasks: [{ connector: 'b', task: 0 }],
  };

  it('keeps the previous work less the revoked under the incremental protocols', () => {
    const merged = mergeAssignment('sessioned', previous, next);
    assert.deepEqual(merged.connectors, ['c', 'a']);
    assert.deepEqual(merged.tasks, [
      { connector: 'c', task: 0 },
      { connector: 'a', task: 0 },
    ]);
  });

  it('takes the new assignment alone under the eager protocol', () => {
    assert.equal(mergeAssignment('eager', previous, next), next);
  });
});
