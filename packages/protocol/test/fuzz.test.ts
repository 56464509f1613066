/**
 * Hostile input for the decoders: at least 100,000 frames per run, random and mutated from valid requests of
 * every API and version. A decoder may only answer with a ProtocolError: never another exception, never a hang,
 * never an allocation sized by a length the frame does not hold.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decodeRequest, decodeResponse, encodeRequest } from '../src/frame.ts';
import { apis, type ApiKeyNumber } from '../src/generated/api-keys.ts';
import { ProtocolError } from '../src/io/protocol-error.ts';
import { specRoot } from '../scripts/generate.ts';
import { parseVersions, readSpecs } from '../scripts/spec.ts';
import { randomStruct, seededRandom, type Random } from './spec-values.ts';

const FRAMES_PER_RUN = Number(process.env.FUZZ_FRAMES ?? 100_000);
const SLOW_DECODE_MS = 50;
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const specs = new Map(readSpecs(join(specRoot, 'messages')).map(({ spec }) => [spec.name, spec]));

/** Valid request frames (without the size prefix) for every API and version: the corpus mutations start from. */
function validFrames(random: Random): Buffer[] {
  const frames: Buffer[] = [];
  for (const api of Object.values(apis)) {
    const spec = specs.get(`${api.name}Request`);
    assert.ok(spec, `no spec for ${api.name}Request`);
    const { min, max } = parseVersions(spec.validVersions);
    for (let version = min; version <= max; version++) {
      const body = randomStruct({ spec, version }, spec.fields, random);
      const chunks = encodeRequest(api.key as ApiKeyNumber, version, 7, 'fuzz', body as never);
      frames.push(Buffer.concat(chunks).subarray(4));
    }
  }
  return frames;
}

const INTERESTING_INT32 = [0x7fffffff, -1, -2, 0, 1, 0x7ffffffe, -0x80000000, 0xffff, 0x10000];

function mutate(frame: Buffer, random: Random): Buffer {
  const out = Buffer.from(frame);
  const pick = (n: number) => Math.floor(random() * n);
  const mutations = 1 + pick(4);
  let result = out;
  for (let m = 0; m < mutations; m++) {
    if (result.length === 0) break;
    const at = pick(result.length);
    switch (pick(7)) {
      case 0:
        result[at]! ^= 1 << pick(8);
        break;
      case 1:
        result[at] = [0x00, 0xff, 0x7f, 0x80][pick(4)]!;
        break;
      case 2:
        if (at + 4 <= result.length)
          result.writeInt32BE(INTERESTING_INT32[pick(INTERESTING_INT32.length)]!, at);
        break;
      case 3:
        if (at + 2 <= result.length) result.writeInt16BE([0x7fff, -1, -2, 0][pick(4)]!, at);
        break;
      case 4:
        result = result.subarray(0, at);
        break;
      case 5: {
        const junk = Buffer.alloc(1 + pick(16));
        for (let i = 0; i < junk.length; i++) junk[i] = pick(256);
        result = Buffer.concat([result.subarray(0, at), junk, result.subarray(at)]);
        break;
      }
      case 6:
        // Varint continuation bits everywhere: the pattern of an endless unsigned varint.
        result.fill(0xff, at, Math.min(result.length, at + 1 + pick(12)));
        break;
    }
  }
  return result;
}

function randomFrame(random: Random): Buffer {
  const keys = Object.keys(apis).map(Number);
  const out = Buffer.alloc(Math.floor(random() * 64));
  for (let i = 0; i < out.length; i++) out[i] = Math.floor(random() * 256);
  if (out.length >= 4 && random() < 0.8) {
    const key = keys[Math.floor(random() * keys.length)]!;
    out.writeInt16BE(key, 0);
    out.writeInt16BE(Math.floor(random() * (apis[key as ApiKeyNumber].maxVersion + 2)), 2);
  }
  return out;
}

function decodeOrFail(frame: Buffer, label: string): void {
  const started = performance.now();
  let result;
  try {
    result = decodeRequest(frame);
  } catch (error) {
    assert.fail(
      `${label}: decodeRequest threw ${String(error)} for frame ${frame.toString('hex').slice(0, 200)}`,
    );
  }
  let elapsed = performance.now() - started;
  // A garbage collection or a busy machine can stall any one decode; a frame that is itself expensive to
  // decode is slow every time. The best of three more tries tells them apart.
  for (let retry = 0; retry < 3 && elapsed >= SLOW_DECODE_MS; retry++) {
    const again = performance.now();
    decodeRequest(frame);
    elapsed = Math.min(elapsed, performance.now() - again);
  }
  assert.ok(elapsed < SLOW_DECODE_MS, `${label}: decode took ${elapsed.toFixed(1)} ms`);
  if (!result.ok) assert.ok(result.error instanceof ProtocolError, `${label}: untyped error`);
}

describe(`decoder fuzz (FUZZ_SEED=${seed})`, () => {
  it(`survives ${FRAMES_PER_RUN} random and mutated request frames`, () => {
    const random = seededRandom(seed);
    const corpus = validFrames(random);
    for (const [i, frame] of corpus.entries()) {
      const result = decodeRequest(frame);
      assert.ok(result.ok, `valid corpus frame ${i} failed: ${result.ok ? '' : result.error.message}`);
    }
    let rejected = 0;
    for (let i = 0; i < FRAMES_PER_RUN; i++) {
      const frame =
        random() < 0.85 ? mutate(corpus[Math.floor(random() * corpus.length)]!, random) : randomFrame(random);
      decodeOrFail(frame, `frame ${i} (FUZZ_SEED=${seed})`);
      if (!decodeRequest(frame).ok) rejected++;
    }
    // Most mutations must be caught; if nearly none are, the decoder has stopped checking what it reads.
    assert.ok(
      rejected > FRAMES_PER_RUN * 0.3,
      `only ${rejected} of ${FRAMES_PER_RUN} hostile frames rejected`,
    );
  });

  it('answers malformed responses with ProtocolError only', () => {
    const random = seededRandom(seed + 1);
    let frames = 0;
    for (const api of Object.values(apis)) {
      const spec = specs.get(`${api.name}Response`)!;
      const { min, max } = parseVersions(spec.validVersions);
      for (let version = min; version <= max; version++) {
        for (let n = 0; n < 50; n++, frames++) {
          const frame = mutate(Buffer.from(randomFrame(random)), random);
          try {
            decodeResponse(api.key as ApiKeyNumber, version, frame);
          } catch (error) {
            assert.ok(error instanceof ProtocolError, `${api.name} v${version}: threw ${String(error)}`);
          }
        }
      }
    }
    assert.ok(frames > 15_000, `only ${frames} response frames were tried`);
  });

  it('rejects lying lengths without allocating for them', () => {
    // Each frame is a valid header followed by one lying length: a Produce v3 topic array of 2^31-1 entries,
    // a Metadata v0 topic name of 32 KiB, and a CreateTopics v5 (flexible) compact array of 2^32-2 entries.
    const produce = Buffer.from(
      '0000' + '0003' + '00000001' + 'ffff' + 'ffff' + '0001' + '000003e8' + '7fffffff',
      'hex',
    );
    const metadata = Buffer.from(
      '0003' + '0000' + '00000001' + '0000' + '00000001' + '7fff' + '616263',
      'hex',
    );
    const createTopics = Buffer.from('0013' + '0005' + '00000001' + 'ffff' + '00' + 'feffffff0f', 'hex');
    const before = process.memoryUsage();
    for (let i = 0; i < 20_000; i++) {
      for (const frame of [produce, metadata, createTopics]) {
        const result = decodeRequest(frame);
        assert.equal(result.ok, false);
        if (!result.ok) assert.ok(['truncated', 'invalid'].includes(result.error.kind), result.error.message);
      }
    }
    const after = process.memoryUsage();
    const grownMiB = (after.arrayBuffers - before.arrayBuffers + after.external - before.external) / 2 ** 20;
    assert.ok(
      grownMiB < 16,
      `decoding 60,000 tiny lying frames grew buffer memory by ${grownMiB.toFixed(1)} MiB`,
    );
  });
});
