/**
 * The controller listener (KRaft's CONTROLLER listener in combined mode): its own port, its own handler
 * registry, and its own request context. It serves ApiVersions and the quorum's APIs; the controller's APIs
 * (BrokerRegistration, BrokerHeartbeat, AlterPartition, CreateTopics, ...) join by being passed in `handlers`
 * (or added to controllerHandlers) with access to what they need through ControllerServices.
 */
import type { ApiKeyNumber } from '@sluice/protocol';
import type { ConnectionInfo, Handler } from '../handlers/handler.ts';
import { HandlerRegistry } from '../handlers/registry.ts';
import { defineApiVersionsHandler } from '../handlers/api-versions.ts';
import { OncePerCauseLog, type Logger } from '../logger.ts';
import { BrokerMetrics } from '../metrics.ts';
import { KafkaServer } from '../network/kafka-server.ts';
import type { ListenerLimits } from '../network/listener.ts';
import type { KafkaRaftClient } from './kafka-raft-client.ts';
import { quorumHandlers } from './handlers/index.ts';

/** What the controller listener's handlers may use. */
export interface ControllerServices {
  raft: KafkaRaftClient;
  handlers: HandlerRegistry<ControllerRequestContext>;
  log: Logger;
}

export interface ControllerRequestContext extends ConnectionInfo {
  controller: ControllerServices;
}

export type ControllerHandler = Handler<ApiKeyNumber, ControllerRequestContext>;

export const controllerApiVersionsHandler = defineApiVersionsHandler<ControllerRequestContext>(
  ({ controller }) => controller.handlers.advertised(),
);

/** Kafka's socket defaults (socket.request.max.bytes, connections.max.idle.ms), no connection cap. */
const DEFAULT_LIMITS: ListenerLimits = {
  maxRequestBytes: 100 * 1024 * 1024,
  idleTimeoutMs: 600_000,
  maxConnections: Number.MAX_SAFE_INTEGER,
};

export class ControllerListener {
  private constructor(
    private readonly server: KafkaServer<ControllerRequestContext>,
    readonly port: number,
    readonly services: ControllerServices,
  ) {}

  /** Binds host:port (0 picks a free port) and serves ApiVersions, the quorum's APIs and `handlers`. */
  static async start(options: {
    raft: KafkaRaftClient;
    host: string;
    port: number;
    log: Logger;
    handlers?: readonly ControllerHandler[];
    limits?: ListenerLimits;
  }): Promise<ControllerListener> {
    const handlers = new HandlerRegistry<ControllerRequestContext>([
      controllerApiVersionsHandler as unknown as ControllerHandler,
      ...quorumHandlers,
      ...(options.handlers ?? []),
    ]);
    const services: ControllerServices = { raft: options.raft, handlers, log: options.log };
    const server = new KafkaServer<ControllerRequestContext>({
      name: 'CONTROLLER',
      handlers,
      log: options.log,
      errorLog: new OncePerCauseLog(options.log),
      metrics: new BrokerMetrics(),
      limits: () => options.limits ?? DEFAULT_LIMITS,
      context: (info) => ({ ...info, controller: services }),
    });
    const port = await server.listen(options.host, options.port);
    return new ControllerListener(server, port, services);
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
