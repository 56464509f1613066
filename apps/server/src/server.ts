import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createSecureContext } from 'node:tls';
import { join } from 'node:path';
import { nodeHTTPRequestHandler } from '@trpc/server/adapters/node-http';
import {
  appRouter,
  createCaller,
  deleteExpiredSessions,
  ensureFirstAdmin,
  findSessionUser,
  IpcDrillController,
  IsrSampler,
  LagSampler,
  LoginRateLimiter,
  parseConnectClusters,
  sessionCookie,
  SizeSampler,
  sessionTokenFrom,
  type ApiContext,
  type ClusterSource,
  type ConnectClusterConfig,
  type FirstAdmin,
} from '@sluice/api';
import {
  EmbeddedClusterSource,
  KafkaAuthenticationError,
  RemoteClusterSource,
  type ConnectionSecurity,
} from '@sluice/api/cluster-sources';
import { Broker, EXPOSITION_CONTENT_TYPE } from '@sluice/broker';
import { openDatabase } from '@sluice/db';
import { assertConsoleBuilt, CONSOLE_DIR, loadConsoleApp } from './console-app.ts';
import { ServerMetrics } from './prometheus.ts';

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
  /**
   * TLS and SASL settings for reaching `kafkaBootstrap` (from Kafka's client properties, `--command-config`).
   * The server connects once at start: a cluster that refuses them fails the start with its error.
   */
  kafkaSecurity?: ConnectionSecurity;
  /**
   * A PEM certificate (chain) and its private key: the console then serves HTTPS only, and its session cookie
   * is Secure. Default: SLUICE_SSL_CERT and SLUICE_SSL_KEY from `env`; without them, plain HTTP.
   */
  sslCertFile?: string;
  sslKeyFile?: string;
  /** How often consumer lag is sampled into console.db (default 30 s). */
  lagSampleIntervalMs?: number;
  /** How often partitions' leaders and ISRs are sampled into console.db (default 5 s). */
  isrSampleIntervalMs?: number;
  /** How often partitions' sizes and offsets are sampled into console.db (default 30 s). */
  sizeSampleIntervalMs?: number;
  /**
   * The Kafka Connect clusters the console manages, by REST URL (`--connect-url`). Default: SLUICE_CONNECT_URL
   * from `env`, comma-separated `URL` or `NAME=URL` entries; without it, none.
   */
  connectClusters?: readonly ConnectClusterConfig[];
  /** The Next.js app to serve; its production build must exist. */
  consoleDir?: string;
  /** Where the first admin comes from (SLUICE_ADMIN_USER, SLUICE_ADMIN_PASSWORD); process.env by default. */
  env?: Record<string, string | undefined>;
}

export interface SluiceServer {
  consolePort: number;
  /** The embedded broker's bound port, or null when none runs. */
  kafkaPort: number | null;
  /** http(s)://host:port of the console and the API. */
  url: string;
  /** The admin created at this first start (with its generated password, to print once), else null. */
  firstAdmin: FirstAdmin | null;
  close(): Promise<void>;
}

const TRPC_PREFIX = '/api/trpc';
/** Console paths reachable without a session: the sign-in page and the assets every page needs. */
const PUBLIC_CONSOLE_PATHS = [/^\/login$/, /^\/_next\//, /^\/favicon\.ico$/];
const SESSION_CLEANUP_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Whether a request comes from a page of this console: browsers send Origin with every POST, and a
 * cross-site request is refused even when a cookie would ride along (CSRF). A request without Origin (curl,
 * scripts) is not from a browser page, and carries no ambient cookie unless its sender put one there.
 */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return req.headers['sec-fetch-site'] !== 'cross-site';
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
/** How long open responses (mostly SSE subscriptions, which never finish) get to end before they are cut. */
const SHUTDOWN_GRACE_MS = 1_000;

/** The console's certificate and key, read before anything starts so a bad file fails at once. */
function consoleTls(
  options: SluiceServerOptions,
  env: Record<string, string | undefined>,
): { cert: Buffer; key: Buffer } | null {
  const certFile = options.sslCertFile ?? env.SLUICE_SSL_CERT;
  const keyFile = options.sslKeyFile ?? env.SLUICE_SSL_KEY;
  if (certFile === undefined && keyFile === undefined) return null;
  if (certFile === undefined || keyFile === undefined)
    throw new Error('HTTPS needs both a certificate and its key (--ssl-cert FILE --ssl-key FILE)');
  const read = (what: string, file: string) => {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new Error(`cannot read the console's ${what} ${file}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  };
  const tls = { cert: read('certificate', certFile), key: read('key', keyFile) };
  try {
    createSecureContext(tls);
  } catch (error) {
    throw new Error(
      `the console's certificate ${certFile} and key ${keyFile} are not usable: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return tls;
}

/**
 * The remote cluster accepts this console's TLS and SASL settings, or the start fails with its refusal. A
 * cluster that is only unreachable (not up yet) is reported and retried on use, as before.
 */
async function checkRemoteCluster(source: RemoteClusterSource, bootstrap: string): Promise<void> {
  try {
    await source.connect();
  } catch (error) {
    if (error instanceof KafkaAuthenticationError)
      throw new Error(`the Kafka cluster at ${bootstrap} refused this console: ${error.message}`, {
        cause: error,
      });
    console.error(
      `the Kafka cluster at ${bootstrap} is not reachable yet: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

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
  const tls = consoleTls(options, options.env ?? process.env);
  const connectUrls = (options.env ?? process.env).SLUICE_CONNECT_URL;
  const connectClusters =
    options.connectClusters ?? parseConnectClusters(connectUrls === undefined ? [] : [connectUrls]);
  const database = await openDatabase(join(options.dataDir, 'console.db'));
  let firstAdmin: FirstAdmin | null;
  try {
    firstAdmin = await ensureFirstAdmin(database.db, options.env ?? process.env);
    await deleteExpiredSessions(database.db);
  } catch (error) {
    database.close();
    throw error;
  }
  const loginLimiter = new LoginRateLimiter();
  const sessionCleanup = setInterval(() => {
    deleteExpiredSessions(database.db).catch((error: unknown) =>
      console.error('session cleanup failed:', error),
    );
  }, SESSION_CLEANUP_INTERVAL_MS);
  sessionCleanup.unref();

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

  let cluster: ClusterSource | null = null;
  if (broker) cluster = new EmbeddedClusterSource(broker.services);
  else if (options.kafkaBootstrap !== undefined) {
    const remote = RemoteClusterSource.forBootstrap(options.kafkaBootstrap, {
      ...(options.kafkaSecurity ? { security: options.kafkaSecurity } : {}),
    });
    try {
      await checkRemoteCluster(remote, options.kafkaBootstrap);
    } catch (error) {
      remote.close();
      database.close();
      throw error;
    }
    cluster = remote;
  }
  const baseContext: ApiContext = {
    db: database.db,
    startedAt: new Date(),
    version: VERSION,
    cluster,
    user: null,
    request: null,
    loginLimiter,
    drills: IpcDrillController.fromParent(options.env ?? process.env),
    connectClusters,
  };
  const caller = createCaller(baseContext);
  const lagSampler = cluster
    ? new LagSampler({ db: database.db, source: cluster, intervalMs: options.lagSampleIntervalMs })
    : null;
  const isrSampler = cluster
    ? new IsrSampler({ db: database.db, source: cluster, intervalMs: options.isrSampleIntervalMs })
    : null;
  const sizeSampler = cluster
    ? new SizeSampler({ db: database.db, source: cluster, intervalMs: options.sizeSampleIntervalMs })
    : null;

  const metrics = new ServerMetrics({ broker, cluster, db: database.db });

  const server: Server = tls ? createHttpsServer(tls) : createServer();
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
    const url = new URL(req.url ?? '/', 'http://localhost');
    const { pathname } = url;
    const secure =
      ('encrypted' in req.socket && req.socket.encrypted === true) ||
      req.headers['x-forwarded-proto'] === 'https';
    const sessionToken = sessionTokenFrom(req.headers.cookie);
    const session = sessionToken ? await findSessionUser(database.db, sessionToken) : null;
    // A session in use is extended on the server; the cookie's lifetime follows.
    if (session?.extended) res.appendHeader('set-cookie', sessionCookie(sessionToken, secure));

    if (pathname === TRPC_PREFIX || pathname.startsWith(`${TRPC_PREFIX}/`)) {
      if (req.method !== 'GET' && req.method !== 'HEAD' && !sameOrigin(req)) {
        sendJson(res, 403, { error: 'cross-origin request refused' });
        return;
      }
      const context: ApiContext = {
        ...baseContext,
        user: session?.user ?? null,
        request: {
          address: req.socket.remoteAddress ?? 'unknown',
          secure,
          sessionToken,
          setCookie: (value) => res.appendHeader('set-cookie', value),
        },
      };
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
    if (pathname === '/metrics' && (req.method === 'GET' || req.method === 'HEAD')) {
      const text = await metrics.text();
      res.writeHead(200, { 'content-type': EXPOSITION_CONTENT_TYPE, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : text);
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
    // Every console page needs a session: without one, the browser is sent to sign in (and back afterwards).
    if (!session && !PUBLIC_CONSOLE_PATHS.some((pattern) => pattern.test(pathname))) {
      res.writeHead(302, { location: `/login?next=${encodeURIComponent(pathname + url.search)}` });
      res.end();
      return;
    }
    if (session && pathname === '/login') {
      const next = url.searchParams.get('next');
      res.writeHead(302, { location: next?.startsWith('/') && !next.startsWith('//') ? next : '/' });
      res.end();
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
    clearInterval(sessionCleanup);
    // The samplers read the cluster and write the database: they stop before either closes.
    await lagSampler?.stop();
    await isrSampler?.stop();
    await sizeSampler?.stop();
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
  isrSampler?.start();
  sizeSampler?.start();

  let closing: Promise<void> | undefined;
  return {
    consolePort: port,
    kafkaPort: broker?.port ?? null,
    url: `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    firstAdmin,
    close() {
      closing ??= stop();
      return closing;
    },
  };
}
