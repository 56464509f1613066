/**
 * Every generated codec, every version: random values shaped by the spec survive encode -> decode on every field
 * the version carries, and re-encoding the decoded value gives the same bytes.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as generated from '../src/generated/index.ts';
import { Reader } from '../src/io/reader.ts';
import { Writer } from '../src/io/writer.ts';
import { specRoot } from '../scripts/generate.ts';
import { parseVersions, readSpecs } from '../scripts/spec.ts';
import { firstDifference, randomStruct, seededRandom } from './spec-values.ts';

type Encode = (w: Writer, value: unknown, version: number) => void;
type Decode = (r: Reader, version: number) => Record<string, unknown>;

const SEEDS_PER_VERSION = 6;
type Codecs = Record<string, Encode | Decode>;
const namespaceOf = (folder: string) => folder.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
/** Every spec with the module holding its codec: messages at the top, internal schemas in their namespace. */
const specs = [
  ...readSpecs(join(specRoot, 'messages')).map((entry) => ({
    ...entry,
    codecs: generated as unknown as Codecs,
  })),
  ...readdirSync(join(specRoot, 'internal')).flatMap((folder) =>
    readSpecs(join(specRoot, 'internal', folder)).map((entry) => ({
      ...entry,
      file: `internal/${folder}/${entry.file}`,
      codecs: (generated as unknown as Record<string, Codecs>)[namespaceOf(folder)]!,
    })),
  ),
];

describe('generated codecs round-trip', () => {
  assert.ok(specs.length >= 240, `expected every Kafka message and internal spec, found ${specs.length}`);
  for (const { file, spec, codecs } of specs) {
    it(`${spec.name} (${spec.validVersions})`, () => {
      const encode = codecs[`encode${spec.name}`] as Encode;
      const decode = codecs[`decode${spec.name}`] as Decode;
      assert.equal(typeof encode, 'function', `${file} has no encoder`);
      assert.equal(typeof decode, 'function', `${file} has no decoder`);
      const { min, max } = parseVersions(spec.validVersions);
      for (let version = min; version <= max; version++) {
        for (let seed = 1; seed <= SEEDS_PER_VERSION; seed++) {
          const ctx = { spec, version };
          const value = randomStruct(ctx, spec.fields, seededRandom(seed * 1000 + version));
          const w = new Writer();
          encode(w, value, version);
          const bytes = w.finish();
          const reader = new Reader(bytes);
          const decoded = decode(reader, version);
          const where = `${spec.name} v${version} seed ${seed}`;
          assert.equal(reader.remaining, 0, `${where}: ${reader.remaining} bytes left undecoded`);
          assert.equal(firstDifference(ctx, spec.fields, value, decoded, spec.name), null, where);
          const again = new Writer();
          encode(again, decoded, version);
          assert.ok(again.finish().equals(bytes), `${where}: re-encoding changed the bytes`);
        }
      }
    });
  }
});
