/**
 * A connector's settings (ConnectorConfig, SourceConnectorConfig, SinkConnectorConfig), by Kafka's names,
 * defaults and messages, and the validation the REST API's validate endpoint and a create both run
 * (AbstractHerder.validateConnectorConfig): the runtime's keys, the transformation chain's, then the
 * connector's own ConfigDef, every problem reported against its key.
 */
import { ConfigDef, type ConfigValue } from '../config/config-def.ts';
import { generateResult, type ConfigInfos } from '../config/config-infos.ts';
import { NonEmptyStringWithoutControlChars, Range, ValidString } from '../config/validators.ts';
import type { Connector } from '../connector/connector.ts';
import { SinkConnector } from '../connector/sink-connector.ts';
import type { Plugins } from '../transforms/plugins.ts';
import {
  enrichTransformationChain,
  TRANSFORMATION_CHAIN_CONFIG_DEF,
} from '../transforms/transformation-chain.ts';

export const NAME_CONFIG = 'name';
export const CONNECTOR_CLASS_CONFIG = 'connector.class';
export const TASKS_MAX_CONFIG = 'tasks.max';
export const TOPICS_CONFIG = 'topics';
export const TOPICS_REGEX_CONFIG = 'topics.regex';
export const DLQ_TOPIC_NAME_CONFIG = 'errors.deadletterqueue.topic.name';

const COMMON_GROUP = 'Common';
const ERROR_GROUP = 'Error Handling';

function commonDef(): ConfigDef {
  return new ConfigDef()
    .define({
      name: NAME_CONFIG,
      type: 'STRING',
      validator: NonEmptyStringWithoutControlChars,
      importance: 'HIGH',
      documentation: 'Globally unique name to use for this connector.',
      group: COMMON_GROUP,
      orderInGroup: 1,
      width: 'MEDIUM',
      displayName: 'Connector name',
    })
    .define({
      name: CONNECTOR_CLASS_CONFIG,
      type: 'STRING',
      importance: 'HIGH',
      documentation:
        'Name or alias of the class for this connector. Must be a subclass of org.apache.kafka.connect.connector.Connector. If the connector is org.apache.kafka.connect.file.FileStreamSinkConnector, you can either specify this full name,  or use "FileStreamSink" or "FileStreamSinkConnector" to make the configuration a bit shorter',
      group: COMMON_GROUP,
      orderInGroup: 2,
      width: 'LONG',
      displayName: 'Connector class',
    })
    .define({
      name: TASKS_MAX_CONFIG,
      type: 'INT',
      defaultValue: 1,
      validator: Range.atLeast(1),
      importance: 'HIGH',
      documentation: 'Maximum number of tasks to use for this connector.',
      group: COMMON_GROUP,
      orderInGroup: 3,
      width: 'SHORT',
      displayName: 'Tasks max',
    })
    .define({
      name: 'key.converter',
      type: 'CLASS',
      defaultValue: null,
      importance: 'LOW',
      documentation:
        'Converter class used to convert between Kafka Connect format and the serialized form that is written to Kafka. This controls the format of the keys in messages written to or read from Kafka, and since this is independent of connectors it allows any connector to work with any serialization format.',
      group: COMMON_GROUP,
      orderInGroup: 5,
      width: 'SHORT',
      displayName: 'Key converter class',
    })
    .define({
      name: 'value.converter',
      type: 'CLASS',
      defaultValue: null,
      importance: 'LOW',
      documentation:
        'Converter class used to convert between Kafka Connect format and the serialized form that is written to Kafka. This controls the format of the values in messages written to or read from Kafka, and since this is independent of connectors it allows any connector to work with any serialization format.',
      group: COMMON_GROUP,
      orderInGroup: 6,
      width: 'SHORT',
      displayName: 'Value converter class',
    })
    .define({
      name: 'header.converter',
      type: 'CLASS',
      defaultValue: null,
      importance: 'LOW',
      documentation:
        'HeaderConverter class used to convert between Kafka Connect format and the serialized form that is written to Kafka.',
      group: COMMON_GROUP,
      orderInGroup: 7,
      width: 'SHORT',
      displayName: 'Header converter class',
    })
    .define({
      name: 'errors.retry.timeout',
      type: 'LONG',
      defaultValue: 0,
      importance: 'MEDIUM',
      documentation:
        'The maximum duration in milliseconds that a failed operation will be reattempted. The default is 0, which means no retries will be attempted. Use -1 for infinite retries.',
      group: ERROR_GROUP,
      orderInGroup: 1,
      width: 'MEDIUM',
      displayName: 'Retry Timeout for Errors',
    })
    .define({
      name: 'errors.retry.delay.max.ms',
      type: 'LONG',
      defaultValue: 60000,
      importance: 'MEDIUM',
      documentation:
        'The maximum duration in milliseconds between consecutive retry attempts. Jitter will be added to the delay once this limit is reached to prevent thundering herd issues.',
      group: ERROR_GROUP,
      orderInGroup: 2,
      width: 'MEDIUM',
      displayName: 'Maximum Delay Between Retries for Errors',
    })
    .define({
      name: 'errors.tolerance',
      type: 'STRING',
      defaultValue: 'none',
      validator: ValidString.in('none', 'all'),
      importance: 'MEDIUM',
      documentation:
        "Behavior for tolerating errors during connector operation. 'none' is the default value and signals that any error will result in an immediate connector task failure; 'all' changes the behavior to skip over problematic records.",
      group: ERROR_GROUP,
      orderInGroup: 3,
      width: 'SHORT',
      displayName: 'Error Tolerance',
    })
    .define({
      name: 'errors.log.enable',
      type: 'BOOLEAN',
      defaultValue: false,
      importance: 'MEDIUM',
      documentation:
        "If true, write each error and the details of the failed operation and problematic record to the Connect application log. This is 'false' by default, so that only errors that are not tolerated are reported.",
      group: ERROR_GROUP,
      orderInGroup: 4,
      width: 'SHORT',
      displayName: 'Log Errors',
    })
    .define({
      name: 'errors.log.include.messages',
      type: 'BOOLEAN',
      defaultValue: false,
      importance: 'MEDIUM',
      documentation:
        "Whether to include in the log the Connect record that resulted in a failure. For sink records, the topic, partition, offset, and timestamp will be logged. For source records, the key and value (and their schemas), all headers, and the timestamp, Kafka topic, Kafka partition, source partition, and source offset will be logged. This is 'false' by default, which will prevent record keys, values, and headers from being written to log files.",
      group: ERROR_GROUP,
      orderInGroup: 5,
      width: 'SHORT',
      displayName: 'Log Error Details',
    });
}

function withChain(def: ConfigDef): ConfigDef {
  for (const key of TRANSFORMATION_CHAIN_CONFIG_DEF.configKeys().values()) def.define(key);
  return def;
}

export const SOURCE_CONNECTOR_CONFIG_DEF = withChain(commonDef());

export const SINK_CONNECTOR_CONFIG_DEF = withChain(
  commonDef()
    .define({
      name: TOPICS_CONFIG,
      type: 'LIST',
      defaultValue: '',
      importance: 'HIGH',
      documentation: 'List of topics to consume, separated by commas',
      group: COMMON_GROUP,
      orderInGroup: 4,
      width: 'LONG',
      displayName: 'Topics',
    })
    .define({
      name: TOPICS_REGEX_CONFIG,
      type: 'STRING',
      defaultValue: '',
      importance: 'HIGH',
      documentation:
        'Regular expression giving topics to consume. Under the hood, the regex is compiled to a <code>java.util.regex.Pattern</code>. Only one of topics or topics.regex should be specified.',
      group: COMMON_GROUP,
      orderInGroup: 4,
      width: 'LONG',
      displayName: 'Topics regex',
    })
    .define({
      name: DLQ_TOPIC_NAME_CONFIG,
      type: 'STRING',
      defaultValue: '',
      importance: 'MEDIUM',
      documentation:
        'The name of the topic to be used as the dead letter queue (DLQ) for messages that result in an error when processed by this sink connector, or its transformations or converters. The topic name is blank by default, which means that no messages are to be recorded in the DLQ.',
      group: ERROR_GROUP,
      orderInGroup: 6,
      width: 'MEDIUM',
      displayName: 'Dead Letter Queue Topic Name',
    })
    .define({
      name: 'errors.deadletterqueue.topic.replication.factor',
      type: 'SHORT',
      defaultValue: 3,
      importance: 'MEDIUM',
      documentation:
        "Replication factor used to create the dead letter queue topic when it doesn't already exist.",
      group: ERROR_GROUP,
      orderInGroup: 7,
      width: 'MEDIUM',
      displayName: 'Dead Letter Queue Topic Replication Factor',
    })
    .define({
      name: 'errors.deadletterqueue.context.headers.enable',
      type: 'BOOLEAN',
      defaultValue: false,
      importance: 'MEDIUM',
      documentation:
        'If true, add headers containing error context to the messages written to the dead letter queue. To avoid clashing with headers from the original record, all error context header keys, all error context header keys will start with <code>__connect.errors.</code>',
      group: ERROR_GROUP,
      orderInGroup: 8,
      width: 'MEDIUM',
      displayName: 'Enable Error Context Headers',
    }),
);

export type ConnectorType = 'source' | 'sink';

export function connectorType(connector: Connector): ConnectorType {
  return connector instanceof SinkConnector ? 'sink' : 'source';
}

/** SinkConnectorConfig.validate's cross-key rules, as messages for `topics` / `topics.regex` / the DLQ key. */
function sinkTopicErrors(props: Readonly<Record<string, string>>): Map<string, string> {
  const errors = new Map<string, string>();
  const topics = (props[TOPICS_CONFIG] ?? '')
    .split(',')
    .map((topic) => topic.trim())
    .filter((topic) => topic !== '');
  const regex = (props[TOPICS_REGEX_CONFIG] ?? '').trim();
  if (topics.length > 0 && regex !== '') {
    const message = `${TOPICS_CONFIG} and ${TOPICS_REGEX_CONFIG} are mutually exclusive options, but both are set.`;
    errors.set(TOPICS_CONFIG, message);
    errors.set(TOPICS_REGEX_CONFIG, message);
  } else if (topics.length === 0 && regex === '') {
    const message = `Must configure one of ${TOPICS_CONFIG} or ${TOPICS_REGEX_CONFIG}`;
    errors.set(TOPICS_CONFIG, message);
    errors.set(TOPICS_REGEX_CONFIG, message);
  }
  if (regex !== '') {
    try {
      new RegExp(regex);
    } catch (error) {
      errors.set(TOPICS_REGEX_CONFIG, `Invalid regex: ${(error as Error).message}`);
    }
  }
  const dlq = (props[DLQ_TOPIC_NAME_CONFIG] ?? '').trim();
  if (dlq !== '') {
    if (topics.includes(dlq))
      errors.set(
        DLQ_TOPIC_NAME_CONFIG,
        `The DLQ topic '${dlq}' may not be included in the list of topics ('${TOPICS_CONFIG}=${topics.join(',')}') consumed by the connector`,
      );
    else if (regex !== '' && safeTest(regex, dlq))
      errors.set(
        DLQ_TOPIC_NAME_CONFIG,
        `The DLQ topic '${dlq}' may not be included in the regex matching the topics ('${TOPICS_REGEX_CONFIG}=${regex}') consumed by the connector`,
      );
  }
  return errors;
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(text);
  } catch {
    return false;
  }
}

/**
 * Validates a connector config as AbstractHerder.validateConnectorConfig does and shapes the result as the
 * validate endpoint's ConfigInfos: the connector class's name, the error count, every group, and each key's
 * definition and value. An unloadable `connector.class` is reported against that key.
 */
export function validateConnectorConfig(
  props: Readonly<Record<string, string>>,
  plugins: Plugins,
  connector: Connector | null,
): ConfigInfos {
  const className = props[CONNECTOR_CLASS_CONFIG] ?? null;
  const type = connector === null ? null : connectorType(connector);
  const runtimeDef = type === 'sink' ? SINK_CONNECTOR_CONFIG_DEF : SOURCE_CONNECTOR_CONFIG_DEF;
  let enriched: ConfigDef = runtimeDef;
  const chainErrors: string[] = [];
  try {
    const chain = enrichTransformationChain(props, plugins, runtimeDef);
    enriched = chain;
  } catch (error) {
    chainErrors.push((error as Error).message);
  }
  const runtimeValues = enriched.validate(props);
  const byName = new Map<string, ConfigValue>(runtimeValues.map((value) => [value.name, value]));
  if (connector === null) {
    byName
      .get(CONNECTOR_CLASS_CONFIG)
      ?.addErrorMessage(
        className === null
          ? `Missing required configuration "${CONNECTOR_CLASS_CONFIG}" which has no default value.`
          : `Failed to find any class that implements Connector and which name matches ${className}`,
      );
  }
  if (chainErrors.length > 0) byName.get('transforms')?.addErrorMessage(chainErrors.join('; '));
  if (type === 'sink')
    for (const [key, message] of sinkTopicErrors(props)) byName.get(key)?.addErrorMessage(message);

  const keys = new Map(enriched.configKeys());
  const values = [...runtimeValues];
  const groups = [...enriched.groups()];
  if (connector !== null) {
    let own: ConfigDef | null = null;
    try {
      own = connector.config();
      const ownValues = connector.validate(props).configValues();
      for (const value of ownValues) {
        if (keys.has(value.name)) {
          const existing = byName.get(value.name);
          for (const message of value.errorMessages) existing?.addErrorMessage(message);
        } else values.push(value);
      }
    } catch (error) {
      byName.get(CONNECTOR_CLASS_CONFIG)?.addErrorMessage((error as Error).message);
    }
    if (own !== null) {
      for (const [name, key] of own.configKeys()) if (!keys.has(name)) keys.set(name, key);
      for (const group of own.groups()) if (!groups.includes(group)) groups.push(group);
    }
  }
  return generateResult(className ?? '', keys, values, groups);
}

/** AbstractHerder.maybeAddConfigErrors: the message of a create or update's 400 for an invalid config. */
export function validationFailureMessage(infos: ConfigInfos): string | null {
  if (infos.error_count === 0) return null;
  const problems = infos.configs.flatMap((config) => config.value?.errors ?? []);
  return [
    `Connector configuration is invalid and contains the following ${infos.error_count} error(s):`,
    ...problems,
    'You can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`',
  ].join('\n');
}
