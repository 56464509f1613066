/**
 * KIP-219 on the connection: a response that carries a throttle time is sent at once, then its connection reads
 * and handles nothing more until the throttle ends; other connections are not held. Real sockets; the handler
 * answers ListOffsets with a throttle time.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import { ApiKey, type ApiKeyNumber } from '@sluice/protocol';
import type { BrokerServices } from '../broker-services.ts';
import { BrokerConfigStore } from '../config/config-store.ts';
import { apiVersionsHandler } from '../handlers/api-versions.ts';
import type { Handler, RequestContext } from '../handlers/handler.ts';
import { listOffsetsHandler } from '../handlers/list-offsets.ts';
import { HandlerRegistry } from '../handlers/registry.ts';
import { OncePerCauseLog, type Logger } from '../logger.ts';
import { BrokerMetrics } from '../metrics.ts';
import { KafkaServer } from './kafka-server.ts';
import { clientListenerSetup } from './client-listeners.ts';

const THROTTLE_MS = 400;

describe('a throttled connection (KIP-219)', () => {
  const log: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
  };
  let server: KafkaServer<RequestContext>;
  let port: number;
  const handled: { clientId: string | null; at: number }[] = [];

  before(async () => {
    const handlers = [
      apiVersionsHandler,
      {
        ...listOffsetsHandler,
        handle: ({ clientId }: { clientId: string | null }) => {
          handled.push({ clientId, at: Date.now() });
          return { throttleTimeMs: clientId === 'throttled' ? THROTTLE_MS : 0, topics: [] };
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

  const listOffsets = async (client: KafkaConnection) => {
    const response = await client.request(ApiKey.ListOffsets, {
      replicaId: -1,
      isolationLevel: 0,
      topics: [],
      timeoutMs: 0,
    });
    return { throttleTimeMs: response.throttleTimeMs, at: Date.now() };
  };

  it('answers at once, then handles nothing more from that connection until the throttle ends', async () => {
    const throttled = await KafkaConnection.connect('127.0.0.1', port, 'throttled');
    const other = await KafkaConnection.connect('127.0.0.1', port, 'other');
    try {
      const sent = Date.now();
      // Pipelined: the second request is in the broker's hands before the first is answered.
      const [first, second, bystander] = await Promise.all([
        listOffsets(throttled),
        listOffsets(throttled),
        listOffsets(other),
      ]);
      assert.equal(first.throttleTimeMs, THROTTLE_MS);
      assert.ok(
        first.at - sent < THROTTLE_MS / 2,
        `the throttled response itself took ${first.at - sent} ms`,
      );
      assert.ok(
        second.at - first.at >= THROTTLE_MS - 20,
        `the next one came ${second.at - first.at} ms later`,
      );
      assert.ok(bystander.at - sent < THROTTLE_MS / 2, 'another connection is not held');
      const [firstHandled, secondHandled] = handled.filter((h) => h.clientId === 'throttled');
      assert.ok(
        secondHandled!.at - firstHandled!.at >= THROTTLE_MS - 20,
        'the next request waited to be handled',
      );
    } finally {
      throttled.close();
      other.close();
    }
  });
});
