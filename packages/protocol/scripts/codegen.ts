/**
 * Turns Kafka's message specs into TypeScript codecs: one file per spec, with one interface per struct,
 * a `default...()` constructor, and a single encoder/decoder pair that serves every version of the message
 * (franz-go's approach). Version checks come from each field's `versions`, `nullableVersions` and
 * `taggedVersions`; flexible versions switch to compact encodings and tagged-field sections.
 *
 * `generateAll` is pure (specs in, file texts out) so the drift test can regenerate in memory and compare.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ZERO_UUID } from '../src/io/writer.ts';
import {
  intersect,
  isEmpty,
  parseVersions,
  readSpecs,
  type FieldSpec,
  type MessageSpec,
  type VersionRange,
} from './spec.ts';

const PRIMITIVES = new Set([
  'bool',
  'int8',
  'int16',
  'uint16',
  'int32',
  'uint32',
  'int64',
  'float64',
  'string',
  'bytes',
  'uuid',
  'records',
]);

const FIXED_SIZES: Record<string, number> = {
  bool: 1,
  int8: 1,
  int16: 2,
  uint16: 2,
  int32: 4,
  uint32: 4,
  int64: 8,
  float64: 8,
  uuid: 16,
};

interface StructDef {
  tsName: string;
  fields: FieldSpec[];
}

/** "ProduceRequest" -> "produce-request" */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** "ThrottleTimeMs" -> "throttleTimeMs", "ISRPartitions" -> "isrPartitions", "ID" -> "id" */
export function camelCase(name: string): string {
  const leadingCaps = /^[A-Z]+/.exec(name)?.[0] ?? '';
  if (leadingCaps.length <= 1) return name.charAt(0).toLowerCase() + name.slice(1);
  const keep = leadingCaps.length === name.length ? 0 : 1;
  const lowered = leadingCaps.slice(0, leadingCaps.length - keep).toLowerCase();
  return lowered + name.slice(lowered.length);
}

function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function elementType(type: string): string | null {
  return type.startsWith('[]') ? type.slice(2) : null;
}

function isStructType(type: string): boolean {
  const base = elementType(type) ?? type;
  return !PRIMITIVES.has(base);
}

/** A condition on the runtime `version` that holds exactly for `range` within `valid`. */
function versionCondition(range: VersionRange, valid: VersionRange): string {
  const r = intersect(range, valid);
  if (isEmpty(r)) return 'false';
  const parts: string[] = [];
  if (r.min > valid.min) parts.push(`version >= ${r.min}`);
  if (r.max < valid.max) parts.push(`version <= ${r.max}`);
  return parts.length === 0 ? 'true' : parts.join(' && ');
}

function subtract(range: VersionRange, cut: VersionRange): VersionRange {
  if (isEmpty(cut) || isEmpty(intersect(range, cut))) return range;
  // Tagged ranges are always open-ended ("N+"), so only the part below them remains.
  return { min: range.min, max: Math.min(range.max, cut.min - 1) };
}

function numberLiteral(value: string | number | boolean | undefined, fallback: string): string {
  if (value === undefined || value === '') return fallback;
  const text = String(value);
  return String(Number(text.startsWith('0x') ? parseInt(text, 16) : Number(text)));
}

class MessageGenerator {
  private readonly valid: VersionRange;
  private readonly flexible: VersionRange;
  /** The valid versions that are flexible: the context of tagged-field conditions. */
  private readonly flexibleValid: VersionRange;
  private readonly structs = new Map<string, StructDef>();
  private readonly structOrder: string[] = [];
  /** Names imported from io/codec-helpers.ts by the generated file. */
  private readonly helpers = new Set<string>();

  constructor(
    private readonly spec: MessageSpec,
    private readonly file: string,
    /** Relative path from the generated file to src/io. */
    private readonly ioPath = '../../io',
  ) {
    this.valid = parseVersions(spec.validVersions);
    this.flexible = parseVersions(spec.flexibleVersions);
    this.flexibleValid = intersect(this.flexible, this.valid);
    this.collectStructs(spec.name, spec.fields);
  }

  private tsStructName(name: string): string {
    return name.startsWith(this.spec.name) ? name : this.spec.name + name;
  }

  private collectStructs(name: string, fields: FieldSpec[]): void {
    const tsName = this.tsStructName(name);
    if (this.structs.has(name)) return;
    this.structs.set(name, { tsName, fields });
    for (const field of fields) {
      if (!isStructType(field.type)) continue;
      const typeName = elementType(field.type) ?? field.type;
      const nested = field.fields ?? this.spec.commonStructs?.find((s) => s.name === typeName)?.fields;
      if (!nested) throw new Error(`${this.file}: struct type ${typeName} has no definition`);
      this.collectStructs(typeName, nested);
    }
    this.structOrder.push(name);
  }

  private struct(typeName: string): StructDef {
    const def = this.structs.get(typeName);
    if (!def) throw new Error(`${this.file}: unknown struct ${typeName}`);
    return def;
  }

  private fieldRanges(field: FieldSpec) {
    const present = intersect(parseVersions(field.versions), this.valid);
    const tagged = intersect(parseVersions(field.taggedVersions), present);
    const regular = subtract(present, tagged);
    const nullable = intersect(parseVersions(field.nullableVersions), present);
    const flexible =
      field.flexibleVersions !== undefined ? parseVersions(field.flexibleVersions) : this.flexible;
    return { present, tagged, regular, nullable, flexible };
  }

  private tsType(field: FieldSpec): string {
    const nullable = !isEmpty(this.fieldRanges(field).nullable) || this.defaultsToNull(field);
    return this.baseTsType(field.type) + (nullable ? ' | null' : '');
  }

  private baseTsType(type: string): string {
    const element = elementType(type);
    if (element !== null) return `${this.baseTsType(element)}[]`;
    switch (type) {
      case 'bool':
        return 'boolean';
      case 'int64':
        return 'bigint';
      case 'string':
      case 'uuid':
        return 'string';
      case 'bytes':
      case 'records':
        return 'Buffer';
      default:
        return PRIMITIVES.has(type) ? 'number' : this.struct(type).tsName;
    }
  }

  private defaultsToNull(field: FieldSpec): boolean {
    return field.default === 'null';
  }

  private defaultExpr(field: FieldSpec): string {
    if (this.defaultsToNull(field)) return 'null';
    const { type } = field;
    if (elementType(type) !== null) return '[]';
    switch (type) {
      case 'bool':
        return String(field.default).toLowerCase() === 'true' ? 'true' : 'false';
      case 'int64':
        return `${numberLiteral(field.default, '0')}n`;
      case 'string':
        return JSON.stringify(field.default === undefined ? '' : String(field.default));
      case 'uuid':
        return JSON.stringify(ZERO_UUID);
      case 'bytes':
        return 'Buffer.alloc(0)';
      case 'records':
        return isEmpty(this.fieldRanges(field).nullable) ? 'Buffer.alloc(0)' : 'null';
      default:
        if (PRIMITIVES.has(type)) return numberLiteral(field.default, '0');
        return `default${this.struct(type).tsName}()`;
    }
  }

  /** Whether `value` differs from the field's default, deciding if a tagged field is written. */
  private nonDefaultCheck(field: FieldSpec, value: string): string {
    const def = this.defaultExpr(field);
    if (def === 'null') return `${value} !== null`;
    if (elementType(field.type) !== null) return `${value}.length > 0`;
    if (field.type === 'bytes' || field.type === 'records') return `${value}.length > 0`;
    if (isStructType(field.type)) {
      this.helpers.add('isDeepEqual');
      return `!isDeepEqual(${value}, ${def})`;
    }
    return `${value} !== ${def}`;
  }

  private minItemSize(type: string, compact: boolean): number {
    if (FIXED_SIZES[type] !== undefined) return FIXED_SIZES[type];
    if (compact) return 1;
    if (type === 'string') return 2;
    if (type === 'bytes' || type === 'records') return 4;
    return 1;
  }

  /** Statement writing `value` of `type` with writer `w`. */
  private writeValue(type: string, value: string, compact: boolean, nullable: boolean, w: string): string {
    const element = elementType(type);
    if (element !== null) {
      const item = this.writeValue(element, 'item', compact, false, w);
      const open = compact ? `${w}.unsignedVarint(${value}.length + 1)` : `${w}.int32(${value}.length)`;
      const loop = `${open}; for (const item of ${value}) { ${item} }`;
      if (!nullable) return loop;
      return `if (${value} === null) ${compact ? `${w}.unsignedVarint(0)` : `${w}.int32(-1)`}; else { ${loop} }`;
    }
    switch (type) {
      case 'bool':
      case 'int8':
      case 'int16':
      case 'uint16':
      case 'int32':
      case 'uint32':
      case 'int64':
      case 'float64':
      case 'uuid':
        return `${w}.${type}(${value});`;
      case 'string':
      case 'bytes':
      case 'records': {
        const kind = type === 'string' ? 'String' : 'Bytes';
        const method = compact
          ? `compact${nullable ? 'Nullable' : ''}${kind}`
          : nullable
            ? `nullable${kind}`
            : kind.toLowerCase();
        return `${w}.${method}(${value});`;
      }
      default: {
        const call = `write${this.struct(type).tsName}(${w}, ${value}, version);`;
        if (!nullable) return call;
        return `if (${value} === null) ${w}.int8(-1); else { ${w}.int8(1); ${call} }`;
      }
    }
  }

  /** Expression reading a value of `type` from reader `r`. */
  private readValue(type: string, compact: boolean, nullable: boolean, r: string): string {
    const element = elementType(type);
    if (element !== null) {
      const item = this.readValue(element, compact, false, r);
      const min = this.minItemSize(element, compact);
      const reader = `${compact ? 'readCompactArray' : 'readArray'}${nullable ? 'Nullable' : ''}`;
      this.helpers.add(reader);
      return `${reader}(${r}, ${min}, () => ${item})`;
    }
    switch (type) {
      case 'bool':
      case 'int8':
      case 'int16':
      case 'uint16':
      case 'int32':
      case 'uint32':
      case 'int64':
      case 'float64':
      case 'uuid':
        return `${r}.${type}()`;
      case 'string':
      case 'bytes':
      case 'records': {
        const kind = type === 'string' ? 'String' : 'Bytes';
        const method = compact
          ? `compact${nullable ? 'Nullable' : ''}${kind}`
          : nullable
            ? `nullable${kind}`
            : kind.toLowerCase();
        return `${r}.${method}()`;
      }
      default: {
        const call = `read${this.struct(type).tsName}(${r}, version)`;
        return nullable ? `(${r}.int8() < 0 ? null : ${call})` : call;
      }
    }
  }

  /**
   * Emits `emit(compact, nullable)` for each combination of flexibility and nullability that occurs within
   * `range`, guarded by version conditions, so each branch uses the right encoding.
   */
  private branches(
    field: FieldSpec,
    range: VersionRange,
    forceCompact: boolean | null,
    emit: (compact: boolean, nullable: boolean) => string,
  ): string {
    const { nullable, flexible } = this.fieldRanges(field);
    const cases: { range: VersionRange; compact: boolean; nullable: boolean }[] = [];
    const flexParts: [VersionRange, boolean][] =
      forceCompact !== null
        ? [[range, forceCompact]]
        : [
            [intersect(range, flexible), true],
            [subtract(range, flexible), false],
          ];
    for (const [part, compact] of flexParts) {
      if (isEmpty(part)) continue;
      const nullPart = intersect(part, nullable);
      const nonNullPart = subtract(part, nullable);
      if (!isEmpty(nullPart)) cases.push({ range: nullPart, compact, nullable: true });
      if (!isEmpty(nonNullPart)) cases.push({ range: nonNullPart, compact, nullable: false });
    }
    const bodies = cases.map((c) => emit(c.compact, c.nullable));
    if (bodies.every((body) => body === bodies[0])) return bodies[0]!;
    return cases
      .map((c, i) => {
        const cond = versionCondition(c.range, this.valid);
        const body = bodies[i]!;
        if (i === cases.length - 1) return `else { ${body} }`;
        return `${i === 0 ? '' : 'else '}if (${cond}) { ${body} }`;
      })
      .join(' ');
  }

  /** Writes a field, first proving non-null where its type allows null but this version does not. */
  private writeChecked(
    field: FieldSpec,
    value: string,
    compact: boolean,
    nullable: boolean,
    w: string,
  ): string {
    if (nullable || !this.tsType(field).endsWith('| null')) {
      return this.writeValue(field.type, value, compact, nullable, w);
    }
    this.helpers.add('notNull');
    const checked = `notNull(${value}, '${this.spec.name}.${field.name}', version)`;
    return `{ const value = ${checked}; ${this.writeValue(field.type, 'value', compact, false, w)} }`;
  }

  private structCode(typeName: string): string {
    const { tsName, fields } = this.struct(typeName);
    const hasFlexible = !isEmpty(this.flexible);
    const lines: string[] = [];

    lines.push(`export interface ${tsName} {`);
    for (const field of fields) {
      if (field.about) lines.push(`  /** ${field.about.replace(/\*\//g, '* /')} */`);
      lines.push(`  ${camelCase(field.name)}: ${this.tsType(field)};`);
    }
    lines.push('}', '');

    lines.push(`export function default${tsName}(): ${tsName} {`);
    lines.push('  return {');
    for (const field of fields) lines.push(`    ${camelCase(field.name)}: ${this.defaultExpr(field)},`);
    lines.push('  };', '}', '');

    const tagged = fields
      .filter((f) => !isEmpty(this.fieldRanges(f).tagged))
      .sort((a, b) => (a.tag ?? 0) - (b.tag ?? 0));

    // Encoder.
    const usesVersion = fields.length > 0 || hasFlexible;
    lines.push(
      `function write${tsName}(w: Writer, v: ${tsName}, ${usesVersion ? '' : '_'}version: number): void {`,
    );
    for (const field of fields) {
      const { regular } = this.fieldRanges(field);
      if (isEmpty(regular)) continue;
      const value = `v.${camelCase(field.name)}`;
      const cond = versionCondition(regular, this.valid);
      const body = this.branches(field, regular, null, (compact, nullable) =>
        this.writeChecked(field, value, compact, nullable, 'w'),
      );
      lines.push(cond === 'true' ? `  ${body}` : `  if (${cond}) { ${body} }`);
    }
    if (hasFlexible) {
      const flexCond = versionCondition(this.flexible, this.valid);
      lines.push(flexCond === 'true' ? '  {' : `  if (${flexCond}) {`);
      if (tagged.length === 0) {
        lines.push('    w.unsignedVarint(0);');
      } else {
        const names = tagged.map((f) => `write${pascalCase(camelCase(f.name))}`);
        tagged.forEach((field, i) => {
          const value = `v.${camelCase(field.name)}`;
          const cond = versionCondition(this.fieldRanges(field).tagged, this.flexibleValid);
          const when = cond === 'true' ? '' : `${cond} && `;
          lines.push(`    const ${names[i]} = ${when}${this.nonDefaultCheck(field, value)};`);
        });
        lines.push(`    w.unsignedVarint(${names.map((n) => `(${n} ? 1 : 0)`).join(' + ')});`);
        tagged.forEach((field, i) => {
          const value = `v.${camelCase(field.name)}`;
          const nullable = !isEmpty(this.fieldRanges(field).nullable);
          const write = this.writeChecked(field, value, true, nullable, 't');
          lines.push(`    if (${names[i]}) w.taggedField(${field.tag}, (t) => { ${write} });`);
        });
      }
      lines.push('  }');
    }
    lines.push('}', '');

    // Decoder.
    lines.push(`function read${tsName}(r: Reader, ${usesVersion ? '' : '_'}version: number): ${tsName} {`);
    for (const field of fields) {
      const local = `f${pascalCase(camelCase(field.name))}`;
      const { regular, tagged: taggedRange } = this.fieldRanges(field);
      const declare = isEmpty(regular) && isEmpty(taggedRange) ? 'const' : 'let';
      lines.push(`  ${declare} ${local}: ${this.tsType(field)} = ${this.defaultExpr(field)};`);
      if (isEmpty(regular)) continue;
      const cond = versionCondition(regular, this.valid);
      const body = this.branches(
        field,
        regular,
        null,
        (compact, nullable) => `${local} = ${this.readValue(field.type, compact, nullable, 'r')};`,
      );
      lines.push(cond === 'true' ? `  ${body}` : `  if (${cond}) { ${body} }`);
    }
    if (hasFlexible) {
      const flexCond = versionCondition(this.flexible, this.valid);
      if (tagged.length === 0) {
        lines.push(flexCond === 'true' ? '  r.taggedFields();' : `  if (${flexCond}) r.taggedFields();`);
      } else {
        lines.push(flexCond === 'true' ? '  {' : `  if (${flexCond}) {`);
        lines.push('    r.taggedFields((tag, t) => {');
        lines.push('      switch (tag) {');
        for (const field of tagged) {
          const local = `f${pascalCase(camelCase(field.name))}`;
          const cond = versionCondition(this.fieldRanges(field).tagged, this.flexibleValid);
          const nullable = !isEmpty(this.fieldRanges(field).nullable);
          const read = `${local} = ${this.readValue(field.type, true, nullable, 't')};`;
          lines.push(`        case ${field.tag}:`);
          lines.push(
            cond === 'true'
              ? `          ${read} return true;`
              : `          if (${cond}) { ${read} return true; } return false;`,
          );
        }
        lines.push('        default:', '          return false;', '      }', '    });', '  }');
      }
    }
    lines.push(
      `  return { ${fields.map((f) => `${camelCase(f.name)}: f${pascalCase(camelCase(f.name))}`).join(', ')} };`,
    );
    lines.push('}', '');
    return lines.join('\n');
  }

  generate(): string {
    const name = this.spec.name;
    const body = this.structOrder.map((s) => this.structCode(s)).join('\n');
    const range = `${this.valid.min}-${this.valid.max}`;
    // Metadata log records carry their type (the spec's apiKey) in the MetadataRecordSerde frame.
    const recordType =
      this.spec.type === 'metadata' && this.spec.apiKey !== undefined
        ? [
            `/** The record type of ${name} in the metadata log (MetadataRecordSerde's api key). */`,
            `export const ${camelCase(name)}ApiKey = ${this.spec.apiKey};`,
            '',
          ]
        : [];
    const api = [
      ...recordType,
      `/** The versions of ${name} this codec reads and writes. */`,
      `export const ${camelCase(name)}Versions = { min: ${this.valid.min}, max: ${this.valid.max}${
        isEmpty(this.flexible) ? '' : `, firstFlexible: ${this.flexible.min}`
      } } as const;`,
      '',
      `function check${name}Version(version: number): void {`,
      `  if (!Number.isInteger(version) || version < ${this.valid.min} || version > ${this.valid.max}) {`,
      `    throw new ProtocolError('unsupported', \`${name} version \${version} is outside ${range}\`);`,
      '  }',
      '}',
      '',
      `export function encode${name}(w: Writer, value: ${name}, version: number): void {`,
      `  check${name}Version(version);`,
      `  write${name}(w, value, version);`,
      '}',
      '',
      `export function decode${name}(r: Reader, version: number): ${name} {`,
      `  check${name}Version(version);`,
      `  return read${name}(r, version);`,
      '}',
      '',
    ].join('\n');
    const helpers = [...this.helpers].sort();
    const imports = [
      `// Generated from ${this.file}. DO NOT EDIT.`,
      '// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).',
      ...(helpers.length > 0
        ? [`import { ${helpers.join(', ')} } from '${this.ioPath}/codec-helpers.ts';`]
        : []),
      `import { ProtocolError } from '${this.ioPath}/protocol-error.ts';`,
      `import type { Reader } from '${this.ioPath}/reader.ts';`,
      `import type { Writer } from '${this.ioPath}/writer.ts';`,
      '',
    ].join('\n');
    return `${imports}\n${body}\n${api}`;
  }
}

interface ApiPair {
  key: number;
  name: string;
  request: MessageSpec;
  requestFile: string;
  response: MessageSpec;
}

function apiTable(pairs: ApiPair[]): string {
  const lines: string[] = [
    '// Generated from the *Request.json and *Response.json specs. DO NOT EDIT.',
    '// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).',
    `import type { Reader } from '../io/reader.ts';`,
    `import type { Writer } from '../io/writer.ts';`,
  ];
  for (const pair of pairs) {
    const req = pair.request.name;
    const res = pair.response.name;
    lines.push(
      `import { decode${req}, default${req}, encode${req}, type ${req} } from './messages/${kebabCase(req)}.ts';`,
      `import { decode${res}, default${res}, encode${res}, type ${res} } from './messages/${kebabCase(res)}.ts';`,
    );
  }
  lines.push('', '/** Every API key by its name, as Kafka names it. */', 'export const ApiKey = {');
  for (const pair of pairs) lines.push(`  ${pair.name}: ${pair.key},`);
  lines.push(
    '} as const;',
    '',
    'export type ApiKeyName = keyof typeof ApiKey;',
    'export type ApiKeyNumber = (typeof ApiKey)[ApiKeyName];',
    '',
  );
  lines.push('/** Request and response types of each API, by key. */', 'export interface ApiMessages {');
  for (const pair of pairs) {
    lines.push(`  ${pair.key}: { request: ${pair.request.name}; response: ${pair.response.name} };`);
  }
  lines.push('}', '');
  lines.push(
    'export interface ApiDefinition<K extends ApiKeyNumber = ApiKeyNumber> {',
    '  key: K;',
    '  name: ApiKeyName;',
    '  minVersion: number;',
    '  maxVersion: number;',
    '  /** The first version using flexible encodings and header v2/v1, or null if none does. */',
    '  firstFlexibleVersion: number | null;',
    "  /** Kafka marks the newest version as still changing; brokers don't advertise it by default. */",
    '  latestVersionUnstable: boolean;',
    '  /** Which Kafka listeners accept this API (broker, controller, zkBroker). */',
    '  listeners: readonly string[];',
    "  encodeRequest(w: Writer, value: ApiMessages[K]['request'], version: number): void;",
    "  decodeRequest(r: Reader, version: number): ApiMessages[K]['request'];",
    "  defaultRequest(): ApiMessages[K]['request'];",
    "  encodeResponse(w: Writer, value: ApiMessages[K]['response'], version: number): void;",
    "  decodeResponse(r: Reader, version: number): ApiMessages[K]['response'];",
    "  defaultResponse(): ApiMessages[K]['response'];",
    '}',
    '',
    'export const apis: { readonly [K in ApiKeyNumber]: ApiDefinition<K> } = {',
  );
  for (const pair of pairs) {
    const valid = parseVersions(pair.request.validVersions);
    const flexible = parseVersions(pair.request.flexibleVersions);
    const req = pair.request.name;
    const res = pair.response.name;
    lines.push(
      `  ${pair.key}: {`,
      `    key: ${pair.key},`,
      `    name: '${pair.name}',`,
      `    minVersion: ${valid.min},`,
      `    maxVersion: ${valid.max},`,
      `    firstFlexibleVersion: ${isEmpty(flexible) ? 'null' : flexible.min},`,
      `    latestVersionUnstable: ${pair.request.latestVersionUnstable === true},`,
      `    listeners: ${JSON.stringify(pair.request.listeners ?? [])},`,
      `    encodeRequest: encode${req},`,
      `    decodeRequest: decode${req},`,
      `    defaultRequest: default${req},`,
      `    encodeResponse: encode${res},`,
      `    decodeResponse: decode${res},`,
      `    defaultResponse: default${res},`,
      '  },',
    );
  }
  lines.push('};', '');
  return lines.join('\n');
}

function errorTable(tsv: string): string {
  const rows = tsv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .map(([code, name, retriable]) => ({ code: Number(code), name: name!, retriable: retriable === 'yes' }));
  const lines = [
    '// Generated from error-codes.tsv. DO NOT EDIT.',
    '// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).',
    '',
    "/** Kafka's protocol error codes by name. */",
    'export const ErrorCode = {',
    ...rows.map((r) => `  ${r.name}: ${r.code},`),
    '} as const;',
    '',
    'export type ErrorCodeName = keyof typeof ErrorCode;',
    'export type ErrorCodeNumber = (typeof ErrorCode)[ErrorCodeName];',
    '',
    'export interface ErrorCodeInfo {',
    '  code: number;',
    '  name: ErrorCodeName;',
    '  /** Whether clients retry a request that failed with this error. */',
    '  retriable: boolean;',
    '}',
    '',
    'export const errorCodes: ReadonlyMap<number, ErrorCodeInfo> = new Map([',
    ...rows.map((r) => `  [${r.code}, { code: ${r.code}, name: '${r.name}', retriable: ${r.retriable} }],`),
    ']);',
    '',
  ];
  return lines.join('\n');
}

/** Generates every file under src/generated, keyed by path relative to src/generated. */
export function generateAll(specRoot: string): Map<string, string> {
  const files = new Map<string, string>();
  const specs = readSpecs(join(specRoot, 'messages'));
  const exports: string[] = [];
  for (const { file, spec } of specs) {
    const path = `messages/${kebabCase(spec.name)}.ts`;
    files.set(path, new MessageGenerator(spec, file).generate());
    exports.push(`export * from './${path}';`);
  }
  const byName = new Map(specs.map(({ file, spec }) => [spec.name, { file, spec }]));
  const pairs: ApiPair[] = specs
    .filter(({ spec }) => spec.type === 'request')
    .map(({ file, spec }) => {
      const name = spec.name.replace(/Request$/, '');
      const response = byName.get(`${name}Response`);
      if (!response || spec.apiKey === undefined) throw new Error(`${file}: no matching response spec`);
      return { key: spec.apiKey, name, request: spec, requestFile: file, response: response.spec };
    })
    .sort((a, b) => a.key - b.key);
  files.set('api-keys.ts', apiTable(pairs));
  files.set('error-codes.ts', errorTable(readFileSync(join(specRoot, 'error-codes.tsv'), 'utf8')));
  // Kafka's internal schemas (__consumer_offsets records, the metadata log, ...), one namespace per folder
  // because their names are only unique within it.
  const namespaces: string[] = [];
  const internalRoot = join(specRoot, 'internal');
  for (const folder of existsSync(internalRoot) ? readdirSync(internalRoot).sort() : []) {
    const folderExports: string[] = [];
    for (const { file, spec } of readSpecs(join(internalRoot, folder))) {
      const path = `internal/${folder}/${kebabCase(spec.name)}.ts`;
      files.set(path, new MessageGenerator(spec, `internal/${folder}/${file}`, '../../../io').generate());
      folderExports.push(`export * from './${kebabCase(spec.name)}.ts';`);
    }
    files.set(
      `internal/${folder}/index.ts`,
      [`// Generated index of internal/${folder}. DO NOT EDIT.`, ...folderExports, ''].join('\n'),
    );
    namespaces.push(
      `export * as ${camelCase(folder.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()))} from './internal/${folder}/index.ts';`,
    );
  }
  files.set(
    'index.ts',
    [
      '// Generated index of every codec. DO NOT EDIT.',
      ...exports.sort(),
      "export * from './api-keys.ts';",
      "export * from './error-codes.ts';",
      ...namespaces,
      '',
    ].join('\n'),
  );
  return files;
}
