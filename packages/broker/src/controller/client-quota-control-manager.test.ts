import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, type AlterClientQuotasRequestEntryData } from '@sluice/protocol';
import { MetadataDelta } from '../metadata/metadata-delta.ts';
import {
  EMPTY_METADATA_IMAGE,
  type ClientQuotaEntity,
  type MetadataImage,
} from '../metadata/metadata-image.ts';
import { alterClientQuotas } from './client-quota-control-manager.ts';
import { ControllerError, DEFAULT_CONTROLLER_CONFIG } from './controller-result.ts';

type Ops = Record<string, number | null>;

function entry(entity: Record<string, string | null>, ops: Ops): AlterClientQuotasRequestEntryData {
  return {
    entity: Object.entries(entity).map(([entityType, entityName]) => ({ entityType, entityName })),
    ops: Object.entries(ops).map(([key, value]) => ({ key, value: value ?? 0, remove: value === null })),
  };
}

function alter(image: MetadataImage, entries: AlterClientQuotasRequestEntryData[], validateOnly = false) {
  const result = alterClientQuotas(
    {
      image,
      config: { ...DEFAULT_CONTROLLER_CONFIG, clusterId: 'c', nodeId: 1 },
      nextOffset: image.offset + 1,
      now: 0,
    },
    { entries, validateOnly },
  );
  const delta = new MetadataDelta(image);
  result.records.forEach((record, i) => delta.replay(record, image.offset + 1 + i));
  return { ...result, image: delta.apply() };
}

const quotasOf = (image: MetadataImage): [ClientQuotaEntity, Record<string, number>][] =>
  [...image.clientQuotas.values()].map(({ entity, quotas }) => [entity, Object.fromEntries(quotas)]);

describe('AlterClientQuotas in the controller', () => {
  it('writes a record per changed key, nothing for unchanged values or absent keys, and drops empty entities', () => {
    const first = alter(EMPTY_METADATA_IMAGE, [
      entry({ user: 'alice', 'client-id': null }, { producer_byte_rate: 1024, request_percentage: 12.5 }),
      entry({ 'client-id': 'app' }, { consumer_byte_rate: 2048, controller_mutation_rate: 0.5 }),
      entry({ ip: '10.0.0.1' }, { connection_creation_rate: 10 }),
      entry({ ip: null }, { connection_creation_rate: 100 }),
    ]);
    assert.ok(first.response.every((r) => r.errorCode === ErrorCode.NONE));
    assert.equal(first.records.length, 6);
    assert.deepEqual(quotasOf(first.image), [
      [
        { user: 'alice', 'client-id': null },
        { producer_byte_rate: 1024, request_percentage: 12.5 },
      ],
      [{ 'client-id': 'app' }, { consumer_byte_rate: 2048, controller_mutation_rate: 0.5 }],
      [{ ip: '10.0.0.1' }, { connection_creation_rate: 10 }],
      [{ ip: null }, { connection_creation_rate: 100 }],
    ]);
    const again = alter(first.image, [
      entry({ 'client-id': null, user: 'alice' }, { producer_byte_rate: 1024, consumer_byte_rate: null }),
    ]);
    assert.equal(again.response[0]!.errorCode, ErrorCode.NONE);
    assert.equal(again.records.length, 0, 'same value, and removing an absent key, write nothing');
    const removed = alter(first.image, [entry({ 'client-id': 'app' }, { consumer_byte_rate: null })]);
    assert.equal(removed.records.length, 1);
    const gone = alter(removed.image, [entry({ 'client-id': 'app' }, { controller_mutation_rate: null })]);
    assert.ok(!quotasOf(gone.image).some(([entity]) => 'client-id' in entity && !('user' in entity)));
  });

  it('validates as Kafka does, each entity alone, with INVALID_REQUEST and its messages', () => {
    const cases: [AlterClientQuotasRequestEntryData, string][] = [
      [entry({}, { producer_byte_rate: 1 }), 'Invalid empty client quota entity'],
      [entry({ group: 'g' }, { producer_byte_rate: 1 }), 'Unhandled client quota entity type: group'],
      [entry({ user: '' }, { producer_byte_rate: 1 }), 'Empty user not supported'],
      [entry({ 'client-id': '' }, { producer_byte_rate: 1 }), 'Empty client-id not supported'],
      [
        entry({ ip: '1.2.3.4', user: 'a' }, { connection_creation_rate: 1 }),
        'Invalid quota entity combination, IP entity shouldnot be combined with User or ClientId',
      ],
      [
        entry({ ip: 'not an ip' }, { connection_creation_rate: 1 }),
        'not an ip is not a valid IP or resolvable host.',
      ],
      [entry({ ip: '::1' }, { producer_byte_rate: 1 }), 'Invalid configuration key producer_byte_rate'],
      [
        entry({ user: 'a' }, { connection_creation_rate: 1 }),
        'Invalid configuration key connection_creation_rate',
      ],
      [entry({ user: 'a' }, { no_such_quota: 1 }), 'Invalid configuration key no_such_quota'],
      [entry({ user: 'a' }, { producer_byte_rate: 0 }), 'Quota producer_byte_rate must be greater than 0'],
      [entry({ user: 'a' }, { request_percentage: -1 }), 'Quota request_percentage must be greater than 0'],
      [entry({ user: 'a' }, { producer_byte_rate: 1.5 }), 'producer_byte_rate cannot be a fractional value.'],
      [
        entry({ user: 'a' }, { consumer_byte_rate: 1e19 }),
        'Proposed value for consumer_byte_rate is too large for a LONG.',
      ],
      [
        entry({ ip: null }, { connection_creation_rate: 3e9 }),
        'Proposed value for connection_creation_rate is too large for an INT.',
      ],
      [
        entry({ ip: null }, { connection_creation_rate: 2.5 }),
        'connection_creation_rate cannot be a fractional value.',
      ],
    ];
    for (const [request, message] of cases) {
      const { response, records } = alter(EMPTY_METADATA_IMAGE, [request]);
      assert.equal(response[0]!.errorCode, ErrorCode.INVALID_REQUEST, message);
      assert.equal(response[0]!.errorMessage, message);
      assert.equal(records.length, 0);
    }
    const mixed = alter(EMPTY_METADATA_IMAGE, [
      entry({ user: 'ok' }, { request_percentage: 0.001, controller_mutation_rate: 1e300 }),
      entry({ user: 'bad' }, { producer_byte_rate: 10, consumer_byte_rate: -5 }),
    ]);
    assert.deepEqual(
      mixed.response.map((r) => r.errorCode),
      [ErrorCode.NONE, ErrorCode.INVALID_REQUEST],
    );
    assert.deepEqual(quotasOf(mixed.image), [
      [{ user: 'ok' }, { request_percentage: 0.001, controller_mutation_rate: 1e300 }],
    ]);
  });

  it('refuses an entity named twice in one request, and a key named twice, with Ignoring duplicate entity', () => {
    const twice = alter(EMPTY_METADATA_IMAGE, [
      entry({ user: 'a' }, { producer_byte_rate: 10 }),
      entry({ user: 'a' }, { producer_byte_rate: 20 }),
    ]);
    assert.equal(twice.response.length, 1, 'one answer per entity');
    assert.equal(twice.response[0]!.errorCode, ErrorCode.INVALID_REQUEST);
    assert.match(
      twice.response[0]!.errorMessage!,
      /^Ignoring duplicate entity ClientQuotaEntity\(entries=\{user=a\}\)$/,
    );
    assert.deepEqual(
      quotasOf(twice.image),
      [[{ user: 'a' }, { producer_byte_rate: 10 }]],
      'the first one applies',
    );
    const repeatedKey = alter(EMPTY_METADATA_IMAGE, [
      {
        entity: [{ entityType: 'client-id', entityName: 'c' }],
        ops: [
          { key: 'producer_byte_rate', value: 1, remove: false },
          { key: 'producer_byte_rate', value: 2, remove: false },
        ],
      },
    ]);
    assert.equal(repeatedKey.response[0]!.errorCode, ErrorCode.INVALID_REQUEST);
    assert.match(repeatedKey.response[0]!.errorMessage!, /^Ignoring duplicate entity/);
    assert.equal(repeatedKey.records.length, 0);
  });

  it('writes nothing with validateOnly, and answers the same', () => {
    const dry = alter(EMPTY_METADATA_IMAGE, [entry({ user: 'a' }, { producer_byte_rate: 10 })], true);
    assert.equal(dry.response[0]!.errorCode, ErrorCode.NONE);
    assert.equal(dry.records.length, 0);
  });

  it('fails a request that would write more than 10,000 records whole, with POLICY_VIOLATION', () => {
    const entries = Array.from({ length: 10_001 }, (_, i) =>
      entry({ 'client-id': `c${i}` }, { producer_byte_rate: 1 }),
    );
    assert.throws(
      () => alter(EMPTY_METADATA_IMAGE, entries, true),
      (e: unknown) =>
        e instanceof ControllerError &&
        e.errorCode === ErrorCode.POLICY_VIOLATION &&
        e.message === 'Unable to perform excessively large batch operation.',
    );
    assert.equal(alter(EMPTY_METADATA_IMAGE, entries.slice(1)).records.length, 10_000);
  });
});
