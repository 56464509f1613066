/**
 * The create-topic form's values, turned into the API's input and checked with the shared schema
 * (createTopicInputFor), so the form refuses exactly what the API and the CLI refuse. The schema's issues come
 * back keyed by the form field they belong to: a config's issue lands on the field or row that set it.
 */
import { createTopicInputFor, type CreateTopicInput } from '@sluice/validators';

export const CLEANUP_POLICIES = [
  { value: 'delete', label: 'delete: drop old segments by retention' },
  { value: 'compact', label: 'compact: keep the latest record per key' },
  { value: 'compact,delete', label: 'compact,delete: both' },
] as const;

/** The retention field's choice: the cluster's default, a preset's retention.ms, or a value typed in. */
export const DEFAULT_RETENTION = '';
export const CUSTOM_RETENTION = 'custom';

/** Configs with a field of their own; "other configs" rows may not set them again. */
const OWN_FIELDS: Record<string, string> = {
  'cleanup.policy': 'cleanupPolicy',
  'min.insync.replicas': 'minInsyncReplicas',
  'retention.ms': 'retention',
};

export interface CreateTopicFormValues {
  name: string;
  /** Numbers as typed: an empty or partial entry is kept and reported, not turned into 0. */
  partitions: string;
  replicationFactor: string;
  /** Empty: the cluster's default. */
  cleanupPolicy: string;
  /** DEFAULT_RETENTION, CUSTOM_RETENTION, or a preset's retention.ms. */
  retention: string;
  customRetentionMs: string;
  /** Empty: the cluster's default. */
  minInsyncReplicas: string;
  otherConfigs: { name: string; value: string }[];
}

export const EMPTY_CREATE_TOPIC_FORM: CreateTopicFormValues = {
  name: '',
  partitions: '1',
  replicationFactor: '1',
  cleanupPolicy: '',
  retention: DEFAULT_RETENTION,
  customRetentionMs: '',
  minInsyncReplicas: '',
  otherConfigs: [],
};

/** Messages by form field path ("name", "otherConfigs.2.value"); the first problem found for a field wins. */
export type CreateTopicFieldErrors = Record<string, string>;

export type CreateTopicCheck =
  { ok: true; input: CreateTopicInput } | { ok: false; errors: CreateTopicFieldErrors };

function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

export function checkCreateTopic(values: CreateTopicFormValues, liveBrokers: number): CreateTopicCheck {
  const errors: CreateTopicFieldErrors = {};
  const report = (field: string, message: string) => {
    errors[field] ??= message;
  };

  const partitions = wholeNumber(values.partitions);
  if (Number.isNaN(partitions)) report('partitions', 'enter a whole number of partitions');
  const replicationFactor = wholeNumber(values.replicationFactor);
  if (Number.isNaN(replicationFactor)) report('replicationFactor', 'enter a whole number of replicas');

  const configs: Record<string, string> = {};
  /** Which field set each config, to put the schema's issues about it there. */
  const fieldOfConfig = new Map<string, string>();
  const setConfig = (name: string, value: string, field: string) => {
    configs[name] = value;
    fieldOfConfig.set(name, field);
  };
  if (values.cleanupPolicy !== '') setConfig('cleanup.policy', values.cleanupPolicy, 'cleanupPolicy');
  if (values.retention === CUSTOM_RETENTION) {
    if (values.customRetentionMs.trim() === '')
      report('customRetentionMs', 'enter retention.ms in milliseconds (-1: forever)');
    else setConfig('retention.ms', values.customRetentionMs.trim(), 'customRetentionMs');
  } else if (values.retention !== DEFAULT_RETENTION) {
    setConfig('retention.ms', values.retention, 'retention');
  }
  if (values.minInsyncReplicas.trim() !== '')
    setConfig('min.insync.replicas', values.minInsyncReplicas.trim(), 'minInsyncReplicas');

  values.otherConfigs.forEach((row, index) => {
    const name = row.name.trim();
    if (name === '' && row.value === '') return;
    if (name === '') {
      report(`otherConfigs.${index}.name`, 'enter the config’s name, or remove the row');
      return;
    }
    if (name in OWN_FIELDS) {
      report(`otherConfigs.${index}.name`, `set ${name} in its own field above`);
      return;
    }
    if (fieldOfConfig.has(name)) {
      report(`otherConfigs.${index}.name`, `${name} is already set in another row`);
      return;
    }
    setConfig(name, row.value, `otherConfigs.${index}.value`);
  });

  const schema = createTopicInputFor(liveBrokers);
  const parsed = schema.safeParse({
    name: values.name,
    partitions,
    replicationFactor,
    configs,
    validateOnly: false,
  });
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, input: parsed.data };

  const issues = parsed.error?.issues ?? [];
  // zod checks the cross-field guardrails only once every field is well formed. So that all problems show at
  // once, they are checked again with stand-ins for the name, the partitions and any config with a bad name.
  if (!issues.some((issue) => issue.code === 'custom') && Number.isInteger(replicationFactor)) {
    const badNames = new Set(
      issues.filter((issue) => issue.code === 'invalid_key').map((issue) => issue.path[1]),
    );
    const standIn = schema.safeParse({
      name: 'stand-in',
      partitions: 1,
      replicationFactor,
      configs: Object.fromEntries(Object.entries(configs).filter(([name]) => !badNames.has(name))),
    });
    issues.push(...(standIn.error?.issues.filter((issue) => issue.code === 'custom') ?? []));
  }

  for (const issue of issues) {
    const [head, configName] = issue.path;
    if (head === 'configs' && typeof configName === 'string') {
      const field = fieldOfConfig.get(configName) ?? 'root';
      // A bad name in a row: the issue is the key's, its message inside (zod's own says only "Invalid key").
      if (issue.code === 'invalid_key')
        report(field.replace(/\.value$/, '.name'), issue.issues[0]?.message ?? issue.message);
      else report(field, issue.message);
    } else if (head === 'name' || head === 'partitions' || head === 'replicationFactor') {
      report(head, issue.message);
    } else {
      report('root', issue.message);
    }
  }
  return { ok: false, errors };
}
