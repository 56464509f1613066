import { z } from 'zod';

/**
 * A Connect cluster the console manages, by its REST endpoint. Named as the console shows it; `url` is the base
 * of Kafka Connect's REST API (a worker's `listeners`, or a load balancer in front of the workers).
 */
export const connectClusterName = z
  .string()
  .min(1, 'a Connect cluster needs a name')
  .regex(/^[A-Za-z0-9._-]+$/, 'a Connect cluster name is letters, digits, ".", "_" and "-"');

export const connectRestUrl = z
  .url({ protocol: /^https?$/, error: 'a Connect REST URL is http:// or https://' })
  .transform((url) => url.replace(/\/+$/, ''));

export const connectClusterConfig = z.object({ name: connectClusterName, url: connectRestUrl });
export type ConnectClusterConfig = z.infer<typeof connectClusterConfig>;

/**
 * The clusters in SLUICE_CONNECT_URL (or `--connect-url`): comma-separated `URL` or `NAME=URL` entries; an
 * unnamed one is called "connect" (the first) or "connect-N".
 */
export function parseConnectClusters(entries: readonly string[]): ConnectClusterConfig[] {
  const clusters: ConnectClusterConfig[] = [];
  for (const entry of entries.flatMap((e) => e.split(',')).map((e) => e.trim())) {
    if (entry === '') continue;
    const separator = entry.indexOf('=');
    const named = separator > 0 && !entry.slice(0, separator).includes('/');
    const name = named
      ? entry.slice(0, separator)
      : clusters.length === 0
        ? 'connect'
        : `connect-${clusters.length + 1}`;
    const parsed = connectClusterConfig.safeParse({ name, url: named ? entry.slice(separator + 1) : entry });
    if (!parsed.success)
      throw new Error(`Connect cluster "${entry}": ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    if (clusters.some((c) => c.name === parsed.data.name))
      throw new Error(`two Connect clusters are named "${parsed.data.name}"`);
    clusters.push(parsed.data);
  }
  return clusters;
}

export const connectorName = z
  .string()
  .trim()
  .min(1, 'a connector needs a name')
  .refine(
    (name) => [...name].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f),
    'a connector name cannot hold control characters',
  );

/** A connector's config as Kafka Connect takes it: every value a string. */
export const connectorConfig = z.record(z.string().min(1, 'a config name cannot be empty'), z.string());
export type ConnectorConfigValues = z.infer<typeof connectorConfig>;

export const connectClusterInput = z.object({ cluster: connectClusterName });
export const connectorInput = connectClusterInput.extend({ connector: connectorName });
export const connectTaskInput = connectorInput.extend({ task: z.number().int().min(0) });
export const connectPluginInput = connectClusterInput.extend({ plugin: z.string().min(1) });

export const connectorPluginsInput = connectClusterInput.extend({
  connectorsOnly: z.boolean().default(true),
});

export const validateConnectorInput = connectPluginInput.extend({ config: connectorConfig });

/** The plugin is the config's `connector.class`, as Kafka Connect reads it. */
export const createConnectorInput = connectClusterInput.extend({
  name: connectorName,
  config: connectorConfig.refine((config) => (config['connector.class'] ?? '') !== '', {
    message: 'the config needs connector.class',
  }),
});
export type CreateConnectorInput = z.infer<typeof createConnectorInput>;

export const updateConnectorConfigInput = connectorInput.extend({ config: connectorConfig });

export const restartConnectorInput = connectorInput.extend({
  includeTasks: z.boolean().default(false),
  onlyFailed: z.boolean().default(false),
});

const offsetMap = z.record(z.string(), z.unknown());

/** KIP-875's body: each partition's new offset, or null to clear it. */
export const connectorOffsetsBody = z.object({
  offsets: z
    .array(z.object({ partition: offsetMap, offset: offsetMap.nullable() }))
    .min(1, 'give at least one partition and its offset'),
});

export const alterConnectorOffsetsInput = connectorInput.extend(connectorOffsetsBody.shape);
