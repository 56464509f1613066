/**
 * A client for Kafka Connect's REST API, as Apache Kafka's ConnectorsResource, ConnectorPluginsResource and
 * RootResource serve it, so it manages any Connect cluster (Sluice's worker or Apache Kafka's). Every answer is
 * checked against the entity it should be (ServerInfo, ConnectorInfo, ConnectorStateInfo, ConfigInfos,
 * ConnectorOffsets, PluginInfo, ConfigKeyInfo); a refusal becomes a ConnectRestError carrying the worker's
 * `error_code` and `message` unchanged, so users read what Connect said.
 */
import { z } from 'zod';

/** A worker that has not answered within this is reported as unreachable rather than waited on. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** Connect's ErrorMessage: `{"error_code": <HTTP status>, "message": "..."}`. */
const errorMessage = z.object({ error_code: z.number().int(), message: z.string().nullable() });

/** The worker's answer to a refused request (ErrorMessage), or why it could not be reached or understood. */
export class ConnectRestError extends Error {
  override readonly name = 'ConnectRestError';
  constructor(
    message: string,
    /** Connect's `error_code` (an HTTP status); 0 when the worker did not answer. */
    readonly errorCode: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const serverInfo = z.object({
  version: z.string(),
  commit: z.string(),
  kafka_cluster_id: z.string().nullable(),
});

/** "source", "sink" or "unknown" today; a newer worker's other kinds are shown as they come. */
export const connectorType = z.string();

const connectorTaskId = z.object({ connector: z.string(), task: z.number().int() });

export const connectorInfo = z.object({
  name: z.string(),
  config: z.record(z.string(), z.string()),
  tasks: z.array(connectorTaskId),
  type: connectorType.optional(),
});

/** AbstractState: `trace` only when FAILED (absent or null otherwise); `version` since KIP-1136. */
const abstractState = z.object({
  state: z.string(),
  worker_id: z.string(),
  trace: z.string().nullish(),
  version: z.string().nullish(),
});

export const connectorStateInfo = z.object({
  name: z.string(),
  connector: abstractState,
  tasks: z.array(abstractState.extend({ id: z.number().int() })),
  type: connectorType.optional(),
});

export const taskState = abstractState.extend({ id: z.number().int() });

/** `GET /connectors/{name}/tasks`: TaskInfo. */
export const taskInfo = z.object({ id: connectorTaskId, config: z.record(z.string(), z.string()) });

/** `GET /connectors?expand=status&expand=info`: each requested expansion by name. */
const expandedConnectors = z.record(
  z.string(),
  z.object({ status: connectorStateInfo.optional(), info: connectorInfo.optional() }),
);

export const pluginInfo = z.object({
  class: z.string(),
  type: z.string(),
  version: z.string().nullish(),
});

/**
 * ConfigKeyInfo: one config a plugin takes, as ConfigDef defines it. Kafka writes its place in the group as
 * `order` (the getter's name) while its constructor reads `order_in_group`; either is taken, as `order`.
 */
export const configKeyInfo = z
  .object({
    name: z.string(),
    type: z.string(),
    required: z.boolean(),
    default_value: z.string().nullable(),
    importance: z.string().nullable(),
    documentation: z.string().nullable(),
    group: z.string().nullable(),
    order: z.number().int().optional(),
    order_in_group: z.number().int().optional(),
    width: z.string().nullable(),
    display_name: z.string().nullable(),
    dependents: z.array(z.string()),
  })
  .transform(({ order, order_in_group, ...key }) => ({ ...key, order: order ?? order_in_group ?? -1 }));

/** ConfigValueInfo: a config's value as validated, with its errors. */
export const configValueInfo = z.object({
  name: z.string(),
  value: z.string().nullable(),
  recommended_values: z.array(z.string()),
  errors: z.array(z.string()),
  visible: z.boolean(),
});

/** ConfigInfos: what `PUT /connector-plugins/{plugin}/config/validate` answers. */
export const configInfos = z.object({
  name: z.string(),
  error_count: z.number().int(),
  groups: z.array(z.string()),
  configs: z.array(
    z.object({ definition: configKeyInfo.nullable().optional(), value: configValueInfo.nullable() }),
  ),
});

const offsetMap = z.record(z.string(), z.unknown());

/** ConnectorOffsets (KIP-875): each source partition's (or sink topic partition's) offset. */
export const connectorOffsets = z.object({
  offsets: z.array(z.object({ partition: offsetMap, offset: offsetMap.nullable() })),
});

/** The `{"message": "..."}` that altering or resetting offsets answers with. */
const messageBody = z.object({ message: z.string() });

export type ServerInfo = z.infer<typeof serverInfo>;
export type ConnectorInfo = z.infer<typeof connectorInfo>;
export type ConnectorStateInfo = z.infer<typeof connectorStateInfo>;
export type TaskState = z.infer<typeof taskState>;
export type TaskInfo = z.infer<typeof taskInfo>;
export type PluginInfo = z.infer<typeof pluginInfo>;
export type ConfigKeyInfo = z.infer<typeof configKeyInfo>;
export type ConfigInfos = z.infer<typeof configInfos>;
export type ConnectorOffsets = z.infer<typeof connectorOffsets>;
export type ConnectorConfig = Record<string, string>;

export interface ConnectRestClientOptions {
  /** Per request; a slower answer fails with error code 0. Default DEFAULT_CONNECT_TIMEOUT_MS. */
  timeoutMs?: number;
}

const segment = encodeURIComponent;

export class ConnectRestClient {
  readonly url: string;
  private readonly timeoutMs: number;

  constructor(url: string, options: ConnectRestClientOptions = {}) {
    this.url = url.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  }

  /** `GET /`: the worker's version, commit and Kafka cluster id. */
  serverInfo(): Promise<ServerInfo> {
    return this.request('GET', '/', serverInfo);
  }

  listConnectors(): Promise<string[]> {
    return this.request('GET', '/connectors', z.array(z.string()));
  }

  /** `GET /connectors?expand=status&expand=info`: every connector with its status and info in one call. */
  async listConnectorsExpanded(): Promise<
    { name: string; status: ConnectorStateInfo | null; info: ConnectorInfo | null }[]
  > {
    const expanded = await this.request('GET', '/connectors?expand=status&expand=info', expandedConnectors);
    return Object.entries(expanded).map(([name, { status, info }]) => ({
      name,
      status: status ?? null,
      info: info ?? null,
    }));
  }

  /** `POST /connectors`: 201 with the new connector's info; 409 when the name is taken. */
  createConnector(name: string, config: ConnectorConfig): Promise<ConnectorInfo> {
    return this.request('POST', '/connectors', connectorInfo, { name, config });
  }

  connector(name: string): Promise<ConnectorInfo> {
    return this.request('GET', `/connectors/${segment(name)}`, connectorInfo);
  }

  connectorConfig(name: string): Promise<ConnectorConfig> {
    return this.request('GET', `/connectors/${segment(name)}/config`, z.record(z.string(), z.string()));
  }

  /** `PUT /connectors/{name}/config`: creates the connector or replaces its whole config. */
  putConnectorConfig(name: string, config: ConnectorConfig): Promise<ConnectorInfo> {
    return this.request('PUT', `/connectors/${segment(name)}/config`, connectorInfo, config);
  }

  connectorStatus(name: string): Promise<ConnectorStateInfo> {
    return this.request('GET', `/connectors/${segment(name)}/status`, connectorStateInfo);
  }

  connectorTasks(name: string): Promise<TaskInfo[]> {
    return this.request('GET', `/connectors/${segment(name)}/tasks`, z.array(taskInfo));
  }

  taskStatus(name: string, task: number): Promise<TaskState> {
    return this.request('GET', `/connectors/${segment(name)}/tasks/${task}/status`, taskState);
  }

  async restartTask(name: string, task: number): Promise<void> {
    await this.request('POST', `/connectors/${segment(name)}/tasks/${task}/restart`, null);
  }

  /**
   * `POST /connectors/{name}/restart`: with includeTasks or onlyFailed (KIP-745) the worker answers 202 with the
   * status it is restarting towards; without, 204 and no body (null here).
   */
  async restartConnector(
    name: string,
    options: { includeTasks?: boolean; onlyFailed?: boolean } = {},
  ): Promise<ConnectorStateInfo | null> {
    const query = new URLSearchParams();
    if (options.includeTasks !== undefined) query.set('includeTasks', String(options.includeTasks));
    if (options.onlyFailed !== undefined) query.set('onlyFailed', String(options.onlyFailed));
    const search = query.size > 0 ? `?${query}` : '';
    return this.request(
      'POST',
      `/connectors/${segment(name)}/restart${search}`,
      connectorStateInfo.nullable(),
    );
  }

  async pauseConnector(name: string): Promise<void> {
    await this.request('PUT', `/connectors/${segment(name)}/pause`, null);
  }

  async resumeConnector(name: string): Promise<void> {
    await this.request('PUT', `/connectors/${segment(name)}/resume`, null);
  }

  /** `PUT /connectors/{name}/stop` (KIP-875): shuts down its tasks and keeps the config. */
  async stopConnector(name: string): Promise<void> {
    await this.request('PUT', `/connectors/${segment(name)}/stop`, null);
  }

  async deleteConnector(name: string): Promise<void> {
    await this.request('DELETE', `/connectors/${segment(name)}`, null);
  }

  connectorOffsets(name: string): Promise<ConnectorOffsets> {
    return this.request('GET', `/connectors/${segment(name)}/offsets`, connectorOffsets);
  }

  /** `PATCH /connectors/{name}/offsets`: the connector must be STOPPED; answers Connect's message. */
  async alterConnectorOffsets(name: string, offsets: ConnectorOffsets): Promise<string> {
    return (await this.request('PATCH', `/connectors/${segment(name)}/offsets`, messageBody, offsets))
      .message;
  }

  /** `DELETE /connectors/{name}/offsets`: the connector must be STOPPED; answers Connect's message. */
  async resetConnectorOffsets(name: string): Promise<string> {
    return (await this.request('DELETE', `/connectors/${segment(name)}/offsets`, messageBody)).message;
  }

  /** `GET /connectors/{name}/topics` (KIP-558): the topics the connector has used; 403 when tracking is off. */
  async connectorActiveTopics(name: string): Promise<string[]> {
    const body = await this.request(
      'GET',
      `/connectors/${segment(name)}/topics`,
      z.record(z.string(), z.object({ topics: z.array(z.string()) })),
    );
    return body[name]?.topics ?? [];
  }

  /** `PUT /connectors/{name}/topics/reset`: forgets the connector's active topics. */
  async resetConnectorActiveTopics(name: string): Promise<void> {
    await this.request('PUT', `/connectors/${segment(name)}/topics/reset`, null);
  }

  /** `GET /connector-plugins`; with connectorsOnly=false also converters, transformations and predicates. */
  connectorPlugins(connectorsOnly = true): Promise<PluginInfo[]> {
    return this.request('GET', `/connector-plugins?connectorsOnly=${connectorsOnly}`, z.array(pluginInfo));
  }

  /** `GET /connector-plugins/{plugin}/config` (KIP-769): the plugin's own config definition. */
  pluginConfig(plugin: string): Promise<ConfigKeyInfo[]> {
    return this.request('GET', `/connector-plugins/${segment(plugin)}/config`, z.array(configKeyInfo));
  }

  /** `PUT /connector-plugins/{plugin}/config/validate`: every config checked, with per-config errors. */
  validateConfig(plugin: string, config: ConnectorConfig): Promise<ConfigInfos> {
    return this.request('PUT', `/connector-plugins/${segment(plugin)}/config/validate`, configInfos, config);
  }

  private async request<T>(
    method: string,
    path: string,
    schema: z.ZodType<T> | null,
    body?: unknown,
  ): Promise<T> {
    const target = `${method} ${this.url}${path}`;
    let response: Response;
    try {
      response = await fetch(`${this.url}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const reason =
        error instanceof Error && error.name === 'TimeoutError'
          ? `no answer within ${this.timeoutMs} ms`
          : causeText(error);
      throw new ConnectRestError(`Kafka Connect at ${this.url} is not reachable (${reason})`, 0, {
        cause: error,
      });
    }
    const text = await response.text();
    if (!response.ok) throw refusal(response.status, text, target);
    if (schema === null) return undefined as T;
    const parsed = schema.safeParse(text === '' ? null : parseJson(text));
    if (!parsed.success)
      throw new ConnectRestError(
        `${target} answered ${response.status} with a body that is not Kafka Connect's: ${z.prettifyError(parsed.error)}`,
        response.status,
      );
    return parsed.data;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function causeText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  return cause instanceof Error ? cause.message : error.message;
}

/** Connect's own ErrorMessage when it sent one; otherwise the status and what came instead. */
function refusal(status: number, text: string, target: string): ConnectRestError {
  const parsed = errorMessage.safeParse(parseJson(text));
  if (parsed.success)
    return new ConnectRestError(
      parsed.data.message ?? `error ${parsed.data.error_code}`,
      parsed.data.error_code,
    );
  const excerpt = text.length > 200 ? `${text.slice(0, 200)}…` : text;
  return new ConnectRestError(`${target} answered ${status}${excerpt ? `: ${excerpt}` : ''}`, status);
}
