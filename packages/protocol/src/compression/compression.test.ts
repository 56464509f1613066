import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import * as snappy from 'snappy';
import { ProtocolError } from '../io/protocol-error.ts';
import { CompressionCodec, compress, decompress } from './index.ts';

const text = Buffer.from(
  JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ id: i, name: `user-${i}` }))),
);

describe('compression codecs', () => {
  for (const [name, codec] of Object.entries(CompressionCodec)) {
    it(`${name} round-trips and shrinks JSON`, async () => {
      const compressed = await compress(codec, text);
      if (codec !== CompressionCodec.none)
        assert.ok(compressed.length < text.length / 3, `${name} barely compressed`);
      assert.ok((await decompress(codec, compressed)).equals(text));
    });
  }

  it('reads raw snappy and xerial-framed snappy built by hand', async () => {
    const raw = snappy.compressSync(text) as Buffer;
    assert.ok((await decompress(CompressionCodec.snappy, raw)).equals(text));
    const header = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00, 0, 0, 0, 1, 0, 0, 0, 1]);
    const half = text.length >> 1;
    const chunk = (data: Buffer) => {
      const block = snappy.compressSync(data) as Buffer;
      const length = Buffer.alloc(4);
      length.writeInt32BE(block.length);
      return Buffer.concat([length, block]);
    };
    const xerial = Buffer.concat([header, chunk(text.subarray(0, half)), chunk(text.subarray(half))]);
    assert.ok((await decompress(CompressionCodec.snappy, xerial)).equals(text));
  });

  it('stops zip bombs at the output limit', async () => {
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    for (const codec of [
      CompressionCodec.gzip,
      CompressionCodec.snappy,
      CompressionCodec.lz4,
      CompressionCodec.zstd,
    ]) {
      const bomb = await compress(codec, zeros);
      await assert.rejects(decompress(codec, bomb, 1024 * 1024), ProtocolError, `codec ${codec}`);
    }
    assert.ok(gzipSync(zeros).length < 20_000, 'the bomb is small');
  });

  it('reports corrupt input as ProtocolError', async () => {
    for (const codec of [
      CompressionCodec.gzip,
      CompressionCodec.snappy,
      CompressionCodec.lz4,
      CompressionCodec.zstd,
    ]) {
      await assert.rejects(decompress(codec, Buffer.from('definitely not compressed data')), ProtocolError);
    }
  });
});
