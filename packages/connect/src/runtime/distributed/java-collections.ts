/**
 * The iteration orders of Java's HashSet and HashMap, where Kafka lets them decide the order of what it writes
 * or decides (assigned connectors in a Connect assignment, the keys of a source partition map, revocations).
 *
 * A hash table iterates its buckets in index order and each bucket in insertion order; the bucket is the
 * spread hash (h ^ h >>> 16) masked by the table size. Growing a table splits each bucket without reordering
 * it, so the order depends only on the final table size. Buckets of 8 or more colliding keys, which Java turns
 * into trees, are not modelled.
 */

/** java.lang.String#hashCode over UTF-16 code units. */
export function javaStringHash(value: string): number {
  let hash = 0;
  for (let i = 0; i < value.length; i++) hash = (Math.imul(hash, 31) + value.charCodeAt(i)) | 0;
  return hash;
}

/** ConnectorTaskId#hashCode: 31 * connector.hashCode() + task. */
export function javaTaskIdHash(id: { connector: string; task: number }): number {
  return (Math.imul(javaStringHash(id.connector), 31) + id.task) | 0;
}

function bucketOrder<T>(unique: readonly T[], tableSize: number, hashOf: (value: T) => number): T[] {
  const buckets = new Map<number, T[]>();
  for (const value of unique) {
    const hash = hashOf(value);
    const index = (hash ^ (hash >>> 16)) & (tableSize - 1);
    const bucket = buckets.get(index);
    if (bucket) bucket.push(value);
    else buckets.set(index, [value]);
  }
  return [...buckets.keys()].sort((a, b) => a - b).flatMap((index) => buckets.get(index)!);
}

function powerOfTwoAtLeast(value: number): number {
  let size = 1;
  while (size < value) size *= 2;
  return size;
}

/** The order of `new HashSet<>(values)`: a table sized for the collection up front. */
export function javaHashSetOrder(values: readonly string[]): string[] {
  return javaHashSetOrderBy([...new Set(values)], javaStringHash);
}

/** `javaHashSetOrder` for distinct values of any type, given their Java hashCode. */
export function javaHashSetOrderBy<T>(distinct: readonly T[], hashOf: (value: T) => number): T[] {
  return bucketOrder(
    distinct,
    powerOfTwoAtLeast(Math.max(Math.floor(distinct.length / 0.75) + 1, 16)),
    hashOf,
  );
}

/** The order of a `new HashMap<>()` (or HashSet) filled by puts: 16 buckets, doubled past 3/4 full. */
export function javaHashMapOrder(keys: readonly string[]): string[] {
  const unique = [...new Set(keys)];
  let tableSize = 16;
  while (unique.length > tableSize * 0.75) tableSize *= 2;
  return bucketOrder(unique, tableSize, javaStringHash);
}
