/**
 * The worker processes:
 * - `sluice connect standalone WORKER.properties [CONNECTOR.properties ...]` (ConnectStandalone): reads the
 *   worker's settings, loads the plugins, opens the file offset store, starts the REST API, then creates each
 *   connector given on the command line;
 * - `sluice connect distributed WORKER.properties` (ConnectDistributed): the same worker with its offsets,
 *   configs and statuses in Kafka topics, in the group `group.id` with the other workers.
 * Stopping one (SIGTERM, SIGINT) stops every task, committing its offsets, before the process exits.
 */
import { readFile } from 'node:fs/promises';
import { ConnectException } from '../errors.ts';
import { parseJavaProperties } from '@sluice/client';
import { WorkerConfig } from './worker-config.ts';
import { workerPlugins } from './plugin-loader.ts';
import { FileOffsetBackingStore } from './offset-store.ts';
import { Worker } from './worker.ts';
import { StandaloneHerder, connectorFromProperties } from './standalone-herder.ts';
import { DistributedHerder } from './distributed-herder.ts';
import { KafkaOffsetBackingStore } from './kafka-offset-backing-store.ts';
import type { Herder } from './herder.ts';
import { ConnectRestServer } from './rest/connect-rest-server.ts';
import { workerClients } from './kafka-client-adapters.ts';
import type { Logger } from './worker-task.ts';

export const consoleLogger: Logger = (level, message) => {
  const line = `[${new Date().toISOString()}] ${level.toUpperCase()} ${message}\n`;
  if (level === 'info') process.stdout.write(line);
  else process.stderr.write(line);
};

export async function readProperties(path: string): Promise<Record<string, string>> {
  try {
    return parseJavaProperties(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ConnectException(`Could not read properties file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

export interface RunningWorker {
  restUrl: string;
  herder: Herder;
  stop(): Promise<void>;
}

/** Binds the REST listener and works out the worker's id: its advertised host and port. */
async function startRest(config: WorkerConfig, log: Logger) {
  const listener = config.restListener();
  const restServer = new ConnectRestServer(log);
  const address = await restServer.start(listener.host, listener.port);
  const advertisedHost =
    config.getString('rest.advertised.host.name') ??
    (listener.host === '' || listener.host === '0.0.0.0' ? '127.0.0.1' : listener.host);
  const advertisedPort = config.getInt('rest.advertised.port') ?? address.port;
  const restUrl = `${listener.protocol}://${advertisedHost}:${advertisedPort}/`;
  log('info', `REST server listening at ${restUrl}, advertising URL ${restUrl}`);
  return { restServer, restUrl, workerId: `${advertisedHost}:${advertisedPort}` };
}

export async function startStandalone(
  workerPropertiesPath: string,
  connectorPropertiesPaths: readonly string[],
  log: Logger = consoleLogger,
): Promise<RunningWorker> {
  const props = await readProperties(workerPropertiesPath);
  const config = new WorkerConfig('standalone', props);
  const plugins = await workerPlugins(config.getList('plugin.path'));
  const offsetStore = new FileOffsetBackingStore(config.getString('offset.storage.file.filename')!);
  await offsetStore.start();
  const clients = workerClients(
    config.bootstrapServers(),
    config.getString('client.id') || 'connect-standalone',
    props,
  );
  const { restServer, restUrl, workerId } = await startRest(config, log);
  const worker = new Worker(config, plugins, workerId, clients, offsetStore, log);
  const herder = new StandaloneHerder(worker, offsetStore);
  restServer.serve(herder);
  for (const path of connectorPropertiesPaths) {
    const { name, config: connectorConfig } = connectorFromProperties(await readProperties(path));
    await herder.putConnectorConfig(name, connectorConfig, false);
    log('info', `Created connector ${name}`);
  }
  log('info', 'Kafka Connect started');
  return {
    restUrl,
    herder,
    async stop() {
      await restServer.stop();
      await herder.stop();
      await offsetStore.stop();
      clients.client.close();
    },
  };
}

export async function startDistributed(
  workerPropertiesPath: string,
  log: Logger = consoleLogger,
): Promise<RunningWorker> {
  const props = await readProperties(workerPropertiesPath);
  const config = new WorkerConfig('distributed', props);
  const plugins = await workerPlugins(config.getList('plugin.path'));
  const clientId = config.getString('client.id') || `connect-${config.getString('group.id')}`;
  const clients = workerClients(config.bootstrapServers(), clientId, props);
  const offsetStore = new KafkaOffsetBackingStore(
    clients.newClient(`${clientId}-offsets`),
    {
      name: config.getString('offset.storage.topic')!,
      partitions: config.getInt('offset.storage.partitions')!,
      replicationFactor: config.get('offset.storage.replication.factor') as number,
    },
    clients.newInternalProducer(`${clientId}-offsets`),
    log,
  );
  const { restServer, restUrl, workerId } = await startRest(config, log);
  const worker = new Worker(config, plugins, workerId, clients, offsetStore, log);
  const herder = new DistributedHerder(worker, offsetStore, config, clients, restUrl, log);
  restServer.serve(herder);
  await herder.start();
  log('info', 'Kafka Connect started');
  return {
    restUrl,
    herder,
    async stop() {
      await restServer.stop();
      await herder.stop();
      clients.client.close();
    },
  };
}
