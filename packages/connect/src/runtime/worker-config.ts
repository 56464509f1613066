/**
 * The worker's settings (WorkerConfig, StandaloneConfig, DistributedConfig), by Kafka's names and defaults.
 * Unknown keys are kept: `producer.` / `consumer.` / `admin.` prefixed keys configure the worker's clients,
 * and `key.converter.` / `value.converter.` / `header.converter.` prefixed keys configure its converters.
 */
import { AbstractConfig } from '../config/abstract-config.ts';
import { ConfigDef } from '../config/config-def.ts';
import { Range, ValidString } from '../config/validators.ts';
import { overridePolicy } from './client-config-override.ts';

export type WorkerMode = 'standalone' | 'distributed';

export const TOPIC_TRACKING_ENABLE_CONFIG = 'topic.tracking.enable';
export const TOPIC_TRACKING_ALLOW_RESET_CONFIG = 'topic.tracking.allow.reset';

const COMMON = new ConfigDef()
  .define({
    name: 'bootstrap.servers',
    type: 'LIST',
    defaultValue: 'localhost:9092',
    importance: 'HIGH',
    documentation: 'A list of host/port pairs used to establish the initial connection to the Kafka cluster.',
  })
  .define({
    name: 'key.converter',
    type: 'CLASS',
    importance: 'HIGH',
    documentation:
      'Converter class used to convert between Kafka Connect format and the serialized form that is written to Kafka. This controls the format of the keys in messages written to or read from Kafka.',
  })
  .define({
    name: 'value.converter',
    type: 'CLASS',
    importance: 'HIGH',
    documentation:
      'Converter class used to convert between Kafka Connect format and the serialized form that is written to Kafka. This controls the format of the values in messages written to or read from Kafka.',
  })
  .define({
    name: 'header.converter',
    type: 'CLASS',
    defaultValue: 'org.apache.kafka.connect.storage.SimpleHeaderConverter',
    importance: 'LOW',
    documentation:
      'HeaderConverter class used to convert between Kafka Connect format and the serialized form that is written to Kafka.',
  })
  .define({
    name: 'task.shutdown.graceful.timeout.ms',
    type: 'LONG',
    defaultValue: 5000,
    importance: 'LOW',
    documentation: 'Amount of time to wait for tasks to shutdown gracefully.',
  })
  .define({
    name: 'offset.flush.interval.ms',
    type: 'LONG',
    defaultValue: 60000,
    importance: 'LOW',
    documentation: 'Interval at which to try committing offsets for tasks.',
  })
  .define({
    name: 'offset.flush.timeout.ms',
    type: 'LONG',
    defaultValue: 5000,
    importance: 'LOW',
    documentation:
      'Maximum number of milliseconds to wait for records to flush and partition offset data to be committed to offset storage before cancelling the process and restoring the offset data to be committed in a future attempt.',
  })
  .define({
    name: 'listeners',
    type: 'LIST',
    defaultValue: 'http://:8083',
    importance: 'LOW',
    documentation:
      'List of comma-separated URIs the REST API will listen on. The supported protocols are HTTP and HTTPS.',
  })
  .define({
    name: 'rest.advertised.host.name',
    type: 'STRING',
    defaultValue: null,
    importance: 'LOW',
    documentation:
      'If this is set, this is the hostname that will be given out to other workers to connect to.',
  })
  .define({
    name: 'rest.advertised.port',
    type: 'INT',
    defaultValue: null,
    importance: 'LOW',
    documentation: 'If this is set, this is the port that will be given out to other workers to connect to.',
  })
  .define({
    name: 'rest.advertised.listener',
    type: 'STRING',
    defaultValue: null,
    importance: 'LOW',
    documentation:
      'Sets the advertised listener (HTTP or HTTPS) which will be given to other workers to use.',
  })
  .define({
    name: 'plugin.path',
    type: 'LIST',
    defaultValue: null,
    importance: 'LOW',
    documentation:
      'List of paths separated by commas (,) that contain plugins (connectors, converters, transformations). Here, each entry is a directory of TypeScript or JavaScript modules, or one module.',
  })
  .define({
    name: 'client.id',
    type: 'STRING',
    defaultValue: '',
    importance: 'LOW',
    documentation: 'An id string to pass to the server when making requests.',
  })
  .define({
    name: 'topic.tracking.enable',
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'LOW',
    documentation: 'Enable tracking the set of active topics per connector during runtime.',
  })
  .define({
    name: 'topic.tracking.allow.reset',
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'LOW',
    documentation: 'If set to true, it allows user requests to reset the set of active topics per connector.',
  })
  .define({
    name: 'connector.client.config.override.policy',
    type: 'STRING',
    defaultValue: 'All',
    validator: {
      ensureValid: (_name, value) => void overridePolicy(value as string, []),
      toString: () => '[All, None, Principal, Allowlist]',
    },
    importance: 'MEDIUM',
    documentation:
      "Class name or alias of implementation of ConnectorClientConfigOverridePolicy. Defines what client configurations can be overridden by the connector. The default implementation is 'All', meaning connector configurations can override all client properties. The other possible policies in the framework include 'None' to disallow connectors from overriding client properties, 'Principal' to allow connectors to override only client principals, and 'Allowlist' to allow only the client configurations in connector.client.config.override.allowlist.",
  })
  .define({
    name: 'connector.client.config.override.allowlist',
    type: 'LIST',
    defaultValue: '',
    importance: 'MEDIUM',
    documentation:
      'List of client configurations that can be overridden by connectors under the Allowlist policy. If empty, connectors can not override any client configurations.',
  });

const STANDALONE = new ConfigDef(COMMON).define({
  name: 'offset.storage.file.filename',
  type: 'STRING',
  importance: 'HIGH',
  documentation: 'File to store source connector offsets',
});

const topicSettings = (kind: 'config' | 'offset' | 'status', partitions: number | null) => {
  const def = new ConfigDef()
    .define({
      name: `${kind}.storage.topic`,
      type: 'STRING',
      importance: 'HIGH',
      documentation: `The name of the Kafka topic where ${kind === 'offset' ? 'source connector offsets' : kind === 'config' ? 'connector configurations' : 'connector and task status updates'} are stored`,
    })
    .define({
      name: `${kind}.storage.replication.factor`,
      type: 'SHORT',
      defaultValue: 3,
      importance: 'LOW',
      documentation: `Replication factor used when creating the ${kind} storage topic`,
    });
  if (partitions !== null)
    def.define({
      name: `${kind}.storage.partitions`,
      type: 'INT',
      defaultValue: partitions,
      importance: 'LOW',
      documentation: `The number of partitions used when creating the ${kind} storage topic`,
    });
  return def;
};

const DISTRIBUTED = new ConfigDef(COMMON)
  .define({
    name: 'group.id',
    type: 'STRING',
    importance: 'HIGH',
    documentation: 'A unique string that identifies the Connect cluster group this worker belongs to.',
  })
  .define({
    name: 'session.timeout.ms',
    type: 'INT',
    defaultValue: 10000,
    importance: 'HIGH',
    documentation: 'The timeout used to detect worker failures.',
  })
  .define({
    name: 'heartbeat.interval.ms',
    type: 'INT',
    defaultValue: 3000,
    importance: 'HIGH',
    documentation:
      "The expected time between heartbeats to the group coordinator when using Kafka's group management facilities.",
  })
  .define({
    name: 'rebalance.timeout.ms',
    type: 'INT',
    defaultValue: 60000,
    importance: 'HIGH',
    documentation: 'The maximum allowed time for each worker to join the group once a rebalance has begun.',
  })
  .define({
    name: 'worker.sync.timeout.ms',
    type: 'INT',
    defaultValue: 3000,
    importance: 'MEDIUM',
    documentation:
      'When the worker is out of sync with other workers and needs to resynchronize configurations, wait up to this amount of time before giving up, leaving the group, and waiting a backoff period before rejoining.',
  })
  .define({
    name: 'connect.protocol',
    type: 'STRING',
    defaultValue: 'sessioned',
    validator: ValidString.in('eager', 'compatible', 'sessioned'),
    importance: 'LOW',
    documentation: 'Compatibility mode for Kafka Connect Protocol',
  })
  .define({
    name: 'scheduled.rebalance.max.delay.ms',
    type: 'INT',
    defaultValue: 300000,
    validator: Range.between(0, 2147483647),
    importance: 'LOW',
    documentation:
      'The maximum delay that is scheduled in order to wait for the return of one or more departed workers before rebalancing and reassigning their connectors and tasks to the group.',
  });
for (const [kind, partitions] of [
  ['config', null],
  ['offset', 25],
  ['status', 5],
] as const) {
  for (const key of topicSettings(kind, partitions).configKeys().values()) DISTRIBUTED.define(key);
}

export class WorkerConfig extends AbstractConfig {
  constructor(
    readonly mode: WorkerMode,
    props: Readonly<Record<string, string>>,
  ) {
    super(mode === 'standalone' ? STANDALONE : DISTRIBUTED, props);
  }

  static definition(mode: WorkerMode): ConfigDef {
    return mode === 'standalone' ? STANDALONE : DISTRIBUTED;
  }

  bootstrapServers(): string {
    return this.getList('bootstrap.servers')!.join(',');
  }

  /** The first listener as host and port; an empty host means every interface, as Jetty binds it. */
  restListener(): { protocol: string; host: string; port: number } {
    const listener = this.getList('listeners')![0] ?? 'http://:8083';
    const match = /^(https?):\/\/(\[[^\]]*\]|[^:/]*):(\d+)\/?$/i.exec(listener.trim());
    if (!match)
      throw new Error(`Invalid value ${listener} for configuration listeners: not a URI with a port`);
    return {
      protocol: match[1]!.toLowerCase(),
      host: match[2]!.replace(/^\[|\]$/g, ''),
      port: Number(match[3]),
    };
  }
}
