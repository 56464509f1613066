/**
 * The SASL state of one connection on a SASL_PLAINTEXT or SASL_SSL listener (Kafka's SaslServerAuthenticator).
 *
 * Before authentication only ApiVersions, SaslHandshake and SaslAuthenticate are served; anything else closes
 * the connection, as Kafka does. SaslHandshake v0 switches the connection to raw tokens (each frame is a SASL
 * token, answered by a size-prefixed challenge with no Kafka header), the flow old clients use; v1 makes every
 * token a SaslAuthenticate request. A failed exchange is answered (SASL_AUTHENTICATION_FAILED in
 * SaslAuthenticate, UNSUPPORTED_SASL_MECHANISM in SaslHandshake; a raw-token failure has no way to say so) and
 * the connection is closed.
 *
 * Re-authentication (KIP-368): with `connections.max.reauth.ms` > 0 a successful SaslAuthenticate v1+ tells the
 * client its session lifetime; the client authenticates again on the same connection before it ends, with
 * the same principal and mechanism. A connection whose session has ended is closed at its next request.
 *
 * Invariants: `principal` is null until an exchange succeeds and never changes afterwards; no token, password
 * or proof is ever logged or put into a close reason.
 */
import {
  ApiKey,
  ErrorCode,
  encodeResponse,
  type DecodedRequest,
  type SaslAuthenticateRequest,
  type SaslHandshakeRequest,
} from '@sluice/protocol';
import { USER_TYPE, principalToString, type KafkaPrincipal } from '../security/kafka-principal.ts';
import {
  SaslAuthenticationError,
  type SaslMechanism,
  type SaslServer,
} from '../security/sasl/sasl-server.ts';

/** What a SASL listener offers its connections. */
export interface SaslListenerSettings {
  /** sasl.enabled.mechanisms, in the order configured. */
  mechanisms: readonly SaslMechanism[];
  /** A fresh server for one exchange with `mechanism`. */
  newServer(mechanism: SaslMechanism): SaslServer;
  /** connections.max.reauth.ms (0: sessions never end). */
  maxReauthMs(): number;
}

export type AuthOutcome =
  /** Not the authenticator's: dispatch the request as usual. */
  | { kind: 'dispatch' }
  /** Send these bytes; then close with `closeReason` when set. */
  | { kind: 'respond'; chunks: Buffer[]; closeReason?: string }
  /** Close without answering. */
  | { kind: 'close'; reason: string };

type State =
  | 'handshake'
  | 'authenticate'
  | 'raw-token'
  | 'authenticated'
  /** A SaslHandshake on an authenticated connection started re-authentication. */
  | 'reauthenticate';

function sizePrefixed(bytes: Buffer): Buffer[] {
  const size = Buffer.allocUnsafe(4);
  size.writeInt32BE(bytes.length);
  return [size, bytes];
}

export class SaslAuthenticator {
  private state: State = 'handshake';
  private server: SaslServer | null = null;
  private mechanism: SaslMechanism | null = null;
  private authenticated: { principal: KafkaPrincipal; mechanism: SaslMechanism } | null = null;
  /** When the session ends (ms since the epoch), or null for never. */
  private expiresAt: number | null = null;

  constructor(
    private readonly settings: SaslListenerSettings,
    private readonly now: () => number,
  ) {}

  get principal(): KafkaPrincipal | null {
    return this.authenticated?.principal ?? null;
  }

  /** Whether the next frame is a raw SASL token rather than a Kafka request. */
  get expectsRawToken(): boolean {
    return this.state === 'raw-token';
  }

  /** Frames may be no larger than sasl.server.max.receive.size until the client has authenticated. */
  get authenticating(): boolean {
    return this.authenticated === null;
  }

  rawToken(frame: Buffer): AuthOutcome {
    try {
      const step = this.server!.evaluate(frame);
      if (step.authenticatedUser !== null) this.complete(step.authenticatedUser);
      return { kind: 'respond', chunks: step.challenge ? sizePrefixed(step.challenge) : [] };
    } catch (error) {
      return { kind: 'close', reason: this.failureReason(error) };
    }
  }

  onRequest(request: DecodedRequest): AuthOutcome {
    const { apiKey } = request;
    if (apiKey === ApiKey.SaslHandshake)
      return this.handshake(request as DecodedRequest<typeof ApiKey.SaslHandshake>);
    if (
      apiKey === ApiKey.SaslAuthenticate &&
      (this.state === 'authenticate' || this.state === 'reauthenticate')
    )
      return this.authenticate(request as DecodedRequest<typeof ApiKey.SaslAuthenticate>);
    if (this.authenticated === null) {
      if (apiKey === ApiKey.ApiVersions) return { kind: 'dispatch' };
      return {
        kind: 'close',
        reason: `unexpected Kafka request of type ${request.apiKey} during SASL handshake`,
      };
    }
    if (this.expiresAt !== null && this.now() > this.expiresAt)
      return { kind: 'close', reason: 'SASL session expired without re-authentication' };
    return { kind: 'dispatch' };
  }

  private handshake(request: DecodedRequest<typeof ApiKey.SaslHandshake>): AuthOutcome {
    const { body, apiVersion, correlationId } = request as {
      body: SaslHandshakeRequest;
      apiVersion: number;
      correlationId: number;
    };
    const respond = (errorCode: number, closeReason?: string): AuthOutcome => ({
      kind: 'respond',
      chunks: encodeResponse(ApiKey.SaslHandshake, apiVersion, correlationId, {
        errorCode,
        mechanisms: [...this.settings.mechanisms],
      }),
      ...(closeReason ? { closeReason } : {}),
    });
    const reauthentication = this.state === 'authenticated';
    if (this.state !== 'handshake' && !reauthentication)
      return respond(ErrorCode.ILLEGAL_SASL_STATE, 'SaslHandshake in the middle of a SASL exchange');
    if (reauthentication && apiVersion === 0)
      return respond(ErrorCode.ILLEGAL_SASL_STATE, 're-authentication needs SaslHandshake v1');
    const mechanism = this.settings.mechanisms.find((m) => m === body.mechanism);
    if (!mechanism)
      return respond(
        ErrorCode.UNSUPPORTED_SASL_MECHANISM,
        `unsupported SASL mechanism ${JSON.stringify(body.mechanism.slice(0, 64))}`,
      );
    if (reauthentication && mechanism !== this.authenticated!.mechanism)
      return respond(ErrorCode.ILLEGAL_SASL_STATE, 'SASL mechanism changed during re-authentication');
    this.mechanism = mechanism;
    this.server = this.settings.newServer(mechanism);
    this.state = reauthentication ? 'reauthenticate' : apiVersion === 0 ? 'raw-token' : 'authenticate';
    return respond(ErrorCode.NONE);
  }

  private authenticate(request: DecodedRequest<typeof ApiKey.SaslAuthenticate>): AuthOutcome {
    const { body, apiVersion, correlationId } = request as {
      body: SaslAuthenticateRequest;
      apiVersion: number;
      correlationId: number;
    };
    const encode = (fields: {
      errorCode: number;
      errorMessage: string | null;
      authBytes: Buffer;
      sessionLifetimeMs: bigint;
    }) => encodeResponse(ApiKey.SaslAuthenticate, apiVersion, correlationId, fields);
    try {
      const step = this.server!.evaluate(body.authBytes);
      let sessionLifetimeMs = 0n;
      if (step.authenticatedUser !== null) {
        const outcome = this.complete(step.authenticatedUser);
        if (outcome) {
          return {
            kind: 'respond',
            chunks: encode({
              errorCode: ErrorCode.SASL_AUTHENTICATION_FAILED,
              errorMessage: outcome,
              authBytes: Buffer.alloc(0),
              sessionLifetimeMs: 0n,
            }),
            closeReason: outcome,
          };
        }
        if (this.expiresAt !== null && apiVersion >= 1)
          sessionLifetimeMs = BigInt(this.expiresAt - this.now());
      }
      return {
        kind: 'respond',
        chunks: encode({
          errorCode: ErrorCode.NONE,
          errorMessage: null,
          authBytes: step.challenge ?? Buffer.alloc(0),
          sessionLifetimeMs,
        }),
      };
    } catch (error) {
      const reason = this.failureReason(error);
      return {
        kind: 'respond',
        chunks: encode({
          errorCode: ErrorCode.SASL_AUTHENTICATION_FAILED,
          errorMessage: reason,
          authBytes: Buffer.alloc(0),
          sessionLifetimeMs: 0n,
        }),
        closeReason: reason,
      };
    }
  }

  /** Records a finished exchange; returns why it must fail anyway (a re-authentication as someone else). */
  private complete(user: string): string | null {
    const principal: KafkaPrincipal = { type: USER_TYPE, name: user };
    if (this.state === 'reauthenticate' && this.authenticated) {
      const before = principalToString(this.authenticated.principal);
      if (before !== principalToString(principal))
        return `Cannot change principals during re-authentication from ${before}: ${principalToString(principal)}`;
    } else {
      this.authenticated = { principal, mechanism: this.mechanism! };
    }
    this.state = 'authenticated';
    this.server = null;
    const maxReauthMs = this.settings.maxReauthMs();
    // A client that cannot re-authenticate (SaslAuthenticate v0, raw tokens) is still disconnected when the
    // session ends, as in Kafka; it reconnects and authenticates afresh.
    this.expiresAt = maxReauthMs > 0 ? this.now() + maxReauthMs : null;
    return null;
  }

  private failureReason(error: unknown): string {
    if (error instanceof SaslAuthenticationError) return error.message;
    return `Authentication failed: ${this.mechanism ?? 'SASL'} exchange error`;
  }
}
