/**
 * The `sluice` command. Each subcommand parses its own flags with node:util parseArgs and fails with a usage
 * line on anything it does not know, rather than guessing.
 */
import { parseArgs } from 'node:util';
import { CliError, CommandFailedError, parseConfigPairs } from './cli-error.ts';
import { clusterCommand } from './commands/cluster.ts';
import { configsCommand } from './commands/configs.ts';
import { CONNECT_REST_USAGE, registerConnectRestCommands } from './commands/connect-rest.ts';
import { connectCommand } from './commands/connect.ts';
import { consumeCommand } from './commands/consume.ts';
import { groupsCommand } from './commands/groups.ts';
import { usersCommand } from './commands/users.ts';
import { aclsCommand } from './commands/acls.ts';
import { leaderElectionCommand } from './commands/leader-election.ts';
import { produceCommand } from './commands/produce.ts';
import { reassignPartitionsCommand } from './commands/reassign-partitions.ts';
import { storageCommand } from './commands/storage.ts';
import { topicsCommand } from './commands/topics.ts';
import { transactionsCommand } from './commands/transactions.ts';

const USAGE = `usage: sluice <command> [options]

commands:
  broker --data-dir DIR --port PORT [--host HOST] [--http-port HPORT] [--config name=value ...]
        one broker; settings use Kafka's config names (e.g. --config num.partitions=3); GET /metrics and
        /v1/cleaner on HPORT (default PORT+1000, a free one with --port 0; -1 for none)
  cluster --brokers N --data-dir DIR --port PORT [--controller-port QPORT] [--console-port CPORT]
        [--http-port HPORT] [--host HOST] [--listener SSL|SASL_PLAINTEXT|SASL_SSL ...] [--config name=value ...]
        N brokers, one OS process each (DIR/broker-K, clients on PORT..PORT+N-1, /metrics on
        HPORT..HPORT+N-1, default PORT+1000..), all voters of the metadata quorum; prints each broker's
        command line so it can be stopped and restarted on its own
  serve --data-dir DIR --port KPORT --console-port CPORT [--host HOST] [--config name=value ...]
        [--ssl-cert FILE --ssl-key FILE]
        the broker and the console in one process; or, with --bootstrap-server HOST:PORT instead of --port
        (and --command-config FILE for a secured cluster), the console alone, showing that Kafka cluster;
        with a certificate and key the console serves HTTPS only
  storage random-uuid | format --data-dir DIR --cluster-id ID --config node.id=N [--ignore-formatted]
        [--add-scram 'SCRAM-SHA-256=[name=U,password=P]' ...] | info --data-dir DIR
        formats a KRaft node's data folder before its first start, as kafka-storage.sh; --add-scram puts SCRAM
        users in the bootstrap metadata, so the first start already accepts them
  topics create|list|describe|delete|alter --bootstrap-server HOST:PORT [--topic T]
        [--partitions N] [--replication-factor R | --replica-assignment 1:2,2:3] [--config name=value ...]
        [--delete-config name]
  groups list|describe|reset-offsets|delete --bootstrap-server HOST:PORT [--group G ...] [--state]
        [--members] [--topic T[:P,P] ... | --all-topics] [--to-earliest | --to-latest | --to-current |
        --to-offset N | --shift-by N | --to-datetime ISO | --by-duration PnDTnHnMnS] [--dry-run | --execute]
  reassign-partitions --bootstrap-server HOST:PORT (--execute [--throttle B/s] | --verify | --cancel)
        --reassignment-json-file FILE [--preserve-throttles] | --list
        moves partition replicas between brokers, as kafka-reassign-partitions.sh
  leader-election --bootstrap-server HOST:PORT --election-type preferred|unclean
        (--all-topic-partitions | --topic T --partition P | --path-to-json-file FILE)
        elects leaders, as kafka-leader-election.sh
  configs --bootstrap-server HOST:PORT (--describe | --alter [--add-config 'k=v,...'] [--delete-config 'k,...'])
        --entity-type users|clients|ips (--entity-name NAME | --entity-default) [--entity-type clients ...]
        (or --user U --client C --ip IP --user-defaults --client-defaults --ip-defaults)
        client quotas (producer_byte_rate, consumer_byte_rate, request_percentage, controller_mutation_rate,
        connection_creation_rate), as kafka-configs.sh (also as sluice quotas); for users also SCRAM credentials:
        --add-config 'SCRAM-SHA-256=[iterations=8192,password=P],SCRAM-SHA-512=[password=P]',
        --delete-config SCRAM-SHA-512, and --describe lists them
  produce --bootstrap-server HOST:PORT --topic T [--partition P] [--key-separator SEP]
        [--headers k=v,...] [--compression none|gzip|snappy|lz4|zstd] [--acks -1|0|1]   (stdin lines)
  consume --bootstrap-server HOST:PORT --topic T [--partition P] [--offset earliest|latest|N]
        [--from-beginning] [--max-messages N] [--timeout-ms MS] [--print-key] [--key-separator SEP]
        [--format text|json|hex|base64] [--isolation-level read_uncommitted|read_committed]
  acls --bootstrap-server HOST:PORT (--add | --remove | --list) [--topic T] [--group G] [--cluster]
       [--transactional-id ID] [--resource-pattern-type LITERAL|PREFIXED|MATCH|ANY]
       [--allow-principal User:NAME] [--deny-principal User:NAME] [--allow-host H] [--deny-host H]
       [--operation OP ...] [--producer [--idempotent]] [--consumer] [--principal User:NAME]
        ACLs, as kafka-acls.sh
  users --bootstrap-server HOST:PORT (--list | --describe USER | --create USER | --alter USER | --delete USER)
        [--mechanism SCRAM-SHA-256|SCRAM-SHA-512] [--password-stdin | --password P] [--iterations N]
        SCRAM users, as kafka-configs.sh --entity-type users --add-config 'SCRAM-SHA-256=[...]'
  transactions --bootstrap-server HOST:PORT (list [--duration-filter MS] | describe --transactional-id ID |
        describe-producers --topic T --partition P [--broker-id N] |
        abort --topic T --partition P (--start-offset O | --producer-id I --producer-epoch E --coordinator-epoch C) |
        find-hanging (--broker-id N | --topic T [--partition P]) [--max-transaction-timeout MINUTES])
        transactions and the producers of partitions, and aborting hanging ones, as kafka-transactions.sh
  connect standalone WORKER.properties [CONNECTOR.properties ...] | distributed WORKER.properties
        a Kafka Connect worker, as connect-standalone.sh / connect-distributed.sh, with Kafka Connect's
        settings (bootstrap.servers, key.converter, offset.storage.file.filename, listeners, plugin.path, ...);
        its REST API listens on listeners (http://:8083 by default)
${CONNECT_REST_USAGE}  Admin commands reach a secured listener with --command-config FILE (Kafka's client properties:
  security.protocol, sasl.mechanism, sasl.jaas.config, ssl.truststore.location, ...).
`;

async function serve(args: string[]): Promise<void> {
  const { runServer } = await import('@sluice/server');
  await runServer(args);
}

async function broker(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string', default: './data' },
      port: { type: 'string', default: '9092' },
      host: { type: 'string', default: '127.0.0.1' },
      'advertised-host': { type: 'string' },
      'http-port': { type: 'string' },
      config: { type: 'string', multiple: true, default: [] },
    },
    strict: true,
  });
  const configs = parseConfigPairs(values.config);
  const port = parsePort(values.port, '--port');
  // The metrics endpoint is on unless turned off: --http-port, else --config sluice.http.port, else PORT+1000.
  const httpPortDefaulted = values['http-port'] === undefined && !configs.has(HTTP_PORT_CONFIG);
  if (values['http-port'] !== undefined) {
    const httpPort = values['http-port'] === '-1' ? -1 : parsePort(values['http-port'], '--http-port');
    configs.set(HTTP_PORT_CONFIG, String(httpPort));
  } else if (httpPortDefaulted) {
    if (port !== 0 && port + HTTP_PORT_OFFSET > 65535)
      fail(`--port ${port} leaves no room for the metrics port ${port + HTTP_PORT_OFFSET}: give --http-port`);
    configs.set(HTTP_PORT_CONFIG, String(port === 0 ? 0 : port + HTTP_PORT_OFFSET));
  }
  const { Broker, ConfigError } = await import('@sluice/broker');
  let running;
  try {
    running = await Broker.start({
      dataDir: values['data-dir'],
      port,
      host: values.host,
      ...(values['advertised-host'] ? { advertisedHost: values['advertised-host'] } : {}),
      configs,
      httpPortInUseFallback: httpPortDefaulted,
    });
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** Where `sluice broker` serves /metrics unless told: its Kafka port plus this. */
const HTTP_PORT_OFFSET = 1000;
const HTTP_PORT_CONFIG = 'sluice.http.port';

function parsePort(text: string, flag: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`${flag} must be a port number, got "${text}"`);
  return port;
}

function fail(message: string): never {
  console.error(`sluice: ${message}\n\n${USAGE}`);
  process.exit(2);
}

/** `sluice connect SUBCOMMAND ...`, by subcommand: a worker (connect.ts) and the REST API's calls (connect-rest.ts). */
const connectSubcommands = new Map<string, (args: string[]) => Promise<void>>([
  ['standalone', (args) => connectCommand(['standalone', ...args])],
  ['distributed', (args) => connectCommand(['distributed', ...args])],
]);
registerConnectRestCommands(connectSubcommands);

const [command, ...rest] = process.argv.slice(2);
try {
  switch (command) {
    case 'broker':
      await broker(rest);
      break;
    case 'cluster':
      await clusterCommand(rest);
      break;
    case 'serve':
      await serve(rest);
      break;
    case 'storage':
      await storageCommand(rest);
      break;
    case 'topics':
      await topicsCommand(rest);
      break;
    case 'groups':
      await groupsCommand(rest);
      break;
    case 'leader-election':
      await leaderElectionCommand(rest);
      break;
    case 'reassign-partitions':
      await reassignPartitionsCommand(rest);
      break;
    case 'configs':
    case 'quotas':
      await configsCommand(rest);
      break;
    case 'produce':
      await produceCommand(rest);
      break;
    case 'users':
      await usersCommand(rest);
      break;
    case 'acls':
      await aclsCommand(rest);
      break;
    case 'consume':
      await consumeCommand(rest);
      break;
    case 'transactions':
      await transactionsCommand(rest);
      break;
    case 'connect': {
      const [subcommand = '', ...connectArgs] = rest;
      const run = connectSubcommands.get(subcommand);
      if (!run) fail(`unknown connect subcommand "${subcommand}"`);
      await run(connectArgs);
      break;
    }
    case undefined:
    case '--help':
    case '-h':
      console.log(USAGE);
      break;
    default:
      fail(`unknown command "${command}"`);
  }
} catch (error) {
  if (error instanceof CliError) fail(error.message);
  if (
    error instanceof CommandFailedError ||
    (error instanceof Error &&
      [
        'KafkaError',
        'OffsetResetError',
        'KafkaProtocolError',
        'KafkaAuthenticationError',
        // A Connect worker's or connector's settings refused by name (sluice connect).
        'ConfigException',
      ].includes(error.name))
  ) {
    console.error(`sluice: ${error.message}`);
    process.exit(1);
  }
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    fail(error.message);
  }
  throw error;
}
