import { ProtocolError } from './protocol-error.ts';
import type { Reader } from './reader.ts';

/*
 * Array helpers for the generated decoders. The count is checked against the bytes left (see Reader.arrayLength)
 * before any item is read, so a lying count fails fast instead of looping or allocating.
 */

export function readArrayNullable<T>(r: Reader, minItemSize: number, readItem: () => T): T[] | null {
  const count = r.arrayLength(minItemSize);
  return count === null ? null : readItems(count, readItem);
}

export function readArray<T>(r: Reader, minItemSize: number, readItem: () => T): T[] {
  const count = r.arrayLength(minItemSize);
  if (count === null) throw new ProtocolError('invalid', 'non-nullable array is null');
  return readItems(count, readItem);
}

export function readCompactArrayNullable<T>(r: Reader, minItemSize: number, readItem: () => T): T[] | null {
  const count = r.compactArrayLength(minItemSize);
  return count === null ? null : readItems(count, readItem);
}

export function readCompactArray<T>(r: Reader, minItemSize: number, readItem: () => T): T[] {
  const count = r.compactArrayLength(minItemSize);
  if (count === null) throw new ProtocolError('invalid', 'non-nullable compact array is null');
  return readItems(count, readItem);
}

function readItems<T>(count: number, readItem: () => T): T[] {
  const items: T[] = [];
  for (let i = 0; i < count; i++) items.push(readItem());
  return items;
}

/** Structural equality of decoded values (plain objects, arrays, Buffers, bigints), for tagged-field defaults. */
export function isDeepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => isDeepEqual(item, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) =>
        isDeepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
      )
    );
  }
  return false;
}

/** A field that is nullable in some versions must still be present in the others. */
export function notNull<T>(value: T | null, field: string, version: number): T {
  if (value === null) throw new ProtocolError('invalid', `${field} cannot be null in version ${version}`);
  return value;
}
