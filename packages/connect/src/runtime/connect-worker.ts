/**
 * `sluice connect standalone WORKER.properties [CONNECTOR.properties ...]` (ConnectStandalone): reads the
 * worker's settings, loads the plugins, opens the file offset store, starts the REST API, then creates each
 * connector given on the command line. SIGTERM and SIGINT stop every task (committing its offsets) before the
 * process exits.
 */
import { readFile } from 'node:fs/promises';
import { ConnectException } from '../errors.ts';
import { parseJavaProperties } from './java-properties.ts';
import { WorkerConfig } from './worker-config.ts';
import { workerPlugins } from './plugin-loader.ts';
import { FileOffsetBackingStore } from './offset-store.ts';
import { Worker } from './worker.ts';
import { StandaloneHerder, connectorFromProperties } from './standalone-herder.ts';
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
  herder: StandaloneHerder;
  stop(): Promise<void>;
}

export async function startStandalone(
  workerPropertiesPath: string,
  connectorPropertiesPaths: readonly string[],
  log: Logger = consoleLogger,
): Promise<RunningWorker> {
  const config = new WorkerConfig('standalone', await readProperties(workerPropertiesPath));
  const plugins = await workerPlugins(config.getList('plugin.path'));
  const offsetStore = new FileOffsetBackingStore(config.getString('offset.storage.file.filename')!);
  await offsetStore.start();
  const listener = config.restListener();
  const clients = workerClients(
    config.bootstrapServers(),
    config.getString('client.id') || 'connect-standalone',
  );
  const restServer = new ConnectRestServer(log);
  const address = await restServer.start(listener.host, listener.port);
  const advertisedHost =
    config.getString('rest.advertised.host.name') ??
    (listener.host === '' || listener.host === '0.0.0.0' ? '127.0.0.1' : listener.host);
  const advertisedPort = config.getInt('rest.advertised.port') ?? address.port;
  const workerId = `${advertisedHost}:${advertisedPort}`;
  const worker = new Worker(config, plugins, workerId, clients, offsetStore, log);
  const herder = new StandaloneHerder(worker, offsetStore);
  restServer.serve(herder);
  const restUrl = `${listener.protocol}://${advertisedHost}:${advertisedPort}/`;
  log('info', `REST server listening at ${restUrl}, advertising URL ${restUrl}`);
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
