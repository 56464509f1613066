import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import {
  alterConnectorOffsetsInput,
  connectClusterInput,
  connectorInput,
  connectorPluginsInput,
  connectPluginInput,
  connectTaskInput,
  createConnectorInput,
  restartConnectorInput,
  updateConnectorConfigInput,
  validateConnectorInput,
  type ConnectClusterConfig,
} from '@sluice/validators';
import { recordAudit } from '../audit.ts';
import { connectCall } from '../connect/connect-errors.ts';
import {
  ConnectRestClient,
  ConnectRestError,
  type ConnectorStateInfo,
  type ServerInfo,
} from '../connect/connect-rest-client.ts';
import { operatorProcedure, viewerProcedure, type ApiContext } from '../trpc.ts';

const CLUSTER_PROBE_TIMEOUT_MS = 3_000;

/** The REST client for one of the console's Connect clusters; NOT_FOUND for a name it does not know. */
function clientFor(ctx: ApiContext, name: string): ConnectRestClient {
  const cluster = (ctx.connectClusters ?? []).find((c) => c.name === name);
  if (!cluster)
    throw new TRPCError({
      code: 'NOT_FOUND',
      message: `this console has no Connect cluster named "${name}" (they come from SLUICE_CONNECT_URL or --connect-url)`,
    });
  return new ConnectRestClient(cluster.url);
}

/** Audit targets name the Connect cluster too: the same connector name can live in several. */
const target = (cluster: string, connector: string) => `${cluster}/${connector}`;

/** Each worker named in the statuses, with what runs on it. */
function workersOf(statuses: readonly ConnectorStateInfo[]) {
  const workers = new Map<string, { workerId: string; connectors: string[]; tasks: string[] }>();
  const on = (workerId: string) => {
    let worker = workers.get(workerId);
    if (!worker) workers.set(workerId, (worker = { workerId, connectors: [], tasks: [] }));
    return worker;
  };
  for (const status of statuses) {
    if (status.connector.worker_id) on(status.connector.worker_id).connectors.push(status.name);
    for (const task of status.tasks) on(task.worker_id).tasks.push(`${status.name}-${task.id}`);
  }
  return [...workers.values()].sort((a, b) => a.workerId.localeCompare(b.workerId));
}

function countTasks(status: ConnectorStateInfo | null) {
  const tasks = status?.tasks ?? [];
  return {
    total: tasks.length,
    running: tasks.filter((t) => t.state === 'RUNNING').length,
    failed: tasks.filter((t) => t.state === 'FAILED').length,
  };
}

export const connectRouter = {
  /** The Connect clusters this console manages, each with its worker's version or why it did not answer. */
  clusters: viewerProcedure.query(async ({ ctx }) =>
    Promise.all(
      (ctx.connectClusters ?? []).map(async ({ name, url }: ConnectClusterConfig) => {
        try {
          // A short probe: one cluster that hangs must not hold the list of all of them for the full timeout.
          const info: ServerInfo = await new ConnectRestClient(url, {
            timeoutMs: CLUSTER_PROBE_TIMEOUT_MS,
          }).serverInfo();
          return { name, url, info, error: null };
        } catch (error) {
          return { name, url, info: null, error: error instanceof Error ? error.message : String(error) };
        }
      }),
    ),
  ),

  /**
   * One Connect cluster: the worker answering its URL (`GET /`), every worker running a connector or task, and
   * the connectors with their state, type, class and task counts.
   */
  overview: viewerProcedure.input(connectClusterInput).query(async ({ ctx, input }) => {
    const client = clientFor(ctx, input.cluster);
    const [info, connectors] = await connectCall(() =>
      Promise.all([client.serverInfo(), client.listConnectorsExpanded()]),
    );
    const statuses = connectors.flatMap((c) => (c.status ? [c.status] : []));
    return {
      cluster: input.cluster,
      url: client.url,
      info,
      workers: workersOf(statuses),
      connectors: connectors
        .map(({ name, status, info: connector }) => ({
          name,
          state: status?.connector.state ?? 'UNKNOWN',
          workerId: status?.connector.worker_id ?? null,
          type: status?.type ?? connector?.type ?? 'unknown',
          connectorClass: connector?.config['connector.class'] ?? null,
          tasks: countTasks(status),
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  }),

  /** A connector's config, its tasks (config and status, with the trace of a failed one) and its own status. */
  connector: viewerProcedure.input(connectorInput).query(async ({ ctx, input }) => {
    const client = clientFor(ctx, input.cluster);
    const [info, status, tasks] = await connectCall(() =>
      Promise.all([
        client.connector(input.connector),
        client.connectorStatus(input.connector),
        client.connectorTasks(input.connector),
      ]),
    );
    const taskConfigs = new Map(tasks.map((t) => [t.id.task, t.config]));
    return {
      name: info.name,
      type: status.type ?? info.type ?? 'unknown',
      config: info.config,
      connector: {
        state: status.connector.state,
        workerId: status.connector.worker_id,
        trace: status.connector.trace ?? null,
      },
      tasks: status.tasks
        .map((t) => ({
          id: t.id,
          state: t.state,
          workerId: t.worker_id,
          trace: t.trace ?? null,
          config: taskConfigs.get(t.id) ?? null,
        }))
        .sort((a, b) => a.id - b.id),
    };
  }),

  /** The connector's committed offsets (KIP-875). */
  offsets: viewerProcedure
    .input(connectorInput)
    .query(({ ctx, input }) =>
      connectCall(() => clientFor(ctx, input.cluster).connectorOffsets(input.connector)),
    ),

  /**
   * The topics the connector has used (KIP-558). A worker with `topic.tracking.enable=false` answers 403: that is
   * the cluster's setting, said as such, not an error of this console.
   */
  activeTopics: viewerProcedure.input(connectorInput).query(({ ctx, input }) =>
    connectCall(async () => {
      try {
        const topics = await clientFor(ctx, input.cluster).connectorActiveTopics(input.connector);
        return { tracking: true as const, topics };
      } catch (error) {
        if (error instanceof ConnectRestError && error.errorCode === 403)
          return { tracking: false as const, reason: error.message };
        throw error;
      }
    }),
  ),

  /** The plugins installed on the workers; connectors only unless asked for all. */
  plugins: viewerProcedure
    .input(connectorPluginsInput)
    .query(({ ctx, input }) =>
      connectCall(() => clientFor(ctx, input.cluster).connectorPlugins(input.connectorsOnly)),
    ),

  /** The plugin's config definition (KIP-769) by ConfigDef group ("General" for configs without one), in `order`. */
  pluginConfig: viewerProcedure.input(connectPluginInput).query(async ({ ctx, input }) => {
    const definitions = await connectCall(() => clientFor(ctx, input.cluster).pluginConfig(input.plugin));
    const groups = new Map<string, typeof definitions>();
    for (const definition of definitions) {
      const group = definition.group ?? 'General';
      groups.set(group, [...(groups.get(group) ?? []), definition]);
    }
    return [...groups].map(([group, configs]) => ({
      group,
      configs: [...configs].sort((a, b) => a.order - b.order),
    }));
  }),

  /** Connect's own validation of a config for a plugin: every config with its errors, and the error count. */
  validate: viewerProcedure
    .input(validateConnectorInput)
    .mutation(({ ctx, input }) =>
      connectCall(() => clientFor(ctx, input.cluster).validateConfig(input.plugin, input.config)),
    ),

  create: operatorProcedure.input(createConnectorInput).mutation(async ({ ctx, input }) => {
    const created = await connectCall(() =>
      clientFor(ctx, input.cluster).createConnector(input.name, input.config),
    );
    await recordAudit(ctx.db, ctx.user.username, 'connector.create', target(input.cluster, input.name), {
      config: input.config,
    });
    return created;
  }),

  /** Replaces the connector's whole config (`PUT /connectors/{name}/config`). */
  updateConfig: operatorProcedure.input(updateConnectorConfigInput).mutation(async ({ ctx, input }) => {
    const updated = await connectCall(() =>
      clientFor(ctx, input.cluster).putConnectorConfig(input.connector, input.config),
    );
    await recordAudit(ctx.db, ctx.user.username, 'connector.config', target(input.cluster, input.connector), {
      config: input.config,
    });
    return updated;
  }),

  pause: operatorProcedure.input(connectorInput).mutation(async ({ ctx, input }) => {
    await connectCall(() => clientFor(ctx, input.cluster).pauseConnector(input.connector));
    await recordAudit(ctx.db, ctx.user.username, 'connector.pause', target(input.cluster, input.connector));
    return { connector: input.connector };
  }),

  resume: operatorProcedure.input(connectorInput).mutation(async ({ ctx, input }) => {
    await connectCall(() => clientFor(ctx, input.cluster).resumeConnector(input.connector));
    await recordAudit(ctx.db, ctx.user.username, 'connector.resume', target(input.cluster, input.connector));
    return { connector: input.connector };
  }),

  stop: operatorProcedure.input(connectorInput).mutation(async ({ ctx, input }) => {
    await connectCall(() => clientFor(ctx, input.cluster).stopConnector(input.connector));
    await recordAudit(ctx.db, ctx.user.username, 'connector.stop', target(input.cluster, input.connector));
    return { connector: input.connector };
  }),

  /** Restarts the connector, and with includeTasks its tasks (onlyFailed: only the failed ones), as KIP-745. */
  restart: operatorProcedure.input(restartConnectorInput).mutation(async ({ ctx, input }) => {
    const status = await connectCall(() =>
      clientFor(ctx, input.cluster).restartConnector(input.connector, {
        includeTasks: input.includeTasks,
        onlyFailed: input.onlyFailed,
      }),
    );
    await recordAudit(
      ctx.db,
      ctx.user.username,
      'connector.restart',
      target(input.cluster, input.connector),
      {
        includeTasks: input.includeTasks,
        onlyFailed: input.onlyFailed,
      },
    );
    return { connector: input.connector, status };
  }),

  restartTask: operatorProcedure.input(connectTaskInput).mutation(async ({ ctx, input }) => {
    await connectCall(() => clientFor(ctx, input.cluster).restartTask(input.connector, input.task));
    await recordAudit(
      ctx.db,
      ctx.user.username,
      'connector.task.restart',
      target(input.cluster, input.connector),
      {
        task: input.task,
      },
    );
    return { connector: input.connector, task: input.task };
  }),

  delete: operatorProcedure.input(connectorInput).mutation(async ({ ctx, input }) => {
    await connectCall(() => clientFor(ctx, input.cluster).deleteConnector(input.connector));
    await recordAudit(ctx.db, ctx.user.username, 'connector.delete', target(input.cluster, input.connector));
    return { deleted: input.connector };
  }),

  /** Sets the given partitions' offsets (KIP-875); Connect refuses unless the connector is STOPPED. */
  alterOffsets: operatorProcedure.input(alterConnectorOffsetsInput).mutation(async ({ ctx, input }) => {
    const message = await connectCall(() =>
      clientFor(ctx, input.cluster).alterConnectorOffsets(input.connector, { offsets: input.offsets }),
    );
    await recordAudit(
      ctx.db,
      ctx.user.username,
      'connector.offsets.alter',
      target(input.cluster, input.connector),
      {
        offsets: input.offsets,
      },
    );
    return { message };
  }),

  /** Forgets every offset of the connector (KIP-875); Connect refuses unless the connector is STOPPED. */
  resetOffsets: operatorProcedure.input(connectorInput).mutation(async ({ ctx, input }) => {
    const message = await connectCall(() =>
      clientFor(ctx, input.cluster).resetConnectorOffsets(input.connector),
    );
    await recordAudit(
      ctx.db,
      ctx.user.username,
      'connector.offsets.reset',
      target(input.cluster, input.connector),
    );
    return { message };
  }),

  /** Forgets the connector's active topics (KIP-558); they come back as its tasks use them. */
  resetActiveTopics: operatorProcedure.input(connectorInput).mutation(async ({ ctx, input }) => {
    await connectCall(() => clientFor(ctx, input.cluster).resetConnectorActiveTopics(input.connector));
    await recordAudit(
      ctx.db,
      ctx.user.username,
      'connector.topics.reset',
      target(input.cluster, input.connector),
    );
  }),
} satisfies TRPCRouterRecord;
