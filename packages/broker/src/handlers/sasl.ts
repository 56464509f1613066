/**
 * SaslHandshake and SaslAuthenticate as the handler registry sees them. On SASL listeners the connection's
 * SaslAuthenticator answers both before they reach a handler; these answer them everywhere else (a PLAINTEXT or
 * SSL listener, or an authenticated connection out of turn) with ILLEGAL_SASL_STATE, as Kafka's KafkaApis does.
 * Being registered is also what makes ApiVersions advertise them.
 */
import { ApiKey, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

export const saslHandshakeHandler = defineHandler({
  apiKey: ApiKey.SaslHandshake,
  minVersion: 0,
  maxVersion: 1,
  errorResponse: (_request, { errorCode }) => ({ errorCode, mechanisms: [] }),
  handle: () => ({ errorCode: ErrorCode.ILLEGAL_SASL_STATE, mechanisms: [] }),
});

export const saslAuthenticateHandler = defineHandler({
  apiKey: ApiKey.SaslAuthenticate,
  minVersion: 0,
  maxVersion: 2,
  errorResponse: (_request, { errorCode, errorMessage }) => ({
    errorCode,
    errorMessage,
    authBytes: Buffer.alloc(0),
    sessionLifetimeMs: 0n,
  }),
  handle: (_request, { listenerName }) => ({
    errorCode: ErrorCode.ILLEGAL_SASL_STATE,
    errorMessage: `SaslAuthenticate request received on listener ${listenerName} outside a SASL exchange`,
    authBytes: Buffer.alloc(0),
    sessionLifetimeMs: 0n,
  }),
});
