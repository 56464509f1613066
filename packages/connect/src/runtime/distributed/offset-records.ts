/**
 * The records of the Connect offsets topic (`offset.storage.topic`, compacted), as Kafka's OffsetStorageWriter
 * writes them and OffsetUtils / OffsetStorageReaderImpl read them, through the internal JsonConverter:
 *
 *   key    ["<connector>",{<source partition>}]      a two-element JSON array
 *   value  {<source offset>}                          null (a tombstone) deletes the partition's offset
 *
 * Invariants:
 * - a worker finds an offset by the exact bytes of its key, so a partition map must serialize with its keys in
 *   the order the writer used. Java connectors mostly build partitions as HashMaps: `javaKeyOrder` reorders a
 *   map's keys the way a Java HashMap iterates them, for keys that must equal a Java worker's;
 * - partition and offset values are primitives (OffsetUtils.validateFormat); integers read back as bigint
 *   (Java's Long), other numbers as doubles.
 */
import { DataException } from '../../errors.ts';
import { javaHashMapOrder } from './java-collections.ts';
import {
  asBuffer,
  internalKeyConverter,
  internalValueConverter,
  readInternalJson,
} from './internal-converter.ts';

/** A source partition or offset: string keys, primitive (or null) values. */
export type OffsetMap = Map<string, unknown>;

export interface OffsetKey {
  connector: string;
  partition: OffsetMap;
}

function toMap(value: OffsetMap | Readonly<Record<string, unknown>>): OffsetMap {
  return value instanceof Map ? value : new Map(Object.entries(value));
}

/** The same entries with the keys in Java HashMap order. */
export function javaKeyOrder(map: OffsetMap | Readonly<Record<string, unknown>>): OffsetMap {
  const entries = toMap(map);
  return new Map(javaHashMapOrder([...entries.keys()]).map((key) => [key, entries.get(key)]));
}

/** OffsetUtils.validateFormat: string keys and primitive values only. */
export function validateOffsetFormat(data: OffsetMap | null): void {
  if (data === null) return;
  for (const [key, value] of data) {
    if (typeof key !== 'string') throw new DataException('Offsets may only use String keys');
    if (value === null || value === undefined) continue;
    const primitive =
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'bigint' ||
      typeof value === 'boolean' ||
      value instanceof Uint8Array;
    if (!primitive) {
      throw new DataException(
        `Offsets may only contain primitive types as values, but field ${key} contains ${
          Array.isArray(value) ? 'ARRAY' : value instanceof Map ? 'MAP' : typeof value
        }`,
      );
    }
  }
}

export function encodeOffsetKey(
  connector: string,
  partition: OffsetMap | Readonly<Record<string, unknown>>,
): Buffer {
  const map = toMap(partition);
  validateOffsetFormat(map);
  return asBuffer(internalKeyConverter().fromConnectData(connector, null, [connector, map]))!;
}

/** The offset value; null (a tombstone) for a null offset. */
export function encodeOffsetValue(
  offset: OffsetMap | Readonly<Record<string, unknown>> | null,
): Buffer | null {
  if (offset === null) return null;
  const map = toMap(offset);
  validateOffsetFormat(map);
  return asBuffer(internalValueConverter().fromConnectData('', null, map));
}

/**
 * The connector and partition of an offsets-topic key, or null for a key OffsetUtils.processPartitionKey
 * ignores (not JSON, not a two-element array of a string and a map).
 */
export function decodeOffsetKey(key: Buffer | null): OffsetKey | null {
  if (key === null) return null;
  const data = readInternalJson(internalKeyConverter(), key);
  if (!Array.isArray(data) || data.length !== 2) return null;
  const [connector, partition] = data as [unknown, unknown];
  if (typeof connector !== 'string' || !(partition instanceof Map)) return null;
  return { connector, partition: partition as OffsetMap };
}

/** The offset map of a value; null for a tombstone or a value that is not a JSON object. */
export function decodeOffsetValue(value: Buffer | null): OffsetMap | null {
  if (value === null) return null;
  const data = readInternalJson(internalValueConverter(), value);
  return data instanceof Map ? (data as OffsetMap) : null;
}
