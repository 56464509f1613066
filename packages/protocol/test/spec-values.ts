/**
 * Random values shaped by a message spec, for the round-trip and fuzz tests: every field that a given version
 * carries gets a random value of its type (null where that version allows null), so each codec path is used.
 */
import { camelCase } from '../scripts/codegen.ts';
import { intersect, isEmpty, parseVersions, type FieldSpec, type MessageSpec } from '../scripts/spec.ts';

export type Random = () => number;

/** A small deterministic PRNG (mulberry32) so a failing case can be replayed from its seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

function bytesFrom(random: Random, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = int(random, 0, 255);
  return out;
}

const SAMPLE_TEXT = ['', 'topic-a', 'ünïcødé-✓', '日本語のトピック', 'emoji-🚀', 'x'.repeat(40)];

export interface FieldContext {
  spec: MessageSpec;
  version: number;
}

export function presentIn(field: FieldSpec, version: number): boolean {
  const versions = parseVersions(field.versions);
  return version >= versions.min && version <= versions.max;
}

function nullableIn(field: FieldSpec, version: number): boolean {
  const range = intersect(parseVersions(field.nullableVersions), parseVersions(field.versions));
  return !isEmpty(range) && version >= range.min && version <= range.max;
}

export function structFields(spec: MessageSpec, field: FieldSpec): FieldSpec[] {
  const typeName = field.type.replace(/^\[\]/, '');
  const fields = field.fields ?? spec.commonStructs?.find((s) => s.name === typeName)?.fields;
  if (!fields) throw new Error(`no struct ${typeName} in ${spec.name}`);
  return fields;
}

function scalar(type: string, random: Random): unknown {
  switch (type) {
    case 'bool':
      return random() < 0.5;
    case 'int8':
      return int(random, -128, 127);
    case 'int16':
      return int(random, -32768, 32767);
    case 'uint16':
      return int(random, 0, 65535);
    case 'int32':
      return int(random, -2147483648, 2147483647);
    case 'uint32':
      return int(random, 0, 4294967295);
    case 'int64':
      return BigInt.asIntN(
        64,
        (BigInt(int(random, 0, 0xffffffff)) << 32n) | BigInt(int(random, 0, 0xffffffff)),
      );
    case 'float64':
      return (random() - 0.5) * 1e6;
    case 'string':
      return SAMPLE_TEXT[int(random, 0, SAMPLE_TEXT.length - 1)];
    case 'bytes':
    case 'records':
      return bytesFrom(random, int(random, 0, random() < 0.1 ? 3000 : 24));
    case 'uuid':
      return bytesFrom(random, 16).toString('base64url');
    default:
      return undefined;
  }
}

export function randomStruct(
  ctx: FieldContext,
  fields: FieldSpec[],
  random: Random,
): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const field of fields) value[camelCase(field.name)] = randomField(ctx, field, random);
  return value;
}

function randomField(ctx: FieldContext, field: FieldSpec, random: Random): unknown {
  if (nullableIn(field, ctx.version) && random() < 0.2) return null;
  const isArray = field.type.startsWith('[]');
  const base = field.type.replace(/^\[\]/, '');
  const one = () => {
    const primitive = scalar(base, random);
    return primitive !== undefined ? primitive : randomStruct(ctx, structFields(ctx.spec, field), random);
  };
  if (!isArray) return one();
  return Array.from({ length: int(random, 0, 3) }, one);
}

/** Compares `actual` with `expected` on the fields `version` carries; returns the path of the first difference. */
export function firstDifference(
  ctx: FieldContext,
  fields: FieldSpec[],
  expected: Record<string, unknown>,
  actual: Record<string, unknown>,
  path: string,
): string | null {
  for (const field of fields) {
    if (!presentIn(field, ctx.version)) continue;
    const key = camelCase(field.name);
    const e = expected[key];
    const a = actual[key];
    const here = `${path}.${key}`;
    const isStruct = !scalarType(field.type.replace(/^\[\]/, ''));
    if (e === null || a === null) {
      if (e !== a) return here;
      continue;
    }
    if (field.type.startsWith('[]')) {
      const ea = e as unknown[];
      const aa = a as unknown[];
      if (ea.length !== aa.length) return `${here}.length`;
      for (let i = 0; i < ea.length; i++) {
        const diff = isStruct
          ? firstDifference(
              ctx,
              structFields(ctx.spec, field),
              ea[i] as never,
              aa[i] as never,
              `${here}[${i}]`,
            )
          : sameScalar(ea[i], aa[i])
            ? null
            : `${here}[${i}]`;
        if (diff) return diff;
      }
      continue;
    }
    if (isStruct) {
      const diff = firstDifference(ctx, structFields(ctx.spec, field), e as never, a as never, here);
      if (diff) return diff;
    } else if (!sameScalar(e, a)) {
      return here;
    }
  }
  return null;
}

function scalarType(type: string): boolean {
  return scalar(type, () => 0) !== undefined;
}

function sameScalar(a: unknown, b: unknown): boolean {
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  return a === b;
}
