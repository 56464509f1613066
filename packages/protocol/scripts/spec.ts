/**
 * Reading Kafka's message specs (the JSON files of apache/kafka's clients/src/main/resources/common/message).
 * Used by the generator only; nothing at run time depends on the specs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface VersionRange {
  min: number;
  /** Inclusive; Infinity for an open range such as "3+". */
  max: number;
}

export interface FieldSpec {
  name: string;
  type: string;
  versions: string;
  nullableVersions?: string;
  taggedVersions?: string;
  flexibleVersions?: string;
  tag?: number;
  default?: string | number | boolean;
  ignorable?: boolean;
  about?: string;
  fields?: FieldSpec[];
}

export interface StructSpec {
  name: string;
  versions: string;
  fields: FieldSpec[];
}

export interface MessageSpec {
  apiKey?: number;
  type: 'request' | 'response' | 'header' | 'data' | 'metadata';
  name: string;
  validVersions: string;
  flexibleVersions: string;
  latestVersionUnstable?: boolean;
  listeners?: string[];
  fields: FieldSpec[];
  commonStructs?: StructSpec[];
}

export const EMPTY_RANGE: VersionRange = { min: 0, max: -1 };

export function parseVersions(text: string | undefined): VersionRange {
  if (text === undefined || text === 'none') return EMPTY_RANGE;
  const open = /^(\d+)\+$/.exec(text);
  if (open) return { min: Number(open[1]), max: Infinity };
  const closed = /^(\d+)-(\d+)$/.exec(text);
  if (closed) return { min: Number(closed[1]), max: Number(closed[2]) };
  if (/^\d+$/.test(text)) return { min: Number(text), max: Number(text) };
  throw new Error(`unrecognised version range "${text}"`);
}

export function isEmpty(range: VersionRange): boolean {
  return range.max < range.min;
}

export function intersect(a: VersionRange, b: VersionRange): VersionRange {
  return { min: Math.max(a.min, b.min), max: Math.min(a.max, b.max) };
}

/** The spec files are JSON with whole-line `//` comments. */
export function readSpec(path: string): MessageSpec {
  const text = readFileSync(path, 'utf8').replace(/^\s*\/\/.*$/gm, '');
  return JSON.parse(text) as MessageSpec;
}

export function readSpecs(directory: string): { file: string; spec: MessageSpec }[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, spec: readSpec(join(directory, file)) }));
}
