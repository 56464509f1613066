import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../clock.ts';
import {
  clientQuotaEntityKey,
  type ClientQuotaEntity,
  type ClientQuotaImage,
} from '../metadata/metadata-image.ts';
import { QuotaManagers } from './quota-managers.ts';

function image(...entries: [ClientQuotaEntity, Record<string, number>][]) {
  const clientQuotas = new Map<string, ClientQuotaImage>(
    entries.map(([entity, quotas]) => [
      clientQuotaEntityKey(entity),
      { entity, quotas: new Map(Object.entries(quotas)) },
    ]),
  );
  return { acls: new Map(), scramCredentials: new Map(), clientQuotas };
}

describe('quota managers following the metadata image', () => {
  it('applies each quota key to its manager, and what changed between images', () => {
    const clock = new ManualClock();
    const quotas = new QuotaManagers(
      { windowNum: 11, windowSizeSeconds: 1, controllerWindowNum: 11, controllerWindowSizeSeconds: 1 },
      () => clock.now(),
    );
    quotas.apply(
      image(
        [{ 'client-id': 'app' }, { producer_byte_rate: 1000, consumer_byte_rate: 2000 }],
        [
          { user: 'ANONYMOUS', 'client-id': null },
          { request_percentage: 50, controller_mutation_rate: 5 },
        ],
        [{ ip: '10.0.0.1' }, { connection_creation_rate: 3 }],
      ),
    );
    assert.equal(quotas.produce.quota('bob', 'app'), 1000);
    assert.equal(quotas.fetch.quota('bob', 'app'), 2000);
    assert.equal(quotas.request.quota('ANONYMOUS', 'x'), 50);
    assert.equal(quotas.controllerMutation.quota('ANONYMOUS', 'x'), 5);
    assert.equal(quotas.request.quota('bob', 'x'), null);

    quotas.apply(image([{ 'client-id': 'app' }, { producer_byte_rate: 500 }]));
    assert.equal(quotas.produce.quota('bob', 'app'), 500);
    assert.equal(quotas.fetch.quota('bob', 'app'), null);
    assert.equal(quotas.request.quota('ANONYMOUS', 'x'), null);
  });

  it('reports what it measures, per client, for the console', () => {
    const clock = new ManualClock();
    const quotas = new QuotaManagers(
      { windowNum: 11, windowSizeSeconds: 1, controllerWindowNum: 11, controllerWindowSizeSeconds: 1 },
      () => clock.now(),
    );
    quotas.apply(image([{ user: 'ANONYMOUS' }, { producer_byte_rate: 1000 }]));
    quotas.produce.recordAndGetThrottleTimeMs('ANONYMOUS', 'p1', 5000, clock.now());
    quotas.produce.recordAndGetThrottleTimeMs('ANONYMOUS', 'p2', 5000, clock.now());
    quotas.fetch.recordAndGetThrottleTimeMs('ANONYMOUS', 'c1', 300, clock.now());
    assert.deepEqual(
      quotas
        .observationsFor('ANONYMOUS', 'p1')
        .map((o) => [o.quotaType, o.user, o.clientId, o.rate, o.quota]),
      [['Produce', 'ANONYMOUS', '', 1000, 1000]],
    );
    assert.deepEqual(
      quotas.observations().map((o) => [o.quotaType, o.user, o.clientId]),
      [
        ['Produce', 'ANONYMOUS', ''],
        ['Fetch', '', 'c1'],
      ],
    );
  });

  it('lists each quota entity with the clients its quotas apply to, and the clients no quota applies to', () => {
    const clock = new ManualClock();
    const quotas = new QuotaManagers(
      { windowNum: 11, windowSizeSeconds: 1, controllerWindowNum: 11, controllerWindowSizeSeconds: 1 },
      () => clock.now(),
    );
    const current = image(
      [{ 'client-id': null }, { producer_byte_rate: 1000 }],
      [{ 'client-id': 'vip' }, { producer_byte_rate: 9000, consumer_byte_rate: 9000 }],
    );
    quotas.apply(current);
    for (const client of ['a', 'b', 'vip'])
      quotas.produce.recordAndGetThrottleTimeMs('U', client, 100, clock.now());
    quotas.fetch.recordAndGetThrottleTimeMs('U', 'a', 100, clock.now());
    const { entities, unlimited } = quotas.usage();
    assert.deepEqual(
      entities.map((e) => [e.entity, e.quotas, e.observations.map((o) => `${o.quotaType}:${o.clientId}`)]),
      [
        [{ 'client-id': null }, { producer_byte_rate: 1000 }, ['Produce:a', 'Produce:b']],
        [{ 'client-id': 'vip' }, { producer_byte_rate: 9000, consumer_byte_rate: 9000 }, ['Produce:vip']],
      ],
    );
    assert.deepEqual(
      unlimited.map((o) => `${o.quotaType}:${o.clientId}`),
      ['Fetch:a'],
    );
  });
});
