import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { javaHashMapOrder, javaHashSetOrder, javaStringHash } from './java-collections.ts';

// The expected orders are what jshell (OpenJDK) printed for the same calls.
const NAMES =
  'connector-a connector-b sink-orders source-users mirror jdbc-source-1 jdbc-source-2 c q b a x yy zzz elastic s3-sink http'.split(
    ' ',
  );

describe('Java hash orders', () => {
  it('hashes strings as java.lang.String does', () => {
    assert.equal(javaStringHash(''), 0);
    assert.equal(javaStringHash('connector'), -579210163);
    assert.equal(javaStringHash('hello world'), 1794106052);
  });

  it('iterates by bucket index, then insertion order', () => {
    // "a".."c" hash to 97..99, buckets 1..3 of 16; "q" (113) shares bucket 1 with "a" and, put first, leads it.
    assert.deepEqual(javaHashSetOrder(['c', 'q', 'b', 'a']), ['q', 'a', 'b', 'c']);
  });

  it('orders new HashSet<>(List.of(...)) of 17 names as Java does (a 32-bucket table)', () => {
    const javaOrder =
      'yy a mirror b c s3-sink jdbc-source-2 sink-orders jdbc-source-1 connector-b source-users connector-a q x elastic http zzz';
    assert.deepEqual(javaHashSetOrder(NAMES), javaOrder.split(' '));
  });

  it('orders a HashMap filled by puts as Java does, across resizes', () => {
    assert.deepEqual(javaHashMapOrder(NAMES), JAVA_HASHMAP_ORDER.split(' '));
    assert.deepEqual(javaHashMapOrder(['table', 'partition', 'offset']), JAVA_SMALL_MAP_ORDER.split(' '));
  });
});

const JAVA_HASHMAP_ORDER =
  'yy a mirror b c s3-sink jdbc-source-2 sink-orders jdbc-source-1 connector-b source-users connector-a q x elastic http zzz';
const JAVA_SMALL_MAP_ORDER = 'partition offset table';
