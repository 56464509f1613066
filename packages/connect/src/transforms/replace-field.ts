/**
 * ReplaceField$Key / ReplaceField$Value: keeps only `include` fields (all when empty), drops `exclude` fields
 * (exclude wins), and renames with `renames` (old:new pairs). Null keys/values pass through.
 */
import { ConfigDef } from '../config/config-def.ts';
import { LambdaValidator } from '../config/validators.ts';
import { LruCache } from '../data/lru-cache.ts';
import { SchemaBuilder } from '../data/schema.ts';
import type { Schema } from '../data/schema.ts';
import { Struct } from '../data/struct.ts';
import type { AnyConnectRecord } from '../connector/connect-record.ts';
import { ConfigException } from '../errors.ts';
import {
  REPLACE_NULL_WITH_DEFAULT_CONFIG,
  REPLACE_NULL_WITH_DEFAULT_DOC,
  SimpleConfig,
  copySchemaBasics,
  fieldValue,
  operatingSchema,
  operatingValue,
  requireMap,
  requireStruct,
  withSide,
} from './transformation.ts';
import type { RecordSide, Transformation } from './transformation.ts';

/** Java's String.split: trailing empty strings are dropped. */
export function javaSplit(text: string, separator: string): string[] {
  const parts = text.split(separator);
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length === 1 && parts[0] === '' && text !== '') return [];
  return parts;
}

export function parseRenameMappings(mappings: readonly string[]): Map<string, string> {
  const renames = new Map<string, string>();
  for (const mapping of mappings) {
    const parts = javaSplit(mapping, ':');
    if (parts.length !== 2)
      throw new ConfigException('renames', mappings, `Invalid rename mapping: ${mapping}`);
    renames.set(parts[0] as string, parts[1] as string);
  }
  return renames;
}

export const REPLACE_FIELD_CONFIG_DEF = new ConfigDef()
  .define({
    name: 'exclude',
    type: 'LIST',
    defaultValue: [],
    importance: 'MEDIUM',
    documentation: 'Fields to exclude. This takes precedence over the fields to include.',
  })
  .define({
    name: 'include',
    type: 'LIST',
    defaultValue: [],
    importance: 'MEDIUM',
    documentation: 'Fields to include. If specified, only these fields will be used.',
  })
  .define({
    name: 'renames',
    type: 'LIST',
    defaultValue: [],
    validator: LambdaValidator.with(
      (_name, value) => void parseRenameMappings(value as string[]),
      () => 'list of colon-delimited pairs, e.g. <code>foo:bar,abc:xyz</code>',
    ),
    importance: 'MEDIUM',
    documentation: 'Field rename mappings.',
  })
  .define({
    name: REPLACE_NULL_WITH_DEFAULT_CONFIG,
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'MEDIUM',
    documentation: REPLACE_NULL_WITH_DEFAULT_DOC,
  });

const PURPOSE = 'field replacement';

export abstract class ReplaceField<
  R extends AnyConnectRecord = AnyConnectRecord,
> implements Transformation<R> {
  static Key: new () => ReplaceField;
  static Value: new () => ReplaceField;

  private exclude = new Set<string>();
  private include = new Set<string>();
  private renames = new Map<string, string>();
  private reverseRenames = new Map<string, string>();
  private replaceNullWithDefault = true;
  private schemaUpdateCache = new LruCache<Schema, Schema>(16);

  protected constructor(private readonly side: RecordSide) {}

  configure(props: Readonly<Record<string, unknown>>): void {
    const config = new SimpleConfig(REPLACE_FIELD_CONFIG_DEF, props);
    this.exclude = new Set(config.getList('exclude'));
    this.include = new Set(config.getList('include'));
    this.renames = parseRenameMappings(config.getList('renames') ?? []);
    this.reverseRenames = new Map([...this.renames].map(([from, to]) => [to, from]));
    this.replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG) ?? true;
    this.schemaUpdateCache = new LruCache(16);
  }

  private filter(fieldName: string): boolean {
    return !this.exclude.has(fieldName) && (this.include.size === 0 || this.include.has(fieldName));
  }

  private renamed(fieldName: string): string {
    return this.renames.get(fieldName) ?? fieldName;
  }

  apply(record: R): R {
    const value = operatingValue(record, this.side);
    if (value === null) return record;
    if (operatingSchema(record, this.side) === null) {
      const updated = new Map<string, unknown>();
      for (const [fieldName, fieldValue] of requireMap(value, PURPOSE)) {
        if (this.filter(fieldName)) updated.set(this.renamed(fieldName), fieldValue);
      }
      return withSide(record, this.side, null, updated);
    }
    const struct = requireStruct(value, PURPOSE);
    let updatedSchema = this.schemaUpdateCache.get(struct.schema());
    if (updatedSchema === undefined) {
      const builder = copySchemaBasics(struct.schema(), SchemaBuilder.struct());
      for (const field of struct.schema().fields()) {
        if (this.filter(field.name())) builder.field(this.renamed(field.name()), field.schema());
      }
      updatedSchema = builder.build();
      this.schemaUpdateCache.put(struct.schema(), updatedSchema);
    }
    const updated = new Struct(updatedSchema);
    for (const field of updatedSchema.fields()) {
      const original = this.reverseRenames.get(field.name()) ?? field.name();
      updated.put(field.name(), fieldValue(struct, original, this.replaceNullWithDefault));
    }
    return withSide(record, this.side, updatedSchema, updated);
  }

  config(): ConfigDef {
    return REPLACE_FIELD_CONFIG_DEF;
  }

  close(): void {}
}

ReplaceField.Key = class extends ReplaceField {
  constructor() {
    super('key');
  }
};
ReplaceField.Value = class extends ReplaceField {
  constructor() {
    super('value');
  }
};
