/**
 * What every herder does the same way (AbstractHerder): plugin listings, config validation, server info, and
 * reading and writing connector offsets (KIP-875), and active topics (KIP-558). Source offsets live in the
 * worker's offset store; a sink connector's offsets are its consumer group's committed offsets (`connect-<name>`,
 * or the group its config overrides), shown as {"kafka_topic","kafka_partition"} -> {"kafka_offset"}, as Kafka
 * shows them.
 */
import { ApiKey } from '@sluice/protocol';
import { throwIfError } from '@sluice/client';
import { convertConfigKey, type ConfigInfos, type ConfigKeyInfo } from '../config/config-infos.ts';
import type { ConnectorProps as ReadonlyProps } from '../connector/connector.ts';
import type { SourceConnector, SourceMap } from '../connector/source-connector.ts';
import type { ConfigDef } from '../config/config-def.ts';
import { SinkConnector, type TopicPartition } from '../connector/sink-connector.ts';
import type { PluginKind } from '../transforms/plugins.ts';
import { CONNECT_VERSION } from '../version.ts';
import { validateClientOverrides, withClientOverrides, type ClientType } from './client-config-override.ts';
import {
  CONNECTOR_CLASS_CONFIG,
  DLQ_TOPIC_NAME_CONFIG,
  validateConnectorConfig,
} from './connector-config.ts';
import { TOPIC_TRACKING_ALLOW_RESET_CONFIG, TOPIC_TRACKING_ENABLE_CONFIG } from './worker-config.ts';
import type { TopicStatusStore } from './topic-status-store.ts';
import {
  RestError,
  type ActiveTopicsInfo,
  type ConnectorOffset,
  type ConnectorTaskId,
  type ConnectorProps,
  type PluginInfo,
  type ServerInfo,
} from './herder.ts';
import { canonicalJson, offsetKey, parseOffsetKey, type OffsetBackingStore } from './offset-store.ts';
import type { Worker } from './worker.ts';

const PLUGIN_TYPES: Record<PluginKind, PluginInfo['type']> = {
  SourceConnector: 'source',
  SinkConnector: 'sink',
  Converter: 'converter',
  HeaderConverter: 'header_converter',
  Transformation: 'transformation',
  Predicate: 'predicate',
};

export const KAFKA_TOPIC_KEY = 'kafka_topic';
export const KAFKA_PARTITION_KEY = 'kafka_partition';
export const KAFKA_OFFSET_KEY = 'kafka_offset';

export abstract class AbstractHerder {
  private clusterId: string | null = null;

  constructor(
    protected readonly worker: Worker,
    protected readonly offsetStore: OffsetBackingStore,
  ) {}

  /** Where this herder keeps its connectors' active topics (KIP-558). */
  protected abstract get topicStatuses(): TopicStatusStore;

  private get topicTracking(): boolean {
    return this.worker.config.getBoolean(TOPIC_TRACKING_ENABLE_CONFIG)!;
  }

  /** A task used `topic` (a source's record to it was acknowledged, a sink read from it): recorded once. */
  onActiveTopic(id: ConnectorTaskId, topic: string): void {
    if (!this.topicTracking || this.topicStatuses.topic(id.connector, topic) !== undefined) return;
    this.topicStatuses.putTopic({
      topic,
      connector: id.connector,
      task: id.task,
      discoverTimestamp: Date.now(),
    });
  }

  /** KIP-558's `GET /connectors/{name}/topics`: a connector Kafka has not heard of simply has none. */
  async connectorActiveTopics(name: string): Promise<ActiveTopicsInfo> {
    if (!this.topicTracking) throw new RestError(403, 'Topic tracking is disabled.');
    return { [name]: { topics: this.topicStatuses.topics(name).map((status) => status.topic) } };
  }

  async resetConnectorActiveTopics(name: string): Promise<void> {
    if (!this.topicTracking) throw new RestError(403, 'Topic tracking is disabled.');
    if (!this.worker.config.getBoolean(TOPIC_TRACKING_ALLOW_RESET_CONFIG))
      throw new RestError(403, 'Topic tracking reset is disabled.');
    this.forgetActiveTopics(name);
  }

  /** Removes every active topic of a connector (a reset, or the connector deleted). */
  protected forgetActiveTopics(name: string): void {
    for (const { topic } of this.topicStatuses.topics(name)) this.topicStatuses.deleteTopic(name, topic);
  }

  workerId(): string {
    return this.worker.workerId;
  }

  async serverInfo(): Promise<ServerInfo> {
    this.clusterId ??= (await this.worker.client().describeCluster()).clusterId ?? '';
    return { version: CONNECT_VERSION, commit: 'sluice', kafka_cluster_id: this.clusterId };
  }

  plugins(connectorsOnly: boolean): PluginInfo[] {
    const plugins = this.worker.plugins
      .all()
      .filter(
        (plugin) => !connectorsOnly || plugin.kind === 'SourceConnector' || plugin.kind === 'SinkConnector',
      );
    return plugins
      .map((plugin) => ({
        class: plugin.className,
        type: PLUGIN_TYPES[plugin.kind],
        version: plugin.version ?? CONNECT_VERSION,
      }))
      .sort((a, b) => (a.class < b.class ? -1 : a.class > b.class ? 1 : a.type < b.type ? -1 : 1));
  }

  /** KIP-769: a plugin's own config definition. */
  pluginConfig(pluginName: string): ConfigKeyInfo[] {
    const plugins = this.worker.plugins;
    for (const kind of Object.keys(PLUGIN_TYPES) as PluginKind[]) {
      const plugin = plugins.concrete(pluginName, kind);
      if (plugin === undefined) continue;
      const instance = plugin.create() as { config(): ConfigDef };
      return [...instance.config().configKeys().values()].map((key) => convertConfigKey(key));
    }
    throw new RestError(404, `Unknown plugin ${pluginName}.`);
  }

  async validateConnectorConfig(config: ConnectorProps): Promise<ConfigInfos> {
    let connector = null;
    try {
      connector = this.worker.newConnector(config[CONNECTOR_CLASS_CONFIG]);
    } catch {
      connector = null;
    }
    const infos = validateConnectorConfig(config, this.worker.plugins, connector);
    if (connector === null) return infos;
    // Kafka checks the clients a connector of this type has: a source's producer, a sink's consumer, and the
    // admin client a sink's dead letter queue topic is created with.
    const policy = this.worker.overridePolicy;
    const clients: ClientType[] =
      connector instanceof SinkConnector
        ? (config[DLQ_TOPIC_NAME_CONFIG] ?? '').trim() !== ''
          ? ['consumer', 'admin']
          : ['consumer']
        : ['producer'];
    return withClientOverrides(
      infos,
      clients.flatMap((client) => validateClientOverrides(config, client, policy)),
    );
  }

  /** The offsets a connector has: its source offsets, or its sink consumer group's committed offsets. */
  async readOffsets(name: string, config: ConnectorProps): Promise<ConnectorOffset[]> {
    const connector = this.worker.newConnector(config[CONNECTOR_CLASS_CONFIG]);
    if (connector instanceof SinkConnector) {
      const committed = await this.worker.client().fetchOffsets(this.worker.sinkGroupId(name, config));
      return committed.map((entry) => ({
        partition: { [KAFKA_TOPIC_KEY]: entry.topic, [KAFKA_PARTITION_KEY]: entry.partition },
        offset: { [KAFKA_OFFSET_KEY]: Number(entry.offset) },
      }));
    }
    const keys = await this.offsetStore.connectorKeys(name);
    const values = await this.offsetStore.get(keys);
    return keys.flatMap((key) => {
      const value = values.get(key);
      const parsed = parseOffsetKey(key);
      if (!parsed || value === null || value === undefined) return [];
      return [
        {
          partition: parsed.partition as Record<string, unknown>,
          offset: JSON.parse(value) as Record<string, unknown>,
        },
      ];
    });
  }

  /**
   * Alters a stopped connector's offsets, or (with null) resets them all; resolves Kafka's message. The
   * connector's alterOffsets() is asked first, and may refuse with an error (a 400).
   */
  async writeOffsets(
    name: string,
    config: ConnectorProps,
    offsets: ConnectorOffset[] | null,
  ): Promise<string> {
    const connector = this.worker.newConnector(config[CONNECTOR_CLASS_CONFIG]);
    const verb = offsets === null ? 'reset' : 'altered';
    let handledExternally: boolean;
    if (connector instanceof SinkConnector) {
      handledExternally = await this.writeSinkOffsets(name, config, connector, offsets);
    } else {
      handledExternally = await this.writeSourceOffsets(name, config, connector as SourceConnector, offsets);
    }
    return handledExternally
      ? `The offsets for this connector have been ${verb} successfully`
      : `The Connect framework-managed offsets for this connector have been ${verb} successfully. However, if this connector manages offsets externally, they will need to be manually ${verb} in the system that the connector uses.`;
  }

  private async writeSourceOffsets(
    name: string,
    config: ConnectorProps,
    connector: SourceConnector,
    offsets: ConnectorOffset[] | null,
  ): Promise<boolean> {
    const entries = new Map<string, string | null>();
    const forConnector = new Map<SourceMap, SourceMap | null>();
    if (offsets === null) {
      for (const key of await this.offsetStore.connectorKeys(name)) {
        entries.set(key, null);
        const parsed = parseOffsetKey(key);
        if (parsed) forConnector.set(parsed.partition, null);
      }
    } else {
      for (const { partition, offset } of offsets) {
        if (partition === null || typeof partition !== 'object')
          throw new RestError(400, 'Partitions cannot be null');
        entries.set(offsetKey(name, partition), offset === null ? null : canonicalJson(offset));
        forConnector.set(partition, offset);
      }
    }
    const handled = await this.askConnector(() =>
      connector.alterOffsets(config as ReadonlyProps, forConnector),
    );
    await this.offsetStore.set(entries);
    return handled;
  }

  private async writeSinkOffsets(
    name: string,
    config: ConnectorProps,
    connector: SinkConnector,
    offsets: ConnectorOffset[] | null,
  ): Promise<boolean> {
    const groupId = this.worker.sinkGroupId(name, config);
    const client = this.worker.client();
    if (offsets === null) {
      const committed = await client.fetchOffsets(groupId);
      const forConnector = new Map<string, { topicPartition: TopicPartition; offset: bigint | null }>(
        committed.map((entry) => [
          `${entry.topic}-${entry.partition}`,
          { topicPartition: { topic: entry.topic, partition: entry.partition }, offset: null },
        ]),
      );
      const handled = await this.askConnector(() =>
        connector.alterOffsets(config as ReadonlyProps, forConnector),
      );
      const result = (await client.deleteGroups([groupId])).get(groupId);
      if (result !== 0 && result !== 69 /* GROUP_ID_NOT_FOUND */)
        throw new RestError(
          500,
          `Failed to reset offsets for connector ${name}: DeleteGroups returned error ${result}`,
        );
      return handled;
    }
    const toCommit: { topic: string; partition: number; offset: bigint }[] = [];
    const toDelete: TopicPartition[] = [];
    const forConnector = new Map<string, { topicPartition: TopicPartition; offset: bigint | null }>();
    for (const { partition, offset } of offsets) {
      const topic = partition?.[KAFKA_TOPIC_KEY];
      const partitionIndex = partition?.[KAFKA_PARTITION_KEY];
      if (typeof topic !== 'string' || topic === '')
        throw new RestError(
          400,
          `Kafka partitions must include the key '${KAFKA_TOPIC_KEY}' with a string value (the topic)`,
        );
      if (typeof partitionIndex !== 'number' || !Number.isInteger(partitionIndex) || partitionIndex < 0)
        throw new RestError(
          400,
          `Kafka partitions must include the key '${KAFKA_PARTITION_KEY}' with a non-negative integer value`,
        );
      const tp = { topic, partition: partitionIndex };
      if (offset === null) {
        toDelete.push(tp);
        forConnector.set(`${topic}-${partitionIndex}`, { topicPartition: tp, offset: null });
        continue;
      }
      const value = offset[KAFKA_OFFSET_KEY];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
        throw new RestError(
          400,
          `Kafka offsets must include the key '${KAFKA_OFFSET_KEY}' with a non-negative integer value`,
        );
      toCommit.push({ ...tp, offset: BigInt(value) });
      forConnector.set(`${topic}-${partitionIndex}`, { topicPartition: tp, offset: BigInt(value) });
    }
    const handled = await this.askConnector(() =>
      connector.alterOffsets(config as ReadonlyProps, forConnector),
    );
    if (toCommit.length > 0) await client.commitOffsets(groupId, toCommit);
    if (toDelete.length > 0) {
      const byTopic = new Map<string, number[]>();
      for (const tp of toDelete) byTopic.set(tp.topic, [...(byTopic.get(tp.topic) ?? []), tp.partition]);
      const response = await (
        await client.coordinator(groupId)
      ).request(ApiKey.OffsetDelete, {
        groupId,
        topics: [...byTopic].map(([name, partitions]) => ({
          name,
          partitions: partitions.map((partitionIndex) => ({ partitionIndex })),
        })),
      });
      throwIfError(response.errorCode, `OffsetDelete ${groupId}`);
      for (const topic of response.topics)
        for (const p of topic.partitions)
          throwIfError(p.errorCode, `OffsetDelete ${groupId} ${topic.name}-${p.partitionIndex}`);
    }
    return handled;
  }

  private async askConnector(call: () => boolean | Promise<boolean>): Promise<boolean> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof RestError) throw error;
      throw new RestError(400, `Failed to alter offsets: ${(error as Error).message}`);
    }
  }
}
