/**
 * How a broker reaches the active controller of its metadata quorum (Kafka's NodeToControllerChannelManager):
 * one connection to the controller listener of whichever voter the Raft layer names as leader, replaced when the
 * leader changes or the connection fails.
 *
 * Invariant: a request is sent only to the node that was the known leader when it was sent; while no leader is
 * known, `send` waits (up to its timeout) instead of guessing. Answers such as NOT_CONTROLLER are the caller's to
 * act on: the channel only retries what failed on the wire.
 */
import { KafkaConnection } from '@sluice/client';
import type { ApiKeyNumber, ApiMessages } from '@sluice/protocol';
import type { LeaderAndEpoch } from '../raft/raft-client.ts';

export interface ControllerEndpoint {
  host: string;
  port: number;
}

export class ControllerUnavailableError extends Error {
  override readonly name = 'ControllerUnavailableError';
}

const RETRY_BACKOFF_MS = 100;
const LEADER_WATCH_MS = 50;

export class ControllerChannel {
  private connection: { nodeId: number; pending: Promise<KafkaConnection> } | null = null;
  private closed = false;

  constructor(
    private readonly leader: () => LeaderAndEpoch,
    /** The controller listener of a node (a voter, or a leader the quorum named), by node id. */
    private readonly endpointOf: (nodeId: number) => ControllerEndpoint | undefined,
    private readonly clientId: string,
  ) {}

  /**
   * Sends `body` to the active controller, retrying connection failures until `timeoutMs` has passed: at `version`
   * when given (a forwarded request keeps its client's version, since its fields are those of that version), else
   * at the highest version both sides serve.
   */
  async send<K extends ApiKeyNumber>(
    apiKey: K,
    body: ApiMessages[K]['request'],
    timeoutMs: number,
    version?: number,
  ): Promise<ApiMessages[K]['response']> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown = null;
    while (!this.closed && Date.now() < deadline) {
      const leaderId = this.leader().leaderId;
      const endpoint = leaderId === null ? undefined : this.endpointOf(leaderId);
      if (leaderId === null || endpoint === undefined) {
        await sleep(RETRY_BACKOFF_MS);
        continue;
      }
      try {
        const connection = await this.connectionTo(leaderId, endpoint, deadline - Date.now());
        return await settleWhileLeader(
          version === undefined ? connection.request(apiKey, body) : connection.send(apiKey, version, body),
          deadline - Date.now(),
          () => this.leader().leaderId === leaderId,
        );
      } catch (error) {
        lastError = error;
        this.dropConnection();
        await sleep(RETRY_BACKOFF_MS);
      }
    }
    throw new ControllerUnavailableError(
      `no answer from the active controller within ${timeoutMs} ms` +
        (lastError instanceof Error ? ` (${lastError.message})` : ''),
    );
  }

  /** Forgets the current connection, for example after the controller answered NOT_CONTROLLER. */
  dropConnection(): void {
    const current = this.connection;
    this.connection = null;
    current?.pending.then((connection) => connection.close()).catch(() => {});
  }

  close(): void {
    this.closed = true;
    this.dropConnection();
  }

  private connectionTo(
    nodeId: number,
    endpoint: ControllerEndpoint,
    timeoutMs: number,
  ): Promise<KafkaConnection> {
    if (this.connection?.nodeId !== nodeId) {
      this.dropConnection();
      const pending = KafkaConnection.connect(
        endpoint.host,
        endpoint.port,
        this.clientId,
        Math.max(timeoutMs, 1),
      );
      // A failed connect is reported to the caller that awaited it; the next send starts afresh.
      pending.catch(() => {
        if (this.connection?.pending === pending) this.connection = null;
      });
      this.connection = { nodeId, pending };
    }
    return this.connection.pending;
  }
}

/**
 * A controller that stopped answering (paused, or cut off) leaves requests pending forever on an open connection:
 * the wait ends at the caller's deadline, or as soon as the quorum names another leader (the request is then sent
 * again, to it), and the connection is replaced.
 */
function settleWhileLeader<T>(pending: Promise<T>, ms: number, stillLeader: () => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      clearInterval(watch);
    };
    const timer = setTimeout(() => {
      done();
      reject(new ControllerUnavailableError(`no answer within ${ms} ms`));
    }, ms);
    const watch = setInterval(() => {
      if (stillLeader()) return;
      done();
      reject(new ControllerUnavailableError('the active controller changed while waiting for its answer'));
    }, LEADER_WATCH_MS);
    pending.then(
      (value) => {
        done();
        resolve(value);
      },
      (error: unknown) => {
        done();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
