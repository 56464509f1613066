import assert from 'node:assert/strict';
import { it } from 'node:test';
import { murmur2, partitionForKey } from './partitioner.ts';

it("matches the Java client's murmur2 known answers", () => {
  // Values from Kafka's UtilsTest.testMurmur2.
  const cases: [string, number][] = [
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
  ];
  for (const [input, expected] of cases) assert.equal(murmur2(Buffer.from(input)), expected, input);
  assert.equal(murmur2(Buffer.from([0x61, 0x62, 0x63])), murmur2(Buffer.from('abc')));
  assert.ok(partitionForKey(Buffer.from('foobar'), 7) >= 0);
});
