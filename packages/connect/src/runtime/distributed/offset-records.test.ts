import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodeOffsetKey,
  decodeOffsetValue,
  encodeOffsetKey,
  encodeOffsetValue,
  javaKeyOrder,
  validateOffsetFormat,
} from './offset-records.ts';

const text = (buffer: Buffer | null): string | null => (buffer === null ? null : buffer.toString('utf8'));

describe('offsets topic records', () => {
  it('writes the key as [connector, partition] and the value as the offset map', () => {
    assert.equal(
      text(encodeOffsetKey('file-source', { filename: '/tmp/in.txt' })),
      '["file-source",{"filename":"/tmp/in.txt"}]',
    );
    assert.equal(text(encodeOffsetValue({ position: 42 })), '{"position":42}');
    assert.equal(
      text(
        encodeOffsetValue(
          new Map<string, unknown>([
            ['lsn', 9007199254740993n],
            ['ratio', 1],
            ['done', true],
          ]),
        ),
      ),
      '{"lsn":9007199254740993,"ratio":1,"done":true}',
    );
    assert.equal(text(encodeOffsetValue({ x: 1.5, y: 2e21 })), '{"x":1.5,"y":2.0E21}');
    assert.equal(encodeOffsetValue(null), null);
  });

  it('orders partition keys as a Java HashMap would, so keys match a Java worker byte for byte', () => {
    const partition = javaKeyOrder({ table: 'orders', partition: 3, offset: 'x' });
    assert.deepEqual([...partition.keys()], ['partition', 'offset', 'table']);
    assert.equal(
      text(encodeOffsetKey('jdbc', partition)),
      '["jdbc",{"partition":3,"offset":"x","table":"orders"}]',
    );
  });

  it('reads keys and values back, integers as Java longs', () => {
    assert.deepEqual(decodeOffsetKey(encodeOffsetKey('c', { file: 'a', part: 2 })), {
      connector: 'c',
      partition: new Map<string, unknown>([
        ['file', 'a'],
        ['part', 2n],
      ]),
    });
    assert.deepEqual(
      decodeOffsetValue(Buffer.from('{"position":42,"f":0.5}')),
      new Map<string, unknown>([
        ['position', 42n],
        ['f', 0.5],
      ]),
    );
    assert.equal(decodeOffsetValue(null), null);
  });

  it('ignores keys OffsetUtils ignores', () => {
    for (const key of ['{"a":1}', '["c"]', '[1,{}]', '["c",null]', '["c",{},1]', 'not json']) {
      assert.equal(decodeOffsetKey(Buffer.from(key)), null, key);
    }
  });

  it('accepts only primitive offset values', () => {
    assert.throws(() => validateOffsetFormat(new Map([['a', [1]]])), /only contain primitive types/);
    assert.throws(() => encodeOffsetKey('c', { nested: new Map() }), /only contain primitive types/);
  });
});
