/**
 * `sluice connect list|status|create|...`: the common calls of Kafka Connect's REST API, against any Connect
 * cluster (Sluice's worker or Apache Kafka's) at `--url`. Answers print as the REST API gives them (JSON), as
 * `curl | jq` would; a refusal prints Connect's own message and exits 1.
 */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConnectRestClient, ConnectRestError } from '@sluice/api/connect-rest-client';
import { parseProperties } from '@sluice/client';
import { connectorConfig, connectorOffsetsBody } from '@sluice/validators';
import { CliError, CommandFailedError, parseConfigPairs } from '../cli-error.ts';

export const DEFAULT_CONNECT_URL = 'http://127.0.0.1:8083';

export const CONNECT_REST_USAGE = `  connect list | info | plugins [--all] | plugin-config PLUGIN | status NAME | tasks NAME | config NAME
        | create --config-file F.json|F.properties [--name NAME] | update NAME --config-file F | pause NAME
        | resume NAME | stop NAME | restart NAME [--include-tasks] [--only-failed] | restart-task NAME TASK
        | delete NAME | offsets NAME [--reset | --alter-file F.json] | topics NAME [--reset]
        | validate PLUGIN (--config name=value ... | --config-file F) [--url URL (default ${DEFAULT_CONNECT_URL})]
        Kafka Connect's REST API: connectors, their status, tasks, config, offsets and active topics, and the plugins
`;

type Run = (args: string[]) => Promise<void>;

const print = (value: unknown) => console.log(JSON.stringify(value, null, 2));

const URL_OPTION = { url: { type: 'string', default: DEFAULT_CONNECT_URL } } as const;

function options<const T extends NonNullable<ParseArgsConfig['options']>>(args: string[], extra: T) {
  const { values, positionals } = parseArgs({
    args,
    options: { ...URL_OPTION, ...extra },
    allowPositionals: true,
    strict: true,
  });
  // parseArgs's types lose the url option in the spread of a generic; it always has its default.
  const { url } = values as { url: string };
  return { values, positionals, client: new ConnectRestClient(url) };
}

function onePositional(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new CliError(`give exactly one ${what}`);
  return positionals[0]!;
}

/**
 * A connector's config from a file: JSON (a flat config, or `{"name", "config"}` as POST /connectors takes it)
 * or Java properties, as connect-standalone.sh reads them. The name comes from the file's `name`.
 */
export function readConnectorFile(path: string): {
  name: string | undefined;
  config: Record<string, string>;
} {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
  let raw: Record<string, unknown>;
  if (path.endsWith('.json')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new CliError(`${path} is not JSON: ${(error as Error).message}`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw new CliError(`${path} must hold a JSON object`);
    const body = json as Record<string, unknown>;
    raw =
      typeof body.config === 'object' && body.config !== null
        ? {
            ...(body.config as Record<string, unknown>),
            ...(typeof body.name === 'string' ? { name: body.name } : {}),
          }
        : body;
  } else {
    raw = Object.fromEntries(parseProperties(text));
  }
  const config = connectorConfig.safeParse(
    Object.fromEntries(
      Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    ),
  );
  if (!config.success) throw new CliError(`${path}: ${config.error.issues.map((i) => i.message).join('; ')}`);
  return { name: config.data.name, config: config.data };
}

const SUBCOMMANDS: Record<string, Run> = {
  async list(args) {
    const { client } = options(args, {});
    print(await client.listConnectorsExpanded());
  },
  async info(args) {
    const { client } = options(args, {});
    print(await client.serverInfo());
  },
  async plugins(args) {
    const { values, client } = options(args, { all: { type: 'boolean', default: false } });
    print(await client.connectorPlugins(!values.all));
  },
  async 'plugin-config'(args) {
    const { positionals, client } = options(args, {});
    print(await client.pluginConfig(onePositional(positionals, 'plugin')));
  },
  async status(args) {
    const { positionals, client } = options(args, {});
    print(await client.connectorStatus(onePositional(positionals, 'connector name')));
  },
  async tasks(args) {
    const { positionals, client } = options(args, {});
    print(await client.connectorTasks(onePositional(positionals, 'connector name')));
  },
  async config(args) {
    const { positionals, client } = options(args, {});
    print(await client.connectorConfig(onePositional(positionals, 'connector name')));
  },
  async create(args) {
    const { values, positionals, client } = options(args, {
      'config-file': { type: 'string' },
      name: { type: 'string' },
    });
    if (positionals.length > 0) throw new CliError('create takes --config-file F, not a name');
    if (values['config-file'] === undefined)
      throw new CliError('create needs --config-file F.json|F.properties');
    const file = readConnectorFile(String(values['config-file']));
    const name = (values.name as string | undefined) ?? file.name;
    if (!name) throw new CliError('the connector needs a name: a "name" in the file, or --name');
    print(await client.createConnector(name, { ...file.config, name }));
  },
  async update(args) {
    const { values, positionals, client } = options(args, { 'config-file': { type: 'string' } });
    const name = onePositional(positionals, 'connector name');
    if (values['config-file'] === undefined)
      throw new CliError('update needs --config-file F.json|F.properties');
    const { config } = readConnectorFile(String(values['config-file']));
    print(await client.putConnectorConfig(name, { ...config, name }));
  },
  async pause(args) {
    const { positionals, client } = options(args, {});
    await client.pauseConnector(onePositional(positionals, 'connector name'));
  },
  async resume(args) {
    const { positionals, client } = options(args, {});
    await client.resumeConnector(onePositional(positionals, 'connector name'));
  },
  async stop(args) {
    const { positionals, client } = options(args, {});
    await client.stopConnector(onePositional(positionals, 'connector name'));
  },
  async restart(args) {
    const { values, positionals, client } = options(args, {
      'include-tasks': { type: 'boolean', default: false },
      'only-failed': { type: 'boolean', default: false },
    });
    const status = await client.restartConnector(onePositional(positionals, 'connector name'), {
      ...(values['include-tasks'] ? { includeTasks: true } : {}),
      ...(values['only-failed'] ? { onlyFailed: true } : {}),
    });
    if (status) print(status);
  },
  async 'restart-task'(args) {
    const { positionals, client } = options(args, {});
    if (positionals.length !== 2 || !/^\d+$/.test(positionals[1]!))
      throw new CliError('restart-task takes a connector name and a task id');
    await client.restartTask(positionals[0]!, Number(positionals[1]));
  },
  async delete(args) {
    const { positionals, client } = options(args, {});
    await client.deleteConnector(onePositional(positionals, 'connector name'));
  },
  async offsets(args) {
    const { values, positionals, client } = options(args, {
      reset: { type: 'boolean', default: false },
      'alter-file': { type: 'string' },
    });
    const name = onePositional(positionals, 'connector name');
    if (values.reset && values['alter-file'] !== undefined)
      throw new CliError('--reset and --alter-file exclude each other');
    if (values.reset) {
      console.log(await client.resetConnectorOffsets(name));
    } else if (values['alter-file'] !== undefined) {
      const path = String(values['alter-file']);
      let body: unknown;
      try {
        body = JSON.parse(readFileSync(path, 'utf8'));
      } catch (error) {
        throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
      }
      const offsets = connectorOffsetsBody.safeParse(body);
      if (!offsets.success)
        throw new CliError(`${path}: ${offsets.error.issues.map((i) => i.message).join('; ')}`);
      console.log(await client.alterConnectorOffsets(name, offsets.data));
    } else {
      print(await client.connectorOffsets(name));
    }
  },
  async topics(args) {
    const { values, positionals, client } = options(args, { reset: { type: 'boolean', default: false } });
    const name = onePositional(positionals, 'connector name');
    if (values.reset) await client.resetConnectorActiveTopics(name);
    else print(await client.connectorActiveTopics(name));
  },
  async validate(args) {
    const { values, positionals, client } = options(args, {
      config: { type: 'string', multiple: true, default: [] },
      'config-file': { type: 'string' },
    });
    const plugin = onePositional(positionals, 'plugin');
    const config = {
      ...(values['config-file'] !== undefined ? readConnectorFile(String(values['config-file'])).config : {}),
      ...Object.fromEntries(parseConfigPairs(values.config as string[])),
    };
    const result = await client.validateConfig(plugin, { 'connector.class': plugin, ...config });
    for (const { value } of result.configs)
      for (const error of value?.errors ?? []) console.log(`${value!.name}: ${error}`);
    console.log(`${result.error_count} error${result.error_count === 1 ? '' : 's'}`);
    if (result.error_count > 0) process.exitCode = 1;
  },
};

/** Runs one REST subcommand; a refusal from Connect fails with its message (exit 1). */
function withConnectErrors(run: Run): Run {
  return async (args) => {
    try {
      await run(args);
    } catch (error) {
      if (error instanceof ConnectRestError) throw new CommandFailedError(error.message, { cause: error });
      throw error;
    }
  };
}

/**
 * Adds the REST subcommands to `sluice connect`'s table (the worker's own, standalone and distributed, live in
 * connect.ts).
 */
export function registerConnectRestCommands(connectCommand: Map<string, Run>): void {
  for (const [name, run] of Object.entries(SUBCOMMANDS)) connectCommand.set(name, withConnectErrors(run));
}
