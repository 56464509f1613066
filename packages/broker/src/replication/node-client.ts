/**
 * One connection from this broker to another (Kafka's NetworkClient as the replica fetcher's
 * BlockingSend uses it): requests go out in order on one socket and responses are matched by correlation id.
 *
 * Invariants: at most one socket at a time; a request either resolves with its decoded response or rejects
 * (timeout, socket error, close), never both; a failed socket rejects every request in flight and is dropped, so
 * the next request reconnects. The versions sent are negotiated once per socket with ApiVersions.
 */
import { connect, type Socket } from 'node:net';
import {
  ApiKey,
  FrameReader,
  apis,
  decodeResponse,
  encodeRequest,
  type ApiKeyNumber,
  type ApiMessages,
} from '@sluice/protocol';

/** Responses carry up to replica.fetch.response.max.bytes of records plus headers. */
const MAX_RESPONSE_BYTES = 512 * 1024 * 1024;

interface InFlight {
  apiKey: ApiKeyNumber;
  apiVersion: number;
  resolve: (body: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export interface NodeAddress {
  host: string;
  port: number;
}

export class NodeClient {
  private socket: Socket | null = null;
  private connecting: Promise<Socket> | null = null;
  private readonly inFlight = new Map<number, InFlight>();
  private nextCorrelationId = 1;
  /** The versions the other broker serves, by api key, from its ApiVersions answer. */
  private versions = new Map<number, { min: number; max: number }>();
  private closed = false;

  constructor(
    private address: NodeAddress,
    private readonly clientId: string,
    private readonly requestTimeoutMs: number,
  ) {}

  /** A new address for the node (it re-registered elsewhere): the current socket is dropped. */
  setAddress(address: NodeAddress): void {
    if (address.host === this.address.host && address.port === this.address.port) return;
    this.address = address;
    this.disconnect(new Error('node address changed'));
  }

  /** The highest version of `apiKey` both sides speak, at most `ours`, or -1 when the other side lacks it. */
  async version(apiKey: ApiKeyNumber, ours: number): Promise<number> {
    await this.ensureConnected();
    const theirs = this.versions.get(apiKey);
    if (!theirs || theirs.min > ours) return -1;
    return Math.min(ours, theirs.max);
  }

  async send<K extends ApiKeyNumber>(
    apiKey: K,
    apiVersion: number,
    body: ApiMessages[K]['request'],
  ): Promise<ApiMessages[K]['response']> {
    const socket = await this.ensureConnected();
    return this.sendOn(socket, apiKey, apiVersion, body);
  }

  private sendOn<K extends ApiKeyNumber>(
    socket: Socket,
    apiKey: K,
    apiVersion: number,
    body: ApiMessages[K]['request'],
  ): Promise<ApiMessages[K]['response']> {
    const correlationId = this.nextCorrelationId;
    this.nextCorrelationId = this.nextCorrelationId === 0x7fffffff ? 1 : this.nextCorrelationId + 1;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.disconnect(
          new Error(`${apis[apiKey].name} to ${this.describe()} timed out after ${this.requestTimeoutMs} ms`),
        );
      }, this.requestTimeoutMs);
      this.inFlight.set(correlationId, {
        apiKey,
        apiVersion,
        resolve: resolve as (body: unknown) => void,
        reject,
        timer,
      });
      for (const chunk of encodeRequest(apiKey, apiVersion, correlationId, this.clientId, body))
        socket.write(chunk);
    });
  }

  private describe(): string {
    return `${this.address.host}:${this.address.port}`;
  }

  private async ensureConnected(): Promise<Socket> {
    if (this.closed) throw new Error('client closed');
    if (this.socket) return this.socket;
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async open(): Promise<Socket> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect({ host: this.address.host, port: this.address.port, noDelay: true });
      const timer = setTimeout(() => {
        s.destroy();
        reject(new Error(`connecting to ${this.describe()} timed out`));
      }, this.requestTimeoutMs);
      s.once('connect', () => {
        clearTimeout(timer);
        s.off('error', reject);
        resolve(s);
      });
      s.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    const frames = new FrameReader(MAX_RESPONSE_BYTES);
    socket.on('data', (chunk: Buffer) => {
      try {
        for (const frame of frames.push(chunk)) this.onFrame(frame);
      } catch (error) {
        this.disconnect(error instanceof Error ? error : new Error(String(error)), socket);
      }
    });
    socket.on('error', (error) => this.disconnect(error, socket));
    socket.on('close', () => this.disconnect(new Error(`connection to ${this.describe()} closed`), socket));
    if (this.closed) {
      socket.destroy();
      throw new Error('client closed');
    }
    this.socket = socket;
    try {
      const answer = await this.sendOn(socket, ApiKey.ApiVersions, 0, {
        clientSoftwareName: 'sluice-broker',
        clientSoftwareVersion: '0',
      });
      this.versions = new Map(
        answer.apiKeys.map((k) => [k.apiKey, { min: k.minVersion, max: k.maxVersion }]),
      );
    } catch (error) {
      this.disconnect(error instanceof Error ? error : new Error(String(error)), socket);
      throw error;
    }
    return socket;
  }

  private onFrame(frame: Buffer): void {
    const correlationId = frame.readInt32BE(0);
    const request = this.inFlight.get(correlationId);
    if (!request) throw new Error(`response with unknown correlation id ${correlationId}`);
    this.inFlight.delete(correlationId);
    clearTimeout(request.timer);
    request.resolve(decodeResponse(request.apiKey, request.apiVersion, frame).body);
  }

  /** Drops the socket (only `which`, when given, so a stale socket's events cannot drop its successor). */
  disconnect(reason: Error, which: Socket | null = this.socket): void {
    if (which === null) return;
    which.destroy();
    if (which !== this.socket) return;
    this.socket = null;
    for (const [id, request] of this.inFlight) {
      clearTimeout(request.timer);
      request.reject(reason);
      this.inFlight.delete(id);
    }
  }

  close(): void {
    this.closed = true;
    this.disconnect(new Error('client closed'));
  }
}
