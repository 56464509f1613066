/**
 * The server's command line, shared by `npm start` (main.ts) and `sluice serve`: the broker and the console in
 * one process, stopped cleanly by SIGTERM or SIGINT.
 */
import { parseArgs } from 'node:util';
import { parseConnectClusters, type ConnectClusterConfig } from '@sluice/api';
import { connectionSecurityFromFile, type ConnectionSecurity } from '@sluice/api/cluster-sources';
import { createSluiceServer, type SluiceServer } from './server.ts';

/** A shutdown that takes longer than this is stuck; exiting non-zero says so instead of hanging. */
const SHUTDOWN_DEADLINE_MS = 10_000;

function usage(message: string): never {
  console.error(
    `sluice server: ${message}\n` +
      'usage: serve [--data-dir DIR] [--port KAFKA_PORT | --bootstrap-server HOST:PORT,... [--command-config FILE]]\n' +
      '             [--console-port PORT] [--host HOST] [--ssl-cert FILE --ssl-key FILE] [--config name=value ...]\n' +
      '             [--connect-url [NAME=]URL ...]',
  );
  process.exit(2);
}

function parsePort(text: string, flag: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) usage(`${flag} must be a port number (0-65535), got "${text}"`);
  return port;
}

/** The address to print: a loopback or wildcard listener is reachable from this machine as localhost. */
function displayHost(host: string): string {
  return ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'].includes(host) ? 'localhost' : host;
}

export async function runServer(args: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        'data-dir': { type: 'string', default: './data' },
        port: { type: 'string' },
        'bootstrap-server': { type: 'string' },
        'command-config': { type: 'string' },
        'ssl-cert': { type: 'string' },
        'ssl-key': { type: 'string' },
        'console-port': { type: 'string', default: '3000' },
        host: { type: 'string', default: '127.0.0.1' },
        config: { type: 'string', multiple: true, default: [] },
        'connect-url': { type: 'string', multiple: true },
      },
      strict: true,
    }));
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }

  // The console shows either its own embedded broker (--port, 9092 by default) or a remote cluster.
  const bootstrap = values['bootstrap-server'];
  if (bootstrap !== undefined && values.port !== undefined)
    usage('--port runs an embedded broker and --bootstrap-server shows a remote cluster: choose one');
  if (bootstrap !== undefined && values.config.length > 0)
    usage('--config sets the embedded broker, which --bootstrap-server replaces');
  if (values['command-config'] !== undefined && bootstrap === undefined)
    usage('--command-config holds the client settings for --bootstrap-server');
  let kafkaSecurity: ConnectionSecurity | undefined;
  if (values['command-config'] !== undefined) {
    try {
      kafkaSecurity = connectionSecurityFromFile(values['command-config']);
    } catch (error) {
      usage(`--command-config ${(error as Error).message}`);
    }
  }
  const kafkaPort = bootstrap === undefined ? parsePort(values.port ?? '9092', '--port') : undefined;
  const kafkaConfigs = new Map<string, string>();
  for (const entry of values.config) {
    const separator = entry.indexOf('=');
    if (separator <= 0) usage(`--config expects name=value, got "${entry}"`);
    kafkaConfigs.set(entry.slice(0, separator).trim(), entry.slice(separator + 1));
  }
  const consolePort = parsePort(values['console-port'], '--console-port');
  let connectClusters: ConnectClusterConfig[] | undefined;
  try {
    if (values['connect-url'] !== undefined) connectClusters = parseConnectClusters(values['connect-url']);
  } catch (error) {
    usage(`--connect-url ${(error as Error).message}`);
  }
  let server: SluiceServer;
  try {
    server = await createSluiceServer({
      dataDir: values['data-dir'],
      consolePort,
      ...(kafkaPort === undefined ? { kafkaBootstrap: bootstrap! } : { kafkaPort, kafkaConfigs }),
      ...(kafkaSecurity ? { kafkaSecurity } : {}),
      ...(values['ssl-cert'] !== undefined ? { sslCertFile: values['ssl-cert'] } : {}),
      ...(values['ssl-key'] !== undefined ? { sslKeyFile: values['ssl-key'] } : {}),
      host: values.host,
      ...(connectClusters ? { connectClusters } : {}),
    });
  } catch (error) {
    console.error(`sluice server: cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  console.log(
    `Sluice console listening on ${new URL(server.url).protocol}//${displayHost(values.host)}:${server.consolePort}`,
  );
  if (server.kafkaPort !== null) console.log(`Kafka broker listening on ${values.host}:${server.kafkaPort}`);
  else console.log(`Showing the Kafka cluster at ${bootstrap}`);
  if (server.firstAdmin?.generatedPassword) {
    // Shown this once: only its scrypt hash is stored.
    console.log(
      `First start: created the admin user "${server.firstAdmin.username}" with password ` +
        `${server.firstAdmin.generatedPassword} (set SLUICE_ADMIN_USER and SLUICE_ADMIN_PASSWORD to choose them).`,
    );
  }

  let stopping = false;
  function stop(signal: NodeJS.Signals): void {
    // A terminal's Ctrl-C reaches both `npm start`'s wrapper and this process, so a repeat is expected, not urgent.
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    setTimeout(() => {
      console.error(`shutdown did not finish within ${SHUTDOWN_DEADLINE_MS} ms`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed:', error);
        process.exit(1);
      },
    );
  }
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
