/**
 * The `sluice` command. Each subcommand parses its own flags with node:util parseArgs and fails with a usage
 * line on anything it does not know, rather than guessing.
 */
import { parseArgs } from 'node:util';

const USAGE = `usage: sluice <command> [options]

commands:
  serve --data-dir DIR --port KPORT --console-port CPORT [--host HOST]
        the console (and, from issue 4, the embedded broker) in one process
`;

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string', default: './data' },
      port: { type: 'string', default: '9092' },
      'console-port': { type: 'string', default: '3000' },
      host: { type: 'string', default: '127.0.0.1' },
    },
    strict: true,
  });
  const consolePort = parsePort(values['console-port'], '--console-port');
  const kafkaPort = parsePort(values.port, '--port');
  const { createSluiceServer } = await import('@sluice/server');
  const server = await createSluiceServer({
    dataDir: values['data-dir'],
    consolePort,
    kafkaPort,
    host: values.host,
  });
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

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

const [command, ...rest] = process.argv.slice(2);
try {
  switch (command) {
    case 'serve':
      await serve(rest);
      break;
    case undefined:
    case '--help':
    case '-h':
      console.log(USAGE);
      break;
    default:
      fail(`unknown command "${command}"`);
  }
} catch (error) {
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    fail(error.message);
  }
  throw error;
}
