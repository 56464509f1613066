/**
 * A handler that fails unexpectedly (issue 11): the client gets its request's error response, UNKNOWN_SERVER_ERROR
 * or KAFKA_STORAGE_ERROR for I/O errors, the connection stays open, and the failure is logged once per cause.
 * Real sockets and the real handlers' error responses; only `handle` is replaced by one that throws.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import { ApiKey, ErrorCode, encodeRecordBatch, type ApiKeyNumber } from '@sluice/protocol';
import type { BrokerServices } from '../broker-services.ts';
import { BrokerConfigStore } from '../config/config-store.ts';
import { apiVersionsHandler } from '../handlers/api-versions.ts';
import type { Handler, RequestContext } from '../handlers/handler.ts';
import { listOffsetsHandler } from '../handlers/list-offsets.ts';
import { produceHandler } from '../handlers/produce.ts';
import { HandlerRegistry } from '../handlers/registry.ts';
import { OncePerCauseLog, type Logger } from '../logger.ts';
import { BrokerMetrics } from '../metrics.ts';
import { KafkaServer } from './kafka-server.ts';
import { clientListenerSetup } from './client-listeners.ts';

function diskFull(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), {
    code: 'ENOSPC',
    syscall: 'write',
    errno: -28,
  });
}

describe('a request whose handler fails unexpectedly', () => {
  const errors: string[] = [];
  const log: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: (message) => errors.push(message),
  };
  let server: KafkaServer<RequestContext>;
  let port: number;

  before(async () => {
    const handlers = [
      apiVersionsHandler,
      {
        ...listOffsetsHandler,
        handle: () => {
          throw new TypeError('Cannot read properties of undefined');
        },
      },
      {
        ...produceHandler,
        handle: () => {
          throw diskFull();
        },
      },
    ] as unknown as Handler<ApiKeyNumber>[];
    const services = {
      handlers: new HandlerRegistry(handlers),
      config: new BrokerConfigStore(new Map()),
      log,
      errorLog: new OncePerCauseLog(log),
      metrics: new BrokerMetrics(),
    } as unknown as BrokerServices;
    server = new KafkaServer(
      clientListenerSetup(services, {
        name: 'PLAINTEXT',
        host: '127.0.0.1',
        port: 0,
        securityProtocol: 'PLAINTEXT',
        advertised: null,
      }),
    );
    port = await server.listen('127.0.0.1', 0);
  });

  after(() => server.close());

  const listOffsets = (client: KafkaConnection) =>
    client.request(ApiKey.ListOffsets, {
      replicaId: -1,
      isolationLevel: 0,
      topics: [
        {
          name: 'a',
          partitions: [0, 1].map((partitionIndex) => ({
            partitionIndex,
            currentLeaderEpoch: -1,
            timestamp: -1n,
            maxNumOffsets: 1,
          })),
        },
        {
          name: 'b',
          partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp: -2n, maxNumOffsets: 1 }],
        },
      ],
      timeoutMs: 1000,
    });

  it('answers UNKNOWN_SERVER_ERROR for every partition asked, and keeps the connection', async () => {
    const client = await KafkaConnection.connect('127.0.0.1', port);
    for (let i = 0; i < 3; i++) {
      const response = await listOffsets(client);
      assert.deepEqual(
        response.topics.map((t) => [t.name, t.partitions.map((p) => [p.partitionIndex, p.errorCode])]),
        [
          [
            'a',
            [
              [0, ErrorCode.UNKNOWN_SERVER_ERROR],
              [1, ErrorCode.UNKNOWN_SERVER_ERROR],
            ],
          ],
          ['b', [[0, ErrorCode.UNKNOWN_SERVER_ERROR]]],
        ],
      );
    }
    client.close();
  });

  it('answers KAFKA_STORAGE_ERROR for an I/O error', async () => {
    const client = await KafkaConnection.connect('127.0.0.1', port);
    const records = await encodeRecordBatch({ records: [{ key: null, value: Buffer.from('x') }] });
    const response = await client.request(ApiKey.Produce, {
      transactionalId: null,
      acks: -1,
      timeoutMs: 1000,
      topicData: [
        {
          name: 't',
          partitionData: [
            { index: 0, records },
            { index: 1, records },
          ],
        },
      ],
    });
    const partitions = response.responses[0]!.partitionResponses;
    assert.deepEqual(
      partitions.map((p) => p.errorCode),
      [ErrorCode.KAFKA_STORAGE_ERROR, ErrorCode.KAFKA_STORAGE_ERROR],
    );
    assert.match(partitions[0]!.errorMessage ?? '', /ENOSPC/);
    // Still open: the next request on the same connection is answered.
    assert.equal((await listOffsets(client)).topics.length, 2);
    client.close();
  });

  it('logs each cause once, not once per request', () => {
    assert.equal(errors.filter((e) => e.startsWith('ListOffsets')).length, 1, errors.join('\n'));
    assert.equal(errors.filter((e) => e.startsWith('Produce')).length, 1, errors.join('\n'));
  });

  it('closes the connection when the failed request expected no response (Produce with acks=0)', async () => {
    const client = await KafkaConnection.connect('127.0.0.1', port);
    const records = await encodeRecordBatch({ records: [{ key: null, value: Buffer.from('x') }] });
    client.sendOneWay(ApiKey.Produce, {
      transactionalId: null,
      acks: 0,
      timeoutMs: 1000,
      topicData: [{ name: 't', partitionData: [{ index: 0, records }] }],
    });
    await assert.rejects(listOffsets(client), /closed/);
  });
});

describe('OncePerCauseLog', () => {
  it('logs a cause again after its window, with how often it was suppressed', () => {
    const lines: string[] = [];
    let now = 0;
    const log = new OncePerCauseLog(
      { debug: () => undefined, info: () => undefined, warn: () => undefined, error: (m) => lines.push(m) },
      () => now,
      1000,
    );
    for (let i = 0; i < 5; i++) log.error('ENOSPC write', 'append failed', new Error('ENOSPC'));
    log.error('EIO read', 'read failed', new Error('EIO'));
    now = 1500;
    log.error('ENOSPC write', 'append failed', new Error('ENOSPC'));
    assert.deepEqual(lines, [
      'append failed',
      'read failed',
      'append failed (4 more times since it was last logged)',
    ]);
  });
});
