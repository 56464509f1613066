/**
 * What the new-connector form sends and shows: the config built from the typed values (blank means "the
 * plugin's default", so it is left out), and Kafka Connect's validation (ConfigInfos) as errors per config.
 */

/** The fields every connector takes, whatever its plugin: the plugin's own definition (KIP-769) lacks them. */
export const COMMON_FIELDS = [
  {
    name: 'tasks.max',
    type: 'INT',
    required: false,
    default_value: '1',
    importance: 'HIGH',
    documentation: 'Maximum number of tasks to use for this connector.',
    group: 'Common',
    order: 1,
    width: 'SHORT',
    display_name: 'Tasks max',
    dependents: [],
  },
] as const;

export type InputKind = 'boolean' | 'password' | 'number' | 'text';

/** ConfigDef.Type as an input: BOOLEAN a choice, PASSWORD hidden, numbers numeric, the rest (LIST, CLASS, ...) text. */
export function inputKind(type: string): InputKind {
  switch (type.toUpperCase()) {
    case 'BOOLEAN':
      return 'boolean';
    case 'PASSWORD':
      return 'password';
    case 'INT':
    case 'SHORT':
    case 'LONG':
    case 'DOUBLE':
      return 'number';
    default:
      return 'text';
  }
}

/** `name=value` lines for configs the form has no field for; blank lines and `#` comments are skipped. */
export function parseExtraConfigs(text: string): { configs: Record<string, string>; errors: string[] } {
  const configs: Record<string, string> = {};
  const errors: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const separator = line.indexOf('=');
    if (separator <= 0) errors.push(`line ${index + 1}: expected name=value, got "${line}"`);
    else configs[line.slice(0, separator).trim()] = line.slice(separator + 1).trim();
  });
  return { configs, errors };
}

/** The connector's config: its class and name, then every non-blank value, the extra lines last. */
export function connectorConfigFrom(
  plugin: string,
  name: string,
  values: Readonly<Record<string, string>>,
  extra: Readonly<Record<string, string>>,
): Record<string, string> {
  const config: Record<string, string> = { 'connector.class': plugin, name: name.trim() };
  for (const [key, value] of Object.entries(values)) if (value.trim() !== '') config[key] = value.trim();
  return { ...config, ...extra };
}

interface ConfigInfosLike {
  error_count: number;
  configs: { value: { name: string; errors: string[] } | null }[];
}

/** Kafka Connect's validation errors by config name, only for configs that have some. */
export function validationErrors(result: ConfigInfosLike): Map<string, string[]> {
  const errors = new Map<string, string[]>();
  for (const { value } of result.configs)
    if (value && value.errors.length > 0) errors.set(value.name, value.errors);
  return errors;
}
