/**
 * The plugins a connector config can name (connectors, converters, transformations, predicates), by Kafka's
 * class names, and the aliases Kafka's plugin scanner derives from them (PluginUtils.computeAliases): a
 * plugin's simple class name, and that name without its kind's suffix ("Connector" for connectors, else the
 * kind's name: "Converter", "HeaderConverter", "Transformation", "Predicate"), each registered only when no
 * other plugin shares it. Nested `$Key` / `$Value` classes have the simple names "Key" and "Value", which every such pair
 * shares, so they have no alias: `InsertField$Value` is not a class Kafka can load either.
 */
import { Cast } from './cast.ts';
import { ExtractField, HoistField, MaskField, ValueToKey } from './field-transforms.ts';
import { InsertField } from './insert-field.ts';
import { ReplaceField } from './replace-field.ts';
import {
  Filter,
  HasHeaderKey,
  RecordIsTombstone,
  RegexRouter,
  TimestampRouter,
  TopicNameMatches,
} from './routers.ts';
import type { Predicate, Transformation } from './transformation.ts';
import type { SourceConnector } from '../connector/source-connector.ts';
import type { SinkConnector } from '../connector/sink-connector.ts';
import type { Converter, HeaderConverter } from '../storage/converter.ts';

/** What each kind of plugin instantiates to. */
export interface PluginInstances {
  Transformation: Transformation;
  Predicate: Predicate;
  SourceConnector: SourceConnector;
  SinkConnector: SinkConnector;
  Converter: Converter;
  HeaderConverter: HeaderConverter;
}

export type PluginKind = keyof PluginInstances;

/** A loadable plugin of one kind. A class that is two kinds (JsonConverter) is listed once per kind. */
export type ConcretePluginDesc = {
  [K in PluginKind]: { className: string; kind: K; create: () => PluginInstances[K]; version?: string };
}[PluginKind];

export type PluginDesc =
  | ConcretePluginDesc
  /** An abstract class: naming it is an error that suggests its concrete nested classes. */
  | { className: string; kind: PluginKind; abstractOf: readonly string[] };

const TRANSFORMS = 'org.apache.kafka.connect.transforms';
const PREDICATES = `${TRANSFORMS}.predicates`;

function keyValue(
  name: string,
  variants: { Key: new () => Transformation; Value: new () => Transformation },
): PluginDesc[] {
  const className = `${TRANSFORMS}.${name}`;
  return [
    { className, kind: 'Transformation', abstractOf: [`${className}$Key`, `${className}$Value`] },
    { className: `${className}$Key`, kind: 'Transformation', create: () => new variants.Key() },
    { className: `${className}$Value`, kind: 'Transformation', create: () => new variants.Value() },
  ];
}

export const BUILT_IN_PLUGINS: readonly PluginDesc[] = [
  ...keyValue('Cast', Cast),
  ...keyValue('ExtractField', ExtractField),
  ...keyValue('HoistField', HoistField),
  ...keyValue('InsertField', InsertField),
  ...keyValue('MaskField', MaskField),
  ...keyValue('ReplaceField', ReplaceField),
  { className: `${TRANSFORMS}.ValueToKey`, kind: 'Transformation', create: () => new ValueToKey() },
  { className: `${TRANSFORMS}.RegexRouter`, kind: 'Transformation', create: () => new RegexRouter() },
  { className: `${TRANSFORMS}.TimestampRouter`, kind: 'Transformation', create: () => new TimestampRouter() },
  { className: `${TRANSFORMS}.Filter`, kind: 'Transformation', create: () => new Filter() },
  { className: `${PREDICATES}.TopicNameMatches`, kind: 'Predicate', create: () => new TopicNameMatches() },
  { className: `${PREDICATES}.HasHeaderKey`, kind: 'Predicate', create: () => new HasHeaderKey() },
  { className: `${PREDICATES}.RecordIsTombstone`, kind: 'Predicate', create: () => new RecordIsTombstone() },
];

/** Class.getSimpleName: the name after the package and after the enclosing class. */
export function simpleName(className: string): string {
  const afterPackage = className.slice(className.lastIndexOf('.') + 1);
  return afterPackage.slice(afterPackage.lastIndexOf('$') + 1);
}

function prunedName(plugin: PluginDesc): string {
  const simple = simpleName(plugin.className);
  const suffix =
    plugin.kind === 'SourceConnector' || plugin.kind === 'SinkConnector' ? 'Connector' : plugin.kind;
  const position = simple.lastIndexOf(suffix);
  return position > 0 ? simple.slice(0, position) : simple;
}

export class Plugins {
  /** Every plugin of a class name: one per kind (JsonConverter is a Converter and a HeaderConverter). */
  private readonly byClassName = new Map<string, PluginDesc[]>();
  private readonly aliasToClassName = new Map<string, string>();

  constructor(plugins: readonly PluginDesc[] = BUILT_IN_PLUGINS) {
    const concrete = plugins.filter((plugin) => !('abstractOf' in plugin));
    const claims = new Map<string, Set<string>>();
    for (const plugin of plugins)
      this.byClassName.set(plugin.className, [...(this.byClassName.get(plugin.className) ?? []), plugin]);
    for (const plugin of concrete) {
      for (const alias of [simpleName(plugin.className), prunedName(plugin)]) {
        const claimants = claims.get(alias) ?? new Set();
        claimants.add(plugin.className);
        claims.set(alias, claimants);
      }
    }
    for (const plugin of concrete) {
      for (const alias of [simpleName(plugin.className), prunedName(plugin)]) {
        if (claims.get(alias)?.size === 1) this.aliasToClassName.set(alias, plugin.className);
      }
    }
  }

  /**
   * The plugin a class name or alias names, as the plugin class loader resolves it: of `kind` when the class
   * is that kind, else its first kind (so the caller can say "Not a ...").
   */
  resolve(name: string, kind?: PluginKind): PluginDesc | undefined {
    const candidates = this.byClassName.get(this.aliasToClassName.get(name) ?? name);
    return candidates?.find((plugin) => plugin.kind === kind) ?? candidates?.[0];
  }

  /** A concrete plugin of `kind` by class name or alias; undefined when there is none. */
  concrete<K extends PluginKind>(
    name: string,
    kind: K,
  ): Extract<ConcretePluginDesc, { kind: K }> | undefined {
    const plugin = this.resolve(name, kind);
    if (plugin === undefined || plugin.kind !== kind || 'abstractOf' in plugin) return undefined;
    return plugin as Extract<ConcretePluginDesc, { kind: K }>;
  }

  aliases(): ReadonlyMap<string, string> {
    return this.aliasToClassName;
  }

  transformations(): string[] {
    return this.classNamesOf('Transformation');
  }

  predicates(): string[] {
    return this.classNamesOf('Predicate');
  }

  /** Every concrete plugin, in registration order. */
  all(): ConcretePluginDesc[] {
    return [...this.byClassName.values()]
      .flat()
      .filter((plugin): plugin is ConcretePluginDesc => !('abstractOf' in plugin));
  }

  classNamesOf(kind: PluginKind): string[] {
    return this.all()
      .filter((plugin) => plugin.kind === kind)
      .map((plugin) => plugin.className);
  }
}
