/**
 * Request and response frames: the int32 size prefix, the request/response headers, and dispatch to the
 * generated codec of each API.
 *
 * Header versions follow Kafka: request header v2 (v1 + tagged fields) for flexible request versions, else v1,
 * except ControlledShutdown v0 which uses v0 (no client id); response header v1 for flexible versions, else v0,
 * except ApiVersions whose response header is always v0 so any client can read the broker's answer.
 */
import { ApiKey, apis, type ApiKeyNumber, type ApiMessages } from './generated/api-keys.ts';
import {
  decodeRequestHeader,
  encodeRequestHeader,
  type RequestHeader,
} from './generated/messages/request-header.ts';
import { decodeResponseHeader, encodeResponseHeader } from './generated/messages/response-header.ts';
import { ProtocolError } from './io/protocol-error.ts';
import { Reader } from './io/reader.ts';
import { Writer } from './io/writer.ts';

/** Bytes of the size prefix in front of every request and response. */
export const SIZE_PREFIX_BYTES = 4;

export function isApiKey(apiKey: number): apiKey is ApiKeyNumber {
  return Object.hasOwn(apis, apiKey);
}

function isFlexible(apiKey: ApiKeyNumber, apiVersion: number): boolean {
  const first = apis[apiKey].firstFlexibleVersion;
  return first !== null && apiVersion >= first;
}

export function requestHeaderVersion(apiKey: ApiKeyNumber, apiVersion: number): 0 | 1 | 2 {
  if (apiKey === ApiKey.ControlledShutdown && apiVersion === 0) return 0;
  return isFlexible(apiKey, apiVersion) ? 2 : 1;
}

export function responseHeaderVersion(apiKey: ApiKeyNumber, apiVersion: number): 0 | 1 {
  if (apiKey === ApiKey.ApiVersions) return 0;
  return isFlexible(apiKey, apiVersion) ? 1 : 0;
}

export function isSupportedVersion(apiKey: ApiKeyNumber, apiVersion: number): boolean {
  const api = apis[apiKey];
  return Number.isInteger(apiVersion) && apiVersion >= api.minVersion && apiVersion <= api.maxVersion;
}

/** A decoded request of one API; `K` narrows `body` to that API's request type. */
export interface DecodedRequest<K extends ApiKeyNumber = ApiKeyNumber> {
  apiKey: K;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
  body: ApiMessages[K]['request'];
}

/** The fixed start of every request header, readable even when the rest of the request is not. */
export interface RequestPreamble {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
}

export type RequestDecodeResult =
  | { ok: true; request: DecodedRequest }
  | { ok: false; error: ProtocolError; preamble: RequestPreamble | null };

/**
 * Decodes one request frame (the bytes after the size prefix). Never throws: malformed input, unknown APIs and
 * unsupported versions come back as a ProtocolError, with the preamble when it could be read so the broker can
 * still answer (ApiVersions with UNSUPPORTED_VERSION, for one).
 */
export function decodeRequest(frame: Buffer): RequestDecodeResult {
  let preamble: RequestPreamble | null = null;
  try {
    const peek = new Reader(frame);
    preamble = { apiKey: peek.int16(), apiVersion: peek.int16(), correlationId: peek.int32() };
    const { apiKey, apiVersion } = preamble;
    if (!isApiKey(apiKey)) throw new ProtocolError('unsupported', `unknown api key ${apiKey}`);
    if (!isSupportedVersion(apiKey, apiVersion)) {
      throw new ProtocolError('unsupported', `${apis[apiKey].name} version ${apiVersion} is not supported`);
    }
    const reader = new Reader(frame);
    const header = decodeRequestHeader(reader, requestHeaderVersion(apiKey, apiVersion));
    const body = apis[apiKey].decodeRequest(reader, apiVersion);
    return {
      ok: true,
      request: { apiKey, apiVersion, correlationId: header.correlationId, clientId: header.clientId, body },
    };
  } catch (error) {
    if (error instanceof ProtocolError) return { ok: false, error, preamble };
    throw error;
  }
}

/** Encodes a request frame with its size prefix, as chunks ready for `socket.writev`-style output. */
export function encodeRequest<K extends ApiKeyNumber>(
  apiKey: K,
  apiVersion: number,
  correlationId: number,
  clientId: string | null,
  body: ApiMessages[K]['request'],
): Buffer[] {
  const w = new Writer(512);
  w.int32(0);
  const header: RequestHeader = {
    requestApiKey: apiKey,
    requestApiVersion: apiVersion,
    correlationId,
    clientId,
  };
  encodeRequestHeader(w, header, requestHeaderVersion(apiKey, apiVersion));
  apis[apiKey].encodeRequest(w, body, apiVersion);
  return withSizePrefix(w);
}

/** Encodes a response frame with its size prefix; large record data stays referenced, not copied. */
export function encodeResponse<K extends ApiKeyNumber>(
  apiKey: K,
  apiVersion: number,
  correlationId: number,
  body: ApiMessages[K]['response'],
): Buffer[] {
  const w = new Writer(512);
  w.int32(0);
  encodeResponseHeader(w, { correlationId }, responseHeaderVersion(apiKey, apiVersion));
  apis[apiKey].encodeResponse(w, body, apiVersion);
  return withSizePrefix(w);
}

/** Patches the int32 placeholder written first with the size of everything after it. */
function withSizePrefix(w: Writer): Buffer[] {
  const size = w.length - SIZE_PREFIX_BYTES;
  const chunks = w.finishChunks();
  chunks[0]!.writeInt32BE(size, 0);
  return chunks;
}

export interface DecodedResponse<K extends ApiKeyNumber = ApiKeyNumber> {
  correlationId: number;
  body: ApiMessages[K]['response'];
}

/** Decodes a response frame (after the size prefix) of a request the caller sent, so it knows key and version. */
export function decodeResponse<K extends ApiKeyNumber>(
  apiKey: K,
  apiVersion: number,
  frame: Buffer,
): DecodedResponse<K> {
  const reader = new Reader(frame);
  const { correlationId } = decodeResponseHeader(reader, responseHeaderVersion(apiKey, apiVersion));
  return { correlationId, body: apis[apiKey].decodeResponse(reader, apiVersion) };
}
