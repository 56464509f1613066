/**
 * The quorum's outbound requests (Kafka's KafkaNetworkChannel): one connection per voter, opened on first use,
 * negotiated with ApiVersions and reused; each request is framed with its own correlation id and sent at the
 * highest version both sides serve. A request that fails or outlives controller.quorum.request.timeout.ms
 * drops its connection, so the next request to that voter reconnects.
 */
import { KafkaConnection } from '@sluice/client';
import type { ApiKeyNumber, ApiMessages } from '@sluice/protocol';
import type { VoterEndpoint } from './quorum-config.ts';

export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
}

export class RaftChannel {
  private readonly connections = new Map<number, Promise<KafkaConnection>>();
  /** How to abandon each request in flight, per node: closing a connection does not fail its requests. */
  private readonly inFlight = new Map<number, Set<(error: Error) => void>>();
  private closed = false;

  constructor(
    private readonly clientId: string,
    private readonly endpoints: ReadonlyMap<number, VoterEndpoint>,
    private readonly requestTimeoutMs: number,
  ) {}

  async send<K extends ApiKeyNumber>(
    nodeId: number,
    apiKey: K,
    body: ApiMessages[K]['request'],
    timeoutMs = this.requestTimeoutMs,
  ): Promise<ApiMessages[K]['response']> {
    if (this.closed) throw new Error('the raft channel is closed');
    const connecting = this.connection(nodeId);
    let timer: NodeJS.Timeout | undefined;
    let abandon: (error: Error) => void = () => undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      abandon = reject;
      timer = setTimeout(
        () => reject(new RequestTimeoutError(`request to node ${nodeId} timed out after ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    let pending = this.inFlight.get(nodeId);
    if (!pending) this.inFlight.set(nodeId, (pending = new Set()));
    pending.add(abandon);
    try {
      const connection = await Promise.race([connecting, timeout]);
      return await Promise.race([connection.request(apiKey, body), timeout]);
    } catch (error) {
      this.disconnect(nodeId, connecting);
      throw error;
    } finally {
      clearTimeout(timer);
      pending.delete(abandon);
    }
  }

  /** Drops the connection to `nodeId` (a peer that went away, or a request that must be abandoned). */
  disconnect(nodeId: number, which?: Promise<KafkaConnection>): void {
    const current = this.connections.get(nodeId);
    if (!current || (which && which !== current)) return;
    this.connections.delete(nodeId);
    current.then((c) => c.close()).catch(() => undefined);
    const error = new Error(`connection to node ${nodeId} closed`);
    for (const abandon of this.inFlight.get(nodeId) ?? []) abandon(error);
  }

  close(): void {
    this.closed = true;
    for (const nodeId of [...this.connections.keys()]) this.disconnect(nodeId);
  }

  private connection(nodeId: number): Promise<KafkaConnection> {
    let connection = this.connections.get(nodeId);
    if (!connection) {
      const endpoint = this.endpoints.get(nodeId);
      if (!endpoint) return Promise.reject(new Error(`no endpoint for node ${nodeId}`));
      connection = KafkaConnection.connect(
        endpoint.host,
        endpoint.port,
        this.clientId,
        this.requestTimeoutMs,
      );
      connection.catch(() => this.connections.delete(nodeId));
      this.connections.set(nodeId, connection);
    }
    return connection;
  }
}
