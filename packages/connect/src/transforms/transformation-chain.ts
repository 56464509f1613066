/**
 * A connector config's transformation chain (runtime ConnectorConfig: `enrich` then `transformationStages`):
 *
 *   transforms=a,b                     aliases, in order; duplicates are an error
 *   transforms.a.type=<class or alias> a Transformation
 *   transforms.a.<key>=...             the transformation's own config, validated by its ConfigDef
 *   transforms.a.predicate=p           optional; p must be listed in `predicates`
 *   transforms.a.negate=true           only with a predicate
 *   predicates=p
 *   predicates.p.type=<class or alias> a Predicate, plus its own config under `predicates.p.`
 *
 * Each stage gets its own predicate instance, as in Kafka. Messages are Kafka's, including its quirks: a
 * missing type reads "Invalid value null ... Not a Transformation", and a predicate alias that `predicates`
 * does not list fails when the stages are built, as "Unknown configuration 'predicates.p.type'".
 */
import { AbstractConfig, originalsWithPrefix } from '../config/abstract-config.ts';
import { ConfigDef, NO_DEFAULT_VALUE, parseType } from '../config/config-def.ts';
import type { Validator } from '../config/config-def.ts';
import { CompositeValidator, LambdaValidator, NonNullValidator } from '../config/validators.ts';
import { ConfigException, ConnectException } from '../errors.ts';
import { Plugins } from './plugins.ts';
import type { PluginDesc, PluginKind } from './plugins.ts';
import { TransformationStage } from './transformation.ts';
import type { Predicate, Transformation } from './transformation.ts';

export const TRANSFORMS_CONFIG = 'transforms';
export const PREDICATES_CONFIG = 'predicates';
export const PREDICATE_CONFIG = 'predicate';
export const NEGATE_CONFIG = 'negate';

function aliasValidator(kind: string): Validator {
  return CompositeValidator.of(
    NonNullValidator,
    LambdaValidator.with(
      (name, value) => {
        const aliases = value as string[];
        if (new Set(aliases).size < aliases.length) {
          throw new ConfigException(name, value, 'Duplicate alias provided.');
        }
      },
      () => `unique ${kind} aliases`,
    ),
  );
}

/** The chain's part of ConnectorConfig's ConfigDef, before enrichment with each alias's keys. */
export const TRANSFORMATION_CHAIN_CONFIG_DEF = new ConfigDef()
  .define({
    name: TRANSFORMS_CONFIG,
    type: 'LIST',
    defaultValue: [],
    validator: aliasValidator('transformation'),
    importance: 'LOW',
    documentation: 'Aliases for the transformations to be applied to records.',
    group: 'Transforms',
    displayName: 'Transforms',
  })
  .define({
    name: PREDICATES_CONFIG,
    type: 'LIST',
    defaultValue: [],
    validator: aliasValidator('predicate'),
    importance: 'LOW',
    documentation: 'Aliases for the predicates used by transformations.',
    group: 'Predicates',
    displayName: 'Predicates',
  });

/** A parsed `type` value that could name a class: "class <name>" as String.valueOf(Class) prints it. */
function classString(className: string | null): string {
  return className === null ? 'null' : `class ${className}`;
}

/** EnrichablePlugin.getConfigDefFromConfigProvidingClass: the plugin a `type` names, or Kafka's error. */
function requirePlugin(plugins: Plugins, kind: PluginKind, key: string, value: unknown): PluginDesc {
  const name = parseType(key, value ?? null, 'CLASS') as string | null;
  if (name === null) throw new ConfigException(key, 'null', `Not a ${kind}`);
  const plugin = plugins.resolve(name, kind);
  if (plugin === undefined) throw new ConfigException(key, name, `Class ${name} could not be found.`);
  if (plugin.kind !== kind) throw new ConfigException(key, classString(plugin.className), `Not a ${kind}`);
  if ('abstractOf' in plugin) {
    throw new ConfigException(
      key,
      classString(plugin.className),
      `${kind} is abstract and cannot be created. Did you mean ${plugin.abstractOf.join(', ')}?`,
    );
  }
  return plugin;
}

function instantiate(plugin: PluginDesc): Transformation | Predicate {
  if ('abstractOf' in plugin) throw new ConnectException(`${plugin.className} is abstract`);
  return plugin.create() as Transformation | Predicate;
}

/**
 * ConnectorConfig.enrich: the chain's ConfigDef plus, for each alias, its `type` key and the plugin's own
 * keys embedded under its prefix. Throws on the first unusable alias, as a worker does with requireFullConfig.
 */
export function enrichTransformationChain(
  props: Readonly<Record<string, string>>,
  plugins: Plugins = new Plugins(),
  base: ConfigDef = TRANSFORMATION_CHAIN_CONFIG_DEF,
): ConfigDef {
  const enriched = new ConfigDef();
  for (const key of base.configKeys().values()) enriched.define(key);
  const enrichAliases = (aliasConfig: string, kind: PluginKind, group: string): void => {
    const aliases = parseType(aliasConfig, props[aliasConfig] ?? null, 'LIST') as string[] | null;
    if (aliases === null) return;
    for (const alias of new Set(aliases)) {
      const prefix = `${aliasConfig}.${alias}.`;
      const typeConfig = `${prefix}type`;
      const kindName = kind.toLowerCase();
      if (kind === 'Transformation') validateNegate(props, prefix);
      enriched.define({
        name: typeConfig,
        type: 'CLASS',
        defaultValue: NO_DEFAULT_VALUE,
        importance: 'HIGH',
        documentation: `Class for the '${alias}' ${kindName}.`,
        group: `${group}: ${alias}`,
        orderInGroup: 0,
        width: 'LONG',
        displayName: `${kind} type for ${alias}`,
      });
      const plugin = requirePlugin(plugins, kind, typeConfig, props[typeConfig]);
      const own = instantiate(plugin).config();
      const embedded = new ConfigDef();
      if (kind === 'Transformation') {
        embedded
          .define({
            name: PREDICATE_CONFIG,
            type: 'STRING',
            defaultValue: null,
            importance: 'MEDIUM',
            documentation: 'The alias of a predicate used to determine whether to apply this transformation.',
          })
          .define({
            name: NEGATE_CONFIG,
            type: 'BOOLEAN',
            defaultValue: false,
            importance: 'MEDIUM',
            documentation: 'Whether the configured predicate should be negated.',
          });
      }
      for (const key of own.configKeys().values()) {
        if (kind === 'Transformation' && (key.name === PREDICATE_CONFIG || key.name === NEGATE_CONFIG))
          continue;
        embedded.define(key);
      }
      enriched.embed(prefix, `${group}: ${alias}`, 1, embedded);
    }
  };
  enrichAliases(TRANSFORMS_CONFIG, 'Transformation', 'Transforms');
  enrichAliases(PREDICATES_CONFIG, 'Predicate', 'Predicates');
  return enriched;
}

function validateNegate(props: Readonly<Record<string, string>>, prefix: string): void {
  const negate = `${prefix}${NEGATE_CONFIG}`;
  const predicate = `${prefix}${PREDICATE_CONFIG}`;
  if (Object.hasOwn(props, negate) && !Object.hasOwn(props, predicate)) {
    throw new ConfigException(
      `Config '${negate}' was provided but there is no config '${predicate}' defining a predicate to be negated.`,
    );
  }
}

/**
 * Parses and validates a connector config's chain and builds its stages, configured, in `transforms` order.
 * Validation failures are ConfigExceptions; failures while building a stage are wrapped in a
 * ConnectException as ConnectorConfig.transformationStages wraps them.
 */
export function transformationStages(
  props: Readonly<Record<string, string>>,
  plugins: Plugins = new Plugins(),
): TransformationStage[] {
  const config = new AbstractConfig(enrichTransformationChain(props, plugins), props);
  const stages: TransformationStage[] = [];
  for (const alias of config.getList(TRANSFORMS_CONFIG) ?? []) {
    const prefix = `${TRANSFORMS_CONFIG}.${alias}.`;
    try {
      const transformation = instantiate(
        requirePlugin(plugins, 'Transformation', `${prefix}type`, config.getClass(`${prefix}type`)),
      ) as Transformation;
      const settings = originalsWithPrefix(props, prefix);
      const predicateAlias = settings[PREDICATE_CONFIG];
      const negate = settings[NEGATE_CONFIG];
      delete settings[PREDICATE_CONFIG];
      delete settings[NEGATE_CONFIG];
      transformation.configure(settings);
      if (predicateAlias === undefined || predicateAlias === null) {
        stages.push(new TransformationStage(transformation));
        continue;
      }
      const predicatePrefix = `${PREDICATES_CONFIG}.${String(predicateAlias)}.`;
      const predicate = instantiate(
        requirePlugin(
          plugins,
          'Predicate',
          `${predicatePrefix}type`,
          config.getClass(`${predicatePrefix}type`),
        ),
      ) as Predicate;
      predicate.configure(originalsWithPrefix(props, predicatePrefix));
      stages.push(
        new TransformationStage(
          transformation,
          predicate,
          negate !== undefined && String(negate).toLowerCase() === 'true',
        ),
      );
    } catch (error) {
      throw new ConnectException(
        error instanceof ConfigException
          ? `org.apache.kafka.common.config.ConfigException: ${error.message}`
          : String(error),
        { cause: error },
      );
    }
  }
  return stages;
}
