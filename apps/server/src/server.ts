import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { nodeHTTPRequestHandler } from '@trpc/server/adapters/node-http';
import { appRouter, createCaller, LagSampler, type ApiContext, type ClusterSource } from '@sluice/api';
import { EmbeddedClusterSource, RemoteClusterSource } from '@sluice/api/cluster-sources';
import { Broker } from '@sluice/broker';
import { openDatabase } from '@sluice/db';
import { assertConsoleBuilt, CONSOLE_DIR, loadConsoleApp } from './console-app.ts';

export interface SluiceServerOptions {
  /** Holds console.db (users, sessions, audit log) and the embedded broker's logs (kafka-logs/). */
  dataDir: string;
  /** 0 picks a free port; read the chosen one from `SluiceServer.consolePort`. */
  consolePort: number;
  /** Defaults to loopback: exposing the console is a deliberate choice (`--host 0.0.0.0` in a container). */
  host?: string;
  /** The embedded broker's Kafka port (0 picks a free one); without it the server runs no broker. */
  kafkaPort?: number;
  /** Broker settings by Kafka's names (`--config name=value`). */
  kafkaConfigs?: ReadonlyMap<string, string>;
  /**
   * A Kafka cluster ("host:port,...") for the console to show instead of an embedded broker; without either,
   * the console runs with no cluster and its cluster pages answer PRECONDITION_FAILED.
   */
  kafkaBootstrap?: string;
  /** How often consumer lag is sampled into console.db (default 30 s). */
  lagSampleIntervalMs?: number;
  /** The Next.js app to serve; its production build must exist. */
  consoleDir?: string;
}

export interface SluiceServer {
  consolePort: number;
  /** The embedded broker's bound port, or null when none runs. */
  kafkaPort: number | null;
  /** http://host:port of the console and the API. */
  url: string;
  close(): Promise<void>;
}

const TRPC_PREFIX = '/api/trpc';
const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
/** How long open responses (mostly SSE subscriptions, which never finish) get to end before they are cut. */
const SHUTDOWN_GRACE_MS = 1_000;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export async function createSluiceServer(options: SluiceServerOptions): Promise<SluiceServer> {
  const host = options.host ?? '127.0.0.1';
  const consoleDir = options.consoleDir ?? CONSOLE_DIR;
  if (options.kafkaPort !== undefined && options.kafkaBootstrap !== undefined)
    throw new Error(
      'the console shows one cluster: an embedded broker (kafkaPort) or a remote one (kafkaBootstrap)',
    );
  assertConsoleBuilt(consoleDir);
  const database = await openDatabase(join(options.dataDir, 'console.db'));

  // The broker's logs live beside the console's database, in their own folder.
  const broker =
    options.kafkaPort === undefined
      ? null
      : await Broker.start({
          dataDir: join(options.dataDir, 'kafka-logs'),
          host,
          port: options.kafkaPort,
          ...(options.kafkaConfigs ? { configs: options.kafkaConfigs } : {}),
        }).catch((error: unknown) => {
          database.close();
          throw error;
        });

  const cluster: ClusterSource | null = broker
    ? new EmbeddedClusterSource(broker.services)
    : options.kafkaBootstrap !== undefined
      ? RemoteClusterSource.forBootstrap(options.kafkaBootstrap)
      : null;
  const context: ApiContext = { db: database.db, startedAt: new Date(), version: VERSION, cluster };
  const caller = createCaller(context);
  const lagSampler = cluster
    ? new LagSampler({ db: database.db, source: cluster, intervalMs: options.lagSampleIntervalMs })
    : null;

  const server = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.consolePort, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    database.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;

  // Next.js is told the port it runs behind, known only now (consolePort 0 picks one). Requests that arrive
  // while it prepares wait for it; /healthz and the API answer at once.
  const consoleApp = loadConsoleApp({ dir: consoleDir, hostname: host, port });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === TRPC_PREFIX || pathname.startsWith(`${TRPC_PREFIX}/`)) {
      await nodeHTTPRequestHandler({
        req,
        res,
        router: appRouter,
        path: pathname.slice(TRPC_PREFIX.length + 1),
        createContext: () => context,
        onError: ({ error, path }) => {
          if (error.code === 'INTERNAL_SERVER_ERROR')
            console.error(`tRPC ${path ?? '?'} failed:`, error.cause ?? error);
        },
      });
      return;
    }
    if (pathname === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('allow', 'GET, HEAD');
        sendJson(res, 405, { error: 'method not allowed' });
        return;
      }
      const health = await caller.health.health();
      sendJson(res, health.status === 'ok' ? 200 : 503, health);
      return;
    }
    await (await consoleApp).handle(req, res);
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      console.error(`${req.method} ${req.url} failed:`, error);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal server error' });
      else res.destroy();
    });
  });

  async function stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const cut = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    await closed;
    clearTimeout(cut);
    // A console that failed to load has nothing to close; that failure was already thrown to the caller.
    await consoleApp.then(
      (app) => app.close(),
      () => undefined,
    );
    // The sampler reads the cluster and writes the database: it stops before either closes.
    await lagSampler?.stop();
    cluster?.close();
    await broker?.close();
    database.close();
  }

  try {
    await consoleApp;
  } catch (error) {
    await stop();
    throw error;
  }
  lagSampler?.start();

  let closing: Promise<void> | undefined;
  return {
    consolePort: port,
    kafkaPort: broker?.port ?? null,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close() {
      closing ??= stop();
      return closing;
    },
  };
}
