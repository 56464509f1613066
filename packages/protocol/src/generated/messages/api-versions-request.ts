// Generated from ApiVersionsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ApiVersionsRequest {
  /** The name of the client. */
  clientSoftwareName: string;
  /** The version of the client. */
  clientSoftwareVersion: string;
}

export function defaultApiVersionsRequest(): ApiVersionsRequest {
  return {
    clientSoftwareName: "",
    clientSoftwareVersion: "",
  };
}

function writeApiVersionsRequest(w: Writer, v: ApiVersionsRequest, version: number): void {
  if (version >= 3) { w.compactString(v.clientSoftwareName); }
  if (version >= 3) { w.compactString(v.clientSoftwareVersion); }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readApiVersionsRequest(r: Reader, version: number): ApiVersionsRequest {
  let fClientSoftwareName: string = "";
  if (version >= 3) { fClientSoftwareName = r.compactString(); }
  let fClientSoftwareVersion: string = "";
  if (version >= 3) { fClientSoftwareVersion = r.compactString(); }
  if (version >= 3) r.taggedFields();
  return { clientSoftwareName: fClientSoftwareName, clientSoftwareVersion: fClientSoftwareVersion };
}

/** The versions of ApiVersionsRequest this codec reads and writes. */
export const apiVersionsRequestVersions = { min: 0, max: 4, firstFlexible: 3 } as const;

function checkApiVersionsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 4) {
    throw new ProtocolError('unsupported', `ApiVersionsRequest version ${version} is outside 0-4`);
  }
}

export function encodeApiVersionsRequest(w: Writer, value: ApiVersionsRequest, version: number): void {
  checkApiVersionsRequestVersion(version);
  writeApiVersionsRequest(w, value, version);
}

export function decodeApiVersionsRequest(r: Reader, version: number): ApiVersionsRequest {
  checkApiVersionsRequestVersion(version);
  return readApiVersionsRequest(r, version);
}
