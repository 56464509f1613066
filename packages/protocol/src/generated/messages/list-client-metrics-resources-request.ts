// Generated from ListClientMetricsResourcesRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ListClientMetricsResourcesRequest {
}

export function defaultListClientMetricsResourcesRequest(): ListClientMetricsResourcesRequest {
  return {
  };
}

function writeListClientMetricsResourcesRequest(w: Writer, v: ListClientMetricsResourcesRequest, version: number): void {
  {
    w.unsignedVarint(0);
  }
}

function readListClientMetricsResourcesRequest(r: Reader, version: number): ListClientMetricsResourcesRequest {
  r.taggedFields();
  return {  };
}

/** The versions of ListClientMetricsResourcesRequest this codec reads and writes. */
export const listClientMetricsResourcesRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkListClientMetricsResourcesRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ListClientMetricsResourcesRequest version ${version} is outside 0-0`);
  }
}

export function encodeListClientMetricsResourcesRequest(w: Writer, value: ListClientMetricsResourcesRequest, version: number): void {
  checkListClientMetricsResourcesRequestVersion(version);
  writeListClientMetricsResourcesRequest(w, value, version);
}

export function decodeListClientMetricsResourcesRequest(r: Reader, version: number): ListClientMetricsResourcesRequest {
  checkListClientMetricsResourcesRequestVersion(version);
  return readListClientMetricsResourcesRequest(r, version);
}
