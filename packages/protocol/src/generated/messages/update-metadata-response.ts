// Generated from UpdateMetadataResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface UpdateMetadataResponse {
  /** The error code, or 0 if there was no error. */
  errorCode: number;
}

export function defaultUpdateMetadataResponse(): UpdateMetadataResponse {
  return {
    errorCode: 0,
  };
}

function writeUpdateMetadataResponse(w: Writer, v: UpdateMetadataResponse, version: number): void {
  w.int16(v.errorCode);
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readUpdateMetadataResponse(r: Reader, version: number): UpdateMetadataResponse {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  if (version >= 6) r.taggedFields();
  return { errorCode: fErrorCode };
}

/** The versions of UpdateMetadataResponse this codec reads and writes. */
export const updateMetadataResponseVersions = { min: 0, max: 8, firstFlexible: 6 } as const;

function checkUpdateMetadataResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 8) {
    throw new ProtocolError('unsupported', `UpdateMetadataResponse version ${version} is outside 0-8`);
  }
}

export function encodeUpdateMetadataResponse(w: Writer, value: UpdateMetadataResponse, version: number): void {
  checkUpdateMetadataResponseVersion(version);
  writeUpdateMetadataResponse(w, value, version);
}

export function decodeUpdateMetadataResponse(r: Reader, version: number): UpdateMetadataResponse {
  checkUpdateMetadataResponseVersion(version);
  return readUpdateMetadataResponse(r, version);
}
