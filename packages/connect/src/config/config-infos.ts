/**
 * The body of Kafka Connect's `PUT /connector-plugins/{plugin}/config/validate` (ConfigInfos), built the way
 * AbstractHerder.generateResult builds it: one entry per defined key (definition + value), plus entries for
 * values reported without a definition, and the total error count.
 */
import type { ConfigDef, ConfigKey, ConfigType, ConfigValue } from './config-def.ts';
import { convertToString } from './config-def.ts';

export interface ConfigKeyInfo {
  name: string;
  type: ConfigType;
  required: boolean;
  default_value: string | null;
  importance: string;
  documentation: string;
  group: string | null;
  order: number;
  width: string;
  display_name: string;
  dependents: string[];
}

export interface ConfigValueInfo {
  name: string;
  value: string | null;
  recommended_values: string[];
  errors: string[];
  visible: boolean;
}

export interface ConfigInfo {
  definition: ConfigKeyInfo | null;
  value: ConfigValueInfo | null;
}

export interface ConfigInfos {
  name: string;
  error_count: number;
  groups: string[];
  configs: ConfigInfo[];
}

export function convertConfigKey(key: ConfigKey, prefix = ''): ConfigKeyInfo {
  return {
    name: prefix + key.name,
    type: key.type,
    required: !key.hasDefault(),
    default_value: key.hasDefault() ? convertToString(key.defaultValue, key.type) : null,
    importance: key.importance,
    documentation: key.documentation,
    group: key.group,
    order: key.orderInGroup,
    width: key.width,
    display_name: key.displayName,
    dependents: [...key.dependents],
  };
}

export function convertConfigValue(configValue: ConfigValue, type: ConfigType | null): ConfigValueInfo {
  const recommendedType = type === 'LIST' ? 'STRING' : type;
  return {
    name: configValue.name,
    value: convertToString(configValue.value, type),
    recommended_values: configValue.recommendedValues.map(
      (value) => convertToString(value, recommendedType) ?? '',
    ),
    errors: [...configValue.errorMessages],
    visible: configValue.visible,
  };
}

/** AbstractHerder.generateResult. */
export function generateResult(
  name: string,
  configKeys: ReadonlyMap<string, ConfigKey>,
  configValues: readonly ConfigValue[],
  groups: readonly string[],
): ConfigInfos {
  let errorCount = 0;
  const configs: ConfigInfo[] = [];
  const valuesByName = new Map<string, ConfigValue>();
  for (const configValue of configValues) {
    valuesByName.set(configValue.name, configValue);
    if (!configKeys.has(configValue.name)) {
      configs.push({ definition: null, value: convertConfigValue(configValue, null) });
      errorCount += configValue.errorMessages.length;
    }
  }
  for (const [configName, key] of configKeys) {
    const configValue = valuesByName.get(configName);
    if (configValue) errorCount += configValue.errorMessages.length;
    configs.push({
      definition: convertConfigKey(key),
      value: configValue ? convertConfigValue(configValue, key.type) : null,
    });
  }
  return { name, error_count: errorCount, groups: [...groups], configs };
}

/** Validates `props` against `configDef` and shapes the result as ConfigInfos for plugin `name`. */
export function validateToConfigInfos(
  name: string,
  configDef: ConfigDef,
  props: Readonly<Record<string, unknown>>,
): ConfigInfos {
  return generateResult(name, configDef.configKeys(), configDef.validate(props), configDef.groups());
}
