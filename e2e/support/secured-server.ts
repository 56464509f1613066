/**
 * A broker with the console in one process, started the way a user starts one with security: `sluice serve`
 * with two listeners, PLAINTEXT (the inter-broker listener, where the console connects as User:ANONYMOUS) and
 * SASL_PLAINTEXT with SCRAM (where clients authenticate), Kafka's StandardAuthorizer, and User:ANONYMOUS as the
 * only super user, so what an authenticated client may do is decided by the ACLs made in the console. Short
 * quota windows. Free ports,
 * a fresh data dir; stopped like the cluster of cluster.ts (SIGTERM, then SIGKILL of its process group).
 *
 * Specs take it as the worker fixture `secured` of the `test` exported here, with its console as their baseURL.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { freePortRun, startConsoleProcess, type ConsoleProcess } from './cluster.ts';
import { run, SLUICE_CLI } from './processes.ts';

const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;

export const AUTHORIZER = 'org.apache.kafka.metadata.authorizer.StandardAuthorizer';

export interface SecuredServer {
  /** The console: http://127.0.0.1:PORT. */
  url: string;
  /** The PLAINTEXT listener (User:ANONYMOUS, a super user). */
  plaintext: string;
  /** The SASL_PLAINTEXT listener (SCRAM-SHA-256 and SCRAM-SHA-512). */
  sasl: string;
  /** `sluice <args> --bootstrap-server PLAINTEXT` (as the super user). */
  sluice(args: string[], input?: string): Promise<string>;
  /** What the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

type ServeProcess = Omit<ConsoleProcess, 'child'>;

/** `sluice serve ARGS` in its own process group, once its console answers /healthz. */
async function serve(args: string[], consolePort: number, dataDir: string): Promise<ServeProcess> {
  const { child: _child, ...server } = await startConsoleProcess(
    [SLUICE_CLI, 'serve', '--data-dir', dataDir, '--console-port', String(consolePort), ...args],
    { consolePort, dataDir, readyTimeoutMs: READY_TIMEOUT_MS, stopTimeoutMs: STOP_TIMEOUT_MS },
  );
  return server;
}

export async function startSecuredServer(extraConfigs: string[] = []): Promise<SecuredServer> {
  const first = await freePortRun(3);
  const [plaintextPort, saslPort, consolePort] = [first, first + 1, first + 2];
  const configs = [
    `listeners=PLAINTEXT://127.0.0.1:${plaintextPort},SASL_PLAINTEXT://127.0.0.1:${saslPort}`,
    'sasl.enabled.mechanisms=SCRAM-SHA-256,SCRAM-SHA-512',
    `authorizer.class.name=${AUTHORIZER}`,
    'super.users=User:ANONYMOUS',
    'offsets.topic.num.partitions=1',
    // Quota windows of 3 x 1 s (Kafka's default is 11 x 1 s): a new client's burst allowance is 2 s of its
    // quota rather than 10 s, so a throttled client shows within seconds.
    'quota.window.num=3',
    'quota.window.size.seconds=1',
    ...extraConfigs,
  ];
  const server = await serve(
    ['--port', String(plaintextPort), ...configs.flatMap((config) => ['--config', config])],
    consolePort,
    mkdtempSync(join(tmpdir(), 'sluice-e2e-secured-')),
  );
  const plaintext = `127.0.0.1:${plaintextPort}`;
  return {
    ...server,
    plaintext,
    sasl: `127.0.0.1:${saslPort}`,
    sluice: (cliArgs, input = '') =>
      run(process.execPath, [SLUICE_CLI, ...cliArgs, '--bootstrap-server', plaintext], input, 60_000),
  };
}

/**
 * A console alone (`sluice serve --bootstrap-server`) showing the cluster at `bootstrap` through the remote
 * ClusterSource, over the Kafka protocol only.
 */
export async function startRemoteConsole(bootstrap: string): Promise<ServeProcess> {
  const consolePort = await freePortRun(1);
  return serve(
    ['--bootstrap-server', bootstrap],
    consolePort,
    mkdtempSync(join(tmpdir(), 'sluice-e2e-remote-')),
  );
}

/** A test with the worker's secured server as `secured` and its console as the baseURL. */
export const test = base.extend<object, { secured: SecuredServer }>({
  secured: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startSecuredServer();
      try {
        await use(server);
      } finally {
        await server.stop();
      }
    },
    { scope: 'worker', timeout: READY_TIMEOUT_MS + 30_000 },
  ],
  baseURL: async ({ secured }, use) => use(secured.url),
});
