// Generated from DefaultPrincipalData.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DefaultPrincipalData {
  /** The principal type */
  type: string;
  /** The principal name */
  name: string;
  /** Whether the principal was authenticated by a delegation token on the forwarding broker. */
  tokenAuthenticated: boolean;
}

export function defaultDefaultPrincipalData(): DefaultPrincipalData {
  return {
    type: "",
    name: "",
    tokenAuthenticated: false,
  };
}

function writeDefaultPrincipalData(w: Writer, v: DefaultPrincipalData, version: number): void {
  w.compactString(v.type);
  w.compactString(v.name);
  w.bool(v.tokenAuthenticated);
  {
    w.unsignedVarint(0);
  }
}

function readDefaultPrincipalData(r: Reader, version: number): DefaultPrincipalData {
  let fType: string = "";
  fType = r.compactString();
  let fName: string = "";
  fName = r.compactString();
  let fTokenAuthenticated: boolean = false;
  fTokenAuthenticated = r.bool();
  r.taggedFields();
  return { type: fType, name: fName, tokenAuthenticated: fTokenAuthenticated };
}

/** The versions of DefaultPrincipalData this codec reads and writes. */
export const defaultPrincipalDataVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkDefaultPrincipalDataVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `DefaultPrincipalData version ${version} is outside 0-0`);
  }
}

export function encodeDefaultPrincipalData(w: Writer, value: DefaultPrincipalData, version: number): void {
  checkDefaultPrincipalDataVersion(version);
  writeDefaultPrincipalData(w, value, version);
}

export function decodeDefaultPrincipalData(r: Reader, version: number): DefaultPrincipalData {
  checkDefaultPrincipalDataVersion(version);
  return readDefaultPrincipalData(r, version);
}
