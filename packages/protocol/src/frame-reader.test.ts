import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrameReader, FrameSizeError } from './frame-reader.ts';

function framed(body: string): Buffer {
  const bytes = Buffer.from(body);
  const size = Buffer.alloc(4);
  size.writeInt32BE(bytes.length);
  return Buffer.concat([size, bytes]);
}

describe('FrameReader', () => {
  it('splits frames across and within chunks, byte by byte too', () => {
    const stream = Buffer.concat([framed('first'), framed(''), framed('third frame')]);
    for (const chunkSize of [1, 2, 3, 7, stream.length]) {
      const reader = new FrameReader(1024);
      const frames: string[] = [];
      for (let i = 0; i < stream.length; i += chunkSize) {
        for (const frame of reader.push(stream.subarray(i, i + chunkSize))) frames.push(frame.toString());
      }
      assert.deepEqual(frames, ['first', '', 'third frame'], `chunk size ${chunkSize}`);
      assert.equal(reader.bufferedBytes, 0);
    }
  });

  it('returns a view, not a copy, when a frame lies in one chunk', () => {
    const chunk = framed('zero-copy');
    const [frame] = new FrameReader(1024).push(chunk);
    assert.equal(frame!.buffer, chunk.buffer);
  });

  it('rejects negative and oversized sizes before buffering the body', () => {
    assert.throws(() => new FrameReader(100).push(Buffer.from([0x7f, 0xff, 0xff, 0xff])), FrameSizeError);
    assert.throws(
      () => new FrameReader(100).push(Buffer.from([0xff, 0xff, 0xff, 0xfe])),
      /Invalid receive \(size = -2\)/,
    );
    assert.throws(
      () => new FrameReader(100).push(Buffer.from([0, 0, 0, 101])),
      /larger than socket.request.max.bytes 100/,
    );
  });
});
