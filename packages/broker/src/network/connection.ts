/**
 * One client connection. Requests are handled one at a time in arrival order and answered in that order, as
 * Kafka does (it mutes a channel while a request is in flight): clients may pipeline, ordering is preserved,
 * and an idempotent producer's batches reach the log in the order sent.
 *
 * A request whose handler fails unexpectedly is answered with its error response (UNKNOWN_SERVER_ERROR, or
 * KAFKA_STORAGE_ERROR for I/O errors) and the connection stays open; only framing errors (an unreadable or
 * unserved request, an oversized frame) close it, as in Kafka.
 *
 * Backpressure: reading pauses while more than MAX_QUEUED_FRAMES requests wait, or while the socket's write
 * buffer is over its high-water mark, and resumes when both drain.
 *
 * Throttling (KIP-219): a response that carries a throttle time is sent at once, and then the connection is muted
 * for that long: it reads and handles nothing more until the throttle ends, as Kafka mutes a throttled channel.
 */
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { apiVersionsResponse } from '../handlers/api-versions.ts';
import { CLOSE_CONNECTION } from '../handlers/handler.ts';
import { causeOf, failureOf } from '../handlers/request-failure.ts';
import {
  ApiKey,
  ErrorCode,
  FrameReader,
  FrameSizeError,
  apis,
  decodeRequest,
  encodeResponse,
  isApiKey,
  type ApiKeyNumber,
} from '@sluice/protocol';
import type { RequestTiming } from '../metrics.ts';
import { ANONYMOUS, type KafkaPrincipal } from '../security/kafka-principal.ts';
import type { ListenerSetup } from './listener.ts';
import { SaslAuthenticator, type AuthOutcome } from './sasl-authenticator.ts';

const MAX_QUEUED_FRAMES = 64;

export class Connection<C> {
  private readonly frames: FrameReader;
  /** Frames waiting, each with when it arrived (performance.now()), for the request-time histograms. */
  private readonly queue: { frame: Buffer; receivedAt: number }[] = [];
  private processing = false;
  private closed = false;
  private readonly sasl: SaslAuthenticator | null;
  private readonly maxRequestBytes: number;
  /** The throttle time of the response being sent; set by `handle`. */
  private responseThrottleMs = 0;
  /** The timing of the request being handled, once its handler ran; set by `handle`. */
  private requestTiming: RequestTiming | null = null;
  /** Set while the connection is muted by a throttle. */
  private throttleTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly id: number,
    private readonly socket: Socket,
    private readonly services: ListenerSetup<C>,
    private readonly onClose: (connection: Connection<C>) => void,
    /** The principal TLS established (a client certificate's mapped name), if any. */
    private readonly tlsPrincipal: KafkaPrincipal | null = null,
  ) {
    const limits = services.limits();
    this.maxRequestBytes = limits.maxRequestBytes;
    this.sasl = services.sasl ? new SaslAuthenticator(services.sasl, services.now ?? Date.now) : null;
    this.frames = new FrameReader(
      this.sasl && services.maxReceiveBytesBeforeAuth !== undefined
        ? Math.min(limits.maxRequestBytes, services.maxReceiveBytesBeforeAuth)
        : limits.maxRequestBytes,
    );
    socket.setNoDelay(true);
    socket.setTimeout(limits.idleTimeoutMs);
    socket.on('timeout', () => this.close('idle'));
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => this.updateReading());
    socket.on('error', () => this.close('socket error'));
    socket.on('close', () => this.close('closed by peer'));
  }

  get remoteAddress(): string {
    return `${this.clientHost}:${this.socket.remotePort ?? '?'}`;
  }

  /** The client's IP address; IPv4 clients of a dual-stack socket without their ::ffff: prefix. */
  get clientHost(): string {
    return (this.socket.remoteAddress ?? '?').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
  }

  private onData(chunk: Buffer): void {
    this.services.metrics.bytesIn += chunk.length;
    let frames: Buffer[];
    try {
      frames = this.frames.push(chunk);
    } catch (error) {
      if (error instanceof FrameSizeError) {
        this.services.log.warn(`closing ${this.remoteAddress}: ${error.message}`);
        this.close('oversized frame');
        return;
      }
      throw error;
    }
    if (frames.length === 0) return;
    const receivedAt = performance.now();
    for (const frame of frames) this.queue.push({ frame, receivedAt });
    this.updateReading();
    if (!this.processing) void this.processQueue();
  }

  private updateReading(): void {
    if (this.closed) return;
    const backlogged =
      this.throttleTimer !== null || this.queue.length > MAX_QUEUED_FRAMES || this.socket.writableNeedDrain;
    if (backlogged && !this.socket.isPaused()) this.socket.pause();
    else if (!backlogged && this.socket.isPaused()) this.socket.resume();
  }

  private async processQueue(): Promise<void> {
    this.processing = true;
    try {
      while (!this.closed && this.queue.length > 0 && this.throttleTimer === null) {
        const { frame, receivedAt } = this.queue.shift()!;
        this.responseThrottleMs = 0;
        this.requestTiming = null;
        const response = await this.handle(frame, receivedAt);
        // Set by `handle` during the await, which the compiler's narrowing of the reset above cannot see.
        const timing = this.requestTiming as RequestTiming | null;
        if (response === 'close') {
          this.close('invalid request');
          return;
        }
        if (response && 'kind' in response) {
          if (!this.answerAuthentication(response)) return;
        } else if (response) {
          this.write(response, timing);
        } else if (timing) {
          // Answered by no response (Produce with acks=0): done once handled.
          this.services.metrics.observeRequest(timing, timing.handledAt);
        }
        if (this.responseThrottleMs > 0 && !this.closed) this.mute(this.responseThrottleMs);
        this.updateReading();
      }
    } finally {
      this.processing = false;
    }
  }

  private mute(throttleMs: number): void {
    this.throttleTimer = setTimeout(() => {
      this.throttleTimer = null;
      this.updateReading();
      if (!this.processing) void this.processQueue();
    }, throttleMs);
  }

  /** Acts on the authenticator's answer; returns false when the connection was closed. */
  private answerAuthentication(outcome: AuthOutcome): boolean {
    if (outcome.kind === 'close') {
      this.services.log.warn(`closing ${this.remoteAddress}: ${outcome.reason}`);
      this.close(outcome.reason);
      return false;
    }
    if (outcome.kind === 'respond') this.write(outcome.chunks);
    if (outcome.kind === 'respond' && outcome.closeReason) {
      this.services.log.warn(`Failed authentication with ${this.clientHost} (${outcome.closeReason})`);
      // Closed once the answer is written, so the client reads why.
      this.closed = true;
      this.queue.length = 0;
      this.socket.end(() => this.socket.destroy());
      this.onClose(this);
      return false;
    }
    if (!this.sasl!.authenticating) this.frames.setMaxFrameBytes(this.maxRequestBytes);
    return true;
  }

  /** The principal requests run as: the SASL user, else the TLS client's, else User:ANONYMOUS. */
  private get principal(): KafkaPrincipal {
    return this.sasl?.principal ?? this.tlsPrincipal ?? ANONYMOUS;
  }

  /**
   * Returns the response chunks, null when no response is due, 'close' when Kafka would drop the client, or the
   * authenticator's outcome for SASL frames.
   */
  private async handle(frame: Buffer, receivedAt: number): Promise<Buffer[] | null | 'close' | AuthOutcome> {
    const { services } = this;
    if (this.sasl?.expectsRawToken) return this.sasl.rawToken(frame);
    const decoded = decodeRequest(frame);
    if (!decoded.ok) {
      const { preamble, error } = decoded;
      // An ApiVersions request newer than we know is answered in v0 with our ranges, so the client can retry.
      if (preamble?.apiKey === ApiKey.ApiVersions && error.kind === 'unsupported') {
        const body = apiVersionsResponse(ErrorCode.UNSUPPORTED_VERSION, services.handlers.advertised());
        return encodeResponse(ApiKey.ApiVersions, 0, preamble.correlationId, body);
      }
      const what =
        preamble && isApiKey(preamble.apiKey)
          ? `${apis[preamble.apiKey].name} v${preamble.apiVersion}`
          : 'request';
      services.log.warn(`closing ${this.remoteAddress}: cannot read ${what}: ${error.message}`);
      return 'close';
    }
    const { request } = decoded;
    if (this.sasl) {
      const outcome = this.sasl.onRequest(request);
      if (outcome.kind !== 'dispatch') return outcome;
    }
    const handler = services.handlers.get(request.apiKey);
    if (!handler || request.apiVersion < handler.minVersion || request.apiVersion > handler.maxVersion) {
      services.log.warn(
        `closing ${this.remoteAddress}: ${apis[request.apiKey].name} v${request.apiVersion} is not served`,
      );
      return 'close';
    }
    const context = services.context({
      connectionId: this.id,
      clientId: request.clientId,
      remoteAddress: this.remoteAddress,
      clientHost: this.clientHost,
      listenerName: services.name,
      principal: this.principal,
    });
    services.metrics.countRequest(request.apiKey);
    // Names and ids only: a request's records and SASL tokens are never logged.
    if (services.log.debugEnabled)
      services.log.debug(
        `${apis[request.apiKey].name} v${request.apiVersion} correlation ${request.correlationId} from ` +
          `${this.remoteAddress} client ${request.clientId ?? '-'} as ${this.principal.type}:${this.principal.name}`,
      );
    const apiKey = request.apiKey as ApiKeyNumber;
    let body;
    const startedAt = performance.now();
    try {
      body = await handler.handle(request, context);
    } catch (error) {
      // As Kafka's request handler: the client gets its request's error response and the connection stays.
      const name = apis[apiKey].name;
      services.errorLog.error(`${name}: ${causeOf(error)}`, `${name} v${request.apiVersion} failed`, error);
      body = handler.errorResponse(request, failureOf(error));
    }
    this.requestTiming = { apiKey, receivedAt, startedAt, handledAt: performance.now() };
    if (body === CLOSE_CONNECTION) return 'close';
    if (body === null) return null;
    const { throttleTimeMs } = body as { throttleTimeMs?: unknown };
    if (typeof throttleTimeMs === 'number') this.responseThrottleMs = throttleTimeMs;
    return encodeResponse(apiKey, request.apiVersion, request.correlationId, body);
  }

  /** Sends a response; a request's timing is observed once the socket has flushed its last chunk. */
  private write(chunks: Buffer[], timing: RequestTiming | null = null): void {
    if (this.closed) return;
    const { metrics } = this.services;
    this.socket.cork();
    chunks.forEach((chunk, i) => {
      metrics.bytesOut += chunk.length;
      if (timing && i === chunks.length - 1)
        this.socket.write(chunk, () => metrics.observeRequest(timing, performance.now()));
      else this.socket.write(chunk);
    });
    this.socket.uncork();
  }

  close(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    if (this.throttleTimer) clearTimeout(this.throttleTimer);
    this.socket.destroy();
    this.services.log.debug(`connection ${this.id} from ${this.remoteAddress} closed: ${reason}`);
    this.onClose(this);
  }
}
