/**
 * One TCP connection to a Kafka broker: framing, correlation ids, and version negotiation. After `connect`,
 * `request(apiKey, body)` sends the highest version both sides support (learned from ApiVersions), and
 * resolves with the decoded response. Responses arrive in request order (Kafka guarantees it per connection).
 */
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import {
  ApiKey,
  ErrorCode,
  FrameReader,
  SCRAM_ALGORITHMS,
  ScramClient,
  apis,
  errorCodes,
  decodeResponse,
  encodeRequest,
  type ApiKeyNumber,
  type ApiMessages,
} from '@sluice/protocol';
import type { ConnectionSecurity } from './security.ts';

const errorName = (code: number) => errorCodes.get(code)?.name ?? `error ${code}`;

const MAX_RESPONSE_BYTES = 512 * 1024 * 1024;
/**
 * Kafka's request.timeout.ms default. A broker that does not answer in time (SIGSTOPped, partitioned) fails the
 * request and the connection with it: responses come in request order, so nothing later could arrive first.
 */
export const REQUEST_TIMEOUT_MS = 30_000;

export class KafkaProtocolError extends Error {
  override readonly name = 'KafkaProtocolError';
}

/**
 * The broker did not accept this client (Kafka's AuthenticationException): SASL refused the credentials or the
 * mechanism, or the TLS handshake failed. Retrying the same broker with the same settings cannot succeed.
 */
export class KafkaAuthenticationError extends Error {
  override readonly name = 'KafkaAuthenticationError';
}

/** Socket errors that say no TCP connection was made, so no TLS handshake took place. */
const NOT_CONNECTED_CODES = new Set([
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * A TLS failure as Kafka's SslAuthenticationException: whatever ends the handshake once connected (an untrusted
 * or mismatched broker certificate, a listener that does not speak TLS and hangs up), and the broker's TLS alerts
 * later (a client certificate required or refused).
 */
function sslAuthenticationError(error: Error & { code?: string }, duringHandshake: boolean): Error {
  const code = error.code ?? '';
  if (code.startsWith('ERR_SSL_') || (duringHandshake && !NOT_CONNECTED_CODES.has(code)))
    return new KafkaAuthenticationError(`SSL handshake failed: ${error.message}`, { cause: error });
  return error;
}

interface Pending {
  apiKey: ApiKeyNumber;
  version: number;
  resolve: (frame: Buffer) => void;
  reject: (error: Error) => void;
}

export class KafkaConnection {
  private readonly pending = new Map<number, Pending>();
  private nextCorrelationId = 1;
  private readonly frames = new FrameReader(MAX_RESPONSE_BYTES);
  private readonly brokerVersions = new Map<number, { min: number; max: number }>();
  private closedError: Error | null = null;

  private constructor(
    private readonly socket: Socket,
    readonly clientId: string,
    /** The broker's "host:port", as connected to. */
    readonly address: string,
    private readonly requestTimeoutMs: number,
    tls: boolean,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.fail(tls ? sslAuthenticationError(error, false) : error));
    socket.on('close', () => this.fail(new KafkaProtocolError('connection closed by the broker')));
  }

  /**
   * Connects (within `timeoutMs`, over TLS when `security.tls` is given), negotiates versions with ApiVersions
   * (retrying in v0 if the broker refuses our version), and authenticates with SASL when `security.sasl` is
   * given; every request, ApiVersions too, fails after `requestTimeoutMs` without an answer.
   */
  static async connect(
    host: string,
    port: number,
    clientId = 'sluice',
    timeoutMs = 10_000,
    security: ConnectionSecurity = {},
    requestTimeoutMs = REQUEST_TIMEOUT_MS,
  ): Promise<KafkaConnection> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = security.tls
        ? connectTls({ host, port, servername: /^[\d.]+$|:/.test(host) ? undefined : host, ...security.tls })
        : connectTcp({ host, port });
      const timer = setTimeout(() => {
        s.destroy();
        reject(new KafkaProtocolError(`timed out connecting to ${host}:${port}`));
      }, timeoutMs);
      s.once(security.tls ? 'secureConnect' : 'connect', () => {
        clearTimeout(timer);
        resolve(s);
      });
      s.once('error', (error) => {
        clearTimeout(timer);
        reject(security.tls ? sslAuthenticationError(error, true) : error);
      });
    });
    const connection = new KafkaConnection(
      socket,
      clientId,
      `${host}:${port}`,
      requestTimeoutMs,
      security.tls !== undefined,
    );
    try {
      await connection.negotiate();
      if (security.sasl) await connection.authenticate(security.sasl);
    } catch (error) {
      connection.close();
      throw error;
    }
    return connection;
  }

  /**
   * SaslHandshake v1, then SaslAuthenticate with each token of the exchange. Refusals are
   * KafkaAuthenticationErrors that start with Kafka's error name (SASL_AUTHENTICATION_FAILED,
   * UNSUPPORTED_SASL_MECHANISM) and carry the broker's message; they never include the password.
   */
  private async authenticate(sasl: NonNullable<ConnectionSecurity['sasl']>): Promise<void> {
    const handshake = await this.send(ApiKey.SaslHandshake, 1, { mechanism: sasl.mechanism });
    if (handshake.errorCode !== ErrorCode.NONE)
      throw new KafkaAuthenticationError(
        `${errorName(handshake.errorCode)}: SASL mechanism ${sasl.mechanism} refused (error ${handshake.errorCode}); the broker offers ${handshake.mechanisms.join(', ') || 'none'}`,
      );
    const exchange = async (token: Buffer): Promise<Buffer> => {
      const response = await this.request(ApiKey.SaslAuthenticate, { authBytes: token });
      if (response.errorCode !== ErrorCode.NONE)
        throw new KafkaAuthenticationError(
          `${errorName(response.errorCode)}: SASL authentication failed (error ${response.errorCode}): ${response.errorMessage ?? ''}`,
        );
      return response.authBytes;
    };
    if (sasl.mechanism === 'PLAIN') {
      await exchange(Buffer.from(`\u0000${sasl.username}\u0000${sasl.password}`, 'utf8'));
      return;
    }
    const scram = new ScramClient(SCRAM_ALGORITHMS[sasl.mechanism], sasl.username, sasl.password);
    const serverFirst = await exchange(scram.firstMessage());
    const serverFinal = await exchange(scram.finalMessage(serverFirst));
    try {
      scram.verifyServerFinal(serverFinal);
    } catch (error) {
      throw new KafkaAuthenticationError(`SASL_AUTHENTICATION_FAILED: ${(error as Error).message}`);
    }
  }

  private async negotiate(): Promise<void> {
    const ours = apis[ApiKey.ApiVersions];
    const body = { ...ours.defaultRequest(), clientSoftwareName: 'sluice', clientSoftwareVersion: '0.0.0' };
    let response = await this.send(ApiKey.ApiVersions, 3, body);
    if (response.errorCode === ErrorCode.UNSUPPORTED_VERSION)
      response = await this.send(ApiKey.ApiVersions, 0, body);
    if (response.errorCode !== 0)
      throw new KafkaProtocolError(`ApiVersions failed with error ${response.errorCode}`);
    for (const api of response.apiKeys)
      this.brokerVersions.set(api.apiKey, { min: api.minVersion, max: api.maxVersion });
  }

  /** This end's IP address: the client host the broker sees, which ACLs with a host match against. */
  get localAddress(): string {
    return this.socket.localAddress ?? '';
  }

  /** Whether the socket is gone (closed by either side or failed): a new connection is needed. */
  get closed(): boolean {
    return this.closedError !== null;
  }

  /** The version used for an API: the highest both sides support. */
  supports(apiKey: ApiKeyNumber): boolean {
    const theirs = this.brokerVersions.get(apiKey);
    const ours = apis[apiKey];
    return theirs !== undefined && theirs.max >= ours.minVersion && theirs.min <= ours.maxVersion;
  }

  versionFor(apiKey: ApiKeyNumber): number {
    const theirs = this.brokerVersions.get(apiKey);
    const ours = apis[apiKey];
    if (!theirs || theirs.max < ours.minVersion || theirs.min > ours.maxVersion) {
      throw new KafkaProtocolError(`the broker does not support ${ours.name}`);
    }
    return Math.min(theirs.max, ours.maxVersion);
  }

  /**
   * Sends a request at the negotiated version. `timeoutMs` replaces the connection's request timeout for requests
   * the broker holds on purpose (JoinGroup waits up to the rebalance timeout).
   */
  request<K extends ApiKeyNumber>(
    apiKey: K,
    body: ApiMessages[K]['request'],
    timeoutMs?: number,
  ): Promise<ApiMessages[K]['response']> {
    return this.send(apiKey, this.versionFor(apiKey), body, timeoutMs);
  }

  /** Sends a request that expects no response (Produce with acks=0). */
  sendOneWay<K extends ApiKeyNumber>(apiKey: K, body: ApiMessages[K]['request']): void {
    const correlationId = this.nextCorrelationId++;
    for (const chunk of encodeRequest(apiKey, this.versionFor(apiKey), correlationId, this.clientId, body)) {
      this.socket.write(chunk);
    }
  }

  send<K extends ApiKeyNumber>(
    apiKey: K,
    version: number,
    body: ApiMessages[K]['request'],
    timeoutMs = this.requestTimeoutMs,
  ): Promise<ApiMessages[K]['response']> {
    if (this.closedError) return Promise.reject(this.closedError);
    const correlationId = this.nextCorrelationId++;
    const chunks = encodeRequest(apiKey, version, correlationId, this.clientId, body);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(new KafkaProtocolError(`no answer to ${apis[apiKey].name} within ${timeoutMs} ms`));
        this.socket.destroy();
      }, timeoutMs);
      timer.unref();
      this.pending.set(correlationId, {
        apiKey,
        version,
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
        resolve: (frame) => {
          clearTimeout(timer);
          try {
            resolve(decodeResponse(apiKey, version, frame).body);
          } catch (error) {
            reject(error as Error);
          }
        },
      });
      this.socket.cork();
      for (const chunk of chunks) this.socket.write(chunk);
      this.socket.uncork();
    });
  }

  private onData(chunk: Buffer): void {
    let frames: Buffer[];
    try {
      frames = this.frames.push(chunk);
    } catch (error) {
      this.fail(error as Error);
      this.socket.destroy();
      return;
    }
    for (const frame of frames) {
      if (frame.length < 4) continue;
      const correlationId = frame.readInt32BE(0);
      const pending = this.pending.get(correlationId);
      if (!pending) continue;
      this.pending.delete(correlationId);
      pending.resolve(frame);
    }
  }

  private fail(error: Error): void {
    if (this.closedError) return;
    this.closedError = error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  close(): void {
    this.closedError ??= new KafkaProtocolError('connection closed');
    this.socket.destroy();
  }
}
