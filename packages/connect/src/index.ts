/**
 * @sluice/connect: Kafka Connect's plugin API and data model in TypeScript. Connectors, converters and
 * transformations written against these types behave as their Java counterparts do; names, config keys,
 * defaults and error messages are Kafka's.
 */
export * from './errors.ts';
export * from './data/schema.ts';
export * from './data/struct.ts';
export * from './data/logical-types.ts';
export * from './data/logical-names.ts';
export * from './data/big-decimal.ts';
export * from './data/schema-and-value.ts';
export * from './data/java-numbers.ts';
export * from './config/config-def.ts';
export * from './config/abstract-config.ts';
export * from './config/validators.ts';
export * from './config/config-infos.ts';
export * from './header/headers.ts';
export * from './connector/connect-record.ts';
export * from './storage/converter.ts';
export * from './storage/string-converter.ts';
export * from './storage/byte-array-converter.ts';
export * from './json/json-converter.ts';
export * from './connector/connector.ts';
export * from './connector/source-connector.ts';
export * from './connector/sink-connector.ts';
export {
  SimpleConfig,
  TransformationStage,
  applyChain,
  copySchemaBasics,
  requireMap,
  requireMapOrNull,
  requireSchema,
  requireSinkRecord,
  requireStruct,
  requireStructOrNull,
  type Predicate,
  type RecordSide,
  type Transformation,
} from './transforms/transformation.ts';
export * from './transforms/insert-field.ts';
export * from './transforms/replace-field.ts';
export * from './transforms/field-transforms.ts';
export * from './transforms/cast.ts';
export * from './transforms/routers.ts';
export * from './transforms/plugins.ts';
export * from './transforms/transformation-chain.ts';
export * from './transforms/java-regex.ts';
export * as distributed from './runtime/distributed/index.ts';
