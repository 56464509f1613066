/**
 * `sluice configs`, modelled on kafka-configs.sh for client quotas and SCRAM credentials: `--describe` or `--alter`
 * with `--add-config 'k1=v1,k2=v2'` and `--delete-config 'k1,k2'` for `--entity-type users|clients|ips` with
 * `--entity-name NAME` or `--entity-default` (users and clients together for a user's clients), or the shorthand
 * flags `--user`, `--client`, `--ip`, `--user-defaults`, `--client-defaults`, `--ip-defaults`. For users, also
 * `--add-config 'SCRAM-SHA-256=[iterations=8192,password=P],SCRAM-SHA-512=[password=P]'` and
 * `--delete-config SCRAM-SHA-512` (AlterUserScramCredentials), and `--describe` lists their SCRAM credentials
 * after their quotas (DescribeUserScramCredentials). The same checks, messages and output lines as Kafka's tool;
 * `--command-config FILE` reaches a secured listener.
 *
 * As Kafka's admin client, the password never leaves this process: a random salt is drawn here and only the
 * salted password is sent.
 */
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ClusterClient } from '@sluice/client';
import {
  alterClientQuotas,
  describeClientQuotas,
  throwIfError,
  type QuotaFilterComponent,
} from '@sluice/client';
import {
  ApiKey,
  ErrorCode,
  SCRAM_ALGORITHMS,
  errorCodes,
  scramAlgorithmByCode,
  scramSaltedPassword,
} from '@sluice/protocol';
import { QUOTA_KEYS, isQuotaKey } from '@sluice/validators';
import { adminClient } from '../admin-client.ts';
import { CliError, CommandFailedError } from '../cli-error.ts';
import { isScramMechanism, parseConfigsCredential } from './scram-credentials.ts';

/** kafka-configs.sh's entity types (ConfigType) for quotas, and the quota entity type each stands for. */
const QUOTA_ENTITY_TYPES: Record<string, string> = { users: 'user', clients: 'client-id', ips: 'ip' };
const DESCRIBED_AS: Record<string, string> = { user: 'user-principal', 'client-id': 'client-id', ip: 'ip' };
const SHORTHANDS = [
  ['user', 'users'],
  ['client', 'clients'],
  ['ip', 'ips'],
] as const;
const DEFAULT_SHORTHANDS = [
  ['user-defaults', 'users'],
  ['client-defaults', 'clients'],
  ['ip-defaults', 'ips'],
] as const;

/** Java's Double.toString, as Kafka's tool prints quota values (1048576.0, 1.0E7, 0.5). */
export function javaDouble(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e7)) {
    const [mantissa, exponent] = value.toExponential().split('e');
    return `${mantissa!.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
  }
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

/**
 * kafka-configs.sh's --add-config: pairs separated by commas outside square brackets, `key=value` each, with the
 * brackets stripped from values.
 */
export function parseAddConfig(text: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const pair of text.split(/,(?=[^\]]*(?:\[|$))/)) {
    const parts = pair.split(/\s*=\s*(?=[^\]]*(?:\[|$))/);
    if (parts.length !== 2)
      throw new CliError('Invalid entity config: all configs to be added must be in the format "key=val".');
    const key = parts[0]!.trim();
    if (!/^[a-zA-Z0-9._-]*$/.test(key)) throw new CliError(`Invalid character found for config key: ${key}`);
    pairs.set(key, parts[1]!.replace(/\[?\]?/g, '').trim());
  }
  return pairs;
}

const errorNameOf = (code: number) => errorCodes.get(code)?.name ?? `error ${code}`;

/** Kafka's QuotaConfig.isClientOrUserQuotaConfig. */
const isClientOrUserQuota = (key: string) => isQuotaKey(key) && QUOTA_KEYS[key].entityTypes[0] !== 'ip';

const OPTIONS = {
  'bootstrap-server': { type: 'string' },
  'command-config': { type: 'string' },
  describe: { type: 'boolean', default: false },
  alter: { type: 'boolean', default: false },
  'entity-type': { type: 'string', multiple: true, default: [] as string[] },
  'entity-name': { type: 'string', multiple: true, default: [] as string[] },
  'entity-default': { type: 'boolean', multiple: true, default: [] as boolean[] },
  user: { type: 'string' },
  client: { type: 'string' },
  ip: { type: 'string' },
  'user-defaults': { type: 'boolean' },
  'client-defaults': { type: 'boolean' },
  'ip-defaults': { type: 'boolean' },
  'add-config': { type: 'string' },
  'delete-config': { type: 'string', multiple: true, default: [] as string[] },
} satisfies ParseArgsConfig['options'];

interface EntityArgs {
  /** kafka-configs.sh entity types in command-line order (users, clients, ips). */
  types: string[];
  /** Names in command-line order; '' for a default. */
  names: string[];
}

/** The entity types and names of the command line, as ConfigCommandOptions reads them, with its checks. */
function entityArgs(args: string[]): EntityArgs {
  const { values, tokens } = parseArgs({ args, options: OPTIONS, strict: true, tokens: true });
  const types = [...values['entity-type']];
  const names: string[] = [];
  for (const token of tokens ?? []) {
    if (token.kind !== 'option') continue;
    if (token.name === 'entity-name') names.push(token.value ?? '');
    if (token.name === 'entity-default') names.push('');
  }
  const shorthand = [...SHORTHANDS, ...DEFAULT_SHORTHANDS].some(([flag]) => values[flag] !== undefined);
  for (const [flag, type] of SHORTHANDS) {
    const value = values[flag];
    if (value === undefined) continue;
    types.push(type);
    names.push(value);
  }
  for (const [flag, type] of DEFAULT_SHORTHANDS) {
    if (!values[flag]) continue;
    types.push(type);
    names.push('');
  }
  if (new Set(types).size !== types.length) {
    const duplicates = types.filter((t, i) => types.indexOf(t) !== i);
    throw new CliError(`Duplicate entity type(s) specified: ${[...new Set(duplicates)].join(',')}`);
  }
  for (const type of types) {
    if (type === 'topics' || type === 'brokers' || type === 'broker-loggers' || type === 'client-metrics')
      throw new CliError(
        `sluice configs manages client quotas (users, clients, ips); for ${type} use sluice topics alter --config`,
      );
    if (!(type in QUOTA_ENTITY_TYPES))
      throw new CliError(
        `Invalid entity type ${type}, the entity type must be one of users, clients, ips with a --bootstrap-server argument`,
      );
  }
  if (types.length === 0) throw new CliError('At least one entity type must be specified');
  if (types.length > 1 && !(types.length === 2 && types.includes('users') && types.includes('clients')))
    throw new CliError("Only 'users' and 'clients' entity types may be specified together");
  const longForm =
    values['entity-type'].length > 0 ||
    values['entity-name'].length > 0 ||
    values['entity-default'].length > 0;
  if (longForm && shorthand)
    throw new CliError(
      '--entity-{type,name,default} should not be used in conjunction with specific entity flags',
    );
  if (names.length > types.length) throw new CliError('More entity names specified than entity types');
  types.forEach((type, i) => {
    const name = names[i];
    if (type === 'ips' && name && isIP(name) === 0)
      throw new CliError(`The entity name for ips must be a valid IP or resolvable host, but it is: ${name}`);
  });
  return { types, names };
}

/** The filter kafka-configs.sh describes with (containsOnly): a name, the default, or any of a type. */
function filterOf({ types, names }: EntityArgs): QuotaFilterComponent[] {
  return types.map((type, i) => {
    const entityType = QUOTA_ENTITY_TYPES[type]!;
    const name = names[i];
    if (name === undefined) return { entityType, match: { any: true } };
    return { entityType, match: name === '' ? null : name };
  });
}

function describeEntity(entity: Record<string, string | null>): string {
  return ['user', 'client-id', 'ip']
    .filter((type) => type in entity)
    .map((type) => {
      const name = entity[type];
      return name === null ? `the default ${DESCRIBED_AS[type]}` : `${DESCRIBED_AS[type]} '${name}'`;
    })
    .join(', ');
}

async function describe(client: ClusterClient, entity: EntityArgs): Promise<void> {
  for (const { entity: described, quotas } of await describeClientQuotas(client, filterOf(entity), true)) {
    const entries = [...quotas].map(([key, value]) => `${key}=${javaDouble(value)}`).join(', ');
    console.log(`Quota configs for ${describeEntity(described)} are ${entries}`);
  }
  // As Kafka: SCRAM credentials only when no clients are described and no default user is given.
  if (entity.types.includes('clients') || entity.types.includes('ips') || entity.names.includes('')) return;
  const connection = await client.any();
  const response = await connection.request(ApiKey.DescribeUserScramCredentials, {
    users: entity.names.map((name) => ({ name })),
  });
  throwIfError(response.errorCode, response.errorMessage);
  // Users without credentials are left out, as the admin client's DescribeUserScramCredentialsResult.users() does.
  for (const result of response.results.filter((r) => r.errorCode !== ErrorCode.RESOURCE_NOT_FOUND)) {
    if (result.errorCode !== ErrorCode.NONE) {
      console.log(
        `Error retrieving SCRAM credential configs for user-principal '${result.user}': ${errorNameOf(result.errorCode)}: ${result.errorMessage ?? ''}`,
      );
      continue;
    }
    const credentials = result.credentialInfos
      .map((c) => `${scramAlgorithmByCode(c.mechanism)?.name ?? 'UNKNOWN'}=iterations=${c.iterations}`)
      .join(', ');
    console.log(`SCRAM credential configs for user-principal '${result.user}' are ${credentials}`);
  }
}

/** ConfigCommand.alterUserScramCredentialConfigs: deletions, then upsertions, of one user, in one request. */
async function alterScramCredentials(
  client: ClusterClient,
  user: string,
  toAdd: ReadonlyMap<string, string>,
  toDelete: readonly string[],
): Promise<void> {
  const deletions = toDelete
    .filter(isScramMechanism)
    .map((mechanism) => ({ name: user, mechanism: SCRAM_ALGORITHMS[mechanism].code }));
  const upsertions = [...toAdd].flatMap(([mechanism, value]) => {
    if (!isScramMechanism(mechanism)) return [];
    const { iterations, password } = parseConfigsCredential(mechanism, value);
    // Kafka's admin client refuses these before sending (UnacceptableCredentialException).
    if (password === '')
      throw new CommandFailedError(
        'Error while executing config command: UNACCEPTABLE_CREDENTIAL: Password must not be empty',
      );
    const algorithm = SCRAM_ALGORITHMS[mechanism];
    const salt = randomBytes(32);
    return [
      {
        name: user,
        mechanism: algorithm.code,
        iterations,
        salt,
        saltedPassword: scramSaltedPassword(algorithm, password, salt, iterations),
      },
    ];
  });
  const connection = await client.any();
  const response = await connection.request(ApiKey.AlterUserScramCredentials, { deletions, upsertions });
  for (const result of response.results)
    if (result.errorCode !== ErrorCode.NONE)
      throw new CommandFailedError(
        `Error while executing config command: ${errorNameOf(result.errorCode)}: ${result.errorMessage ?? ''}`,
      );
}

async function alter(
  client: ClusterClient,
  entity: EntityArgs,
  addConfig: string | undefined,
  deleteConfig: readonly string[],
): Promise<void> {
  const { types, names } = entity;
  if (names.length !== types.length)
    throw new CliError(
      '--entity-name or --entity-default must be specified with each --entity-type for --alter',
    );
  const toAdd = addConfig === undefined ? new Map<string, string>() : parseAddConfig(addConfig);
  const toDelete = deleteConfig.flatMap((d) => d.split(',')).map((k) => k.trim());
  if (toAdd.size === 0 && toDelete.length === 0)
    throw new CliError(
      'At least one of --add-config, --add-config-file, or --delete-config must be specified with --alter',
    );
  const head = types[0]!;
  const keys = [...toAdd.keys(), ...toDelete];
  if (head === 'ips') {
    const unknown = keys.filter((k) => k !== 'connection_creation_rate');
    if (unknown.length > 0)
      throw new CliError(
        `Only connection quota configs can be added for 'ips' using --bootstrap-server. Unexpected config names: ${unknown.join(',')}`,
      );
  } else if (types.length === 2 || head === 'clients') {
    const unknownAdd = [...toAdd.keys()].filter((k) => !isClientOrUserQuota(k));
    const unknownDelete = toDelete.filter((k) => !isClientOrUserQuota(k));
    if (unknownAdd.length > 0)
      throw new CliError(
        `Only quota configs can be added for 'clients' using --bootstrap-server. Unexpected config names: ${unknownAdd.join(',')}`,
      );
    if (unknownDelete.length > 0)
      throw new CliError(
        `Only quota configs can be deleted for 'clients' using --bootstrap-server. Unexpected config names: ${unknownDelete.join(',')}`,
      );
  } else {
    const known = (k: string) => isScramMechanism(k) || isClientOrUserQuota(k);
    const unknownAdd = [...toAdd.keys()].filter((k) => !known(k));
    const unknownDelete = toDelete.filter((k) => !known(k));
    if (unknownAdd.length > 0)
      throw new CliError(
        `Only quota and SCRAM credential configs can be added for 'users' using --bootstrap-server. Unexpected config names: ${unknownAdd.join(',')}`,
      );
    if (unknownDelete.length > 0)
      throw new CliError(
        `Only quota and SCRAM credential configs can be deleted for 'users' using --bootstrap-server. Unexpected config names: ${unknownDelete.join(',')}`,
      );
    if (keys.some(isScramMechanism)) {
      if (names.includes(''))
        throw new CliError(
          'The use of --entity-default or --user-defaults is not allowed with User SCRAM Credentials using --bootstrap-server.',
        );
      if (keys.some(isClientOrUserQuota))
        throw new CliError(
          "Cannot alter both quota and SCRAM credential configs simultaneously for 'users' using --bootstrap-server.",
        );
      await alterScramCredentials(client, names[0]!, toAdd, toDelete);
      console.log(`Completed updating config for user ${names[0]!}.`);
      return;
    }
  }
  const current = (await describeClientQuotas(client, filterOf(entity), true))[0]?.quotas ?? new Map();
  const invalid = toDelete.filter((k) => !current.has(k));
  if (invalid.length > 0) throw new CommandFailedError(`Invalid config(s): ${invalid.join(',')}`);
  const changes = new Map<string, number | null>();
  for (const [key, text] of toAdd) {
    const value = text.trim() === '' ? Number.NaN : Number(text);
    if (Number.isNaN(value) && text.trim() !== 'NaN')
      throw new CliError(`Cannot parse quota configuration value for ${key}: ${text}`);
    changes.set(key, value);
  }
  for (const key of toDelete) changes.set(key, null);
  const quotaEntity: Record<string, string | null> = {};
  types.forEach((type, i) => (quotaEntity[QUOTA_ENTITY_TYPES[type]!] = names[i] === '' ? null : names[i]!));
  await alterClientQuotas(client, [{ entity: quotaEntity, changes }]);
  const name = names[0]!;
  console.log(
    name !== ''
      ? `Completed updating config for ${head.slice(0, -1)} ${name}.`
      : `Completed updating default config for ${head} in the cluster.`,
  );
}

export async function configsCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: OPTIONS, strict: true });
  if (Number(values.describe) + Number(values.alter) !== 1)
    throw new CliError('Command must include exactly one action: --describe, --alter');
  if (values.describe && (values['add-config'] !== undefined || values['delete-config'].length > 0))
    throw new CliError('Option "[describe]" can\'t be used with option "[add-config, delete-config]"');
  if (!values['bootstrap-server'])
    throw new CliError(
      'One of the required --bootstrap-server or --bootstrap-controller arguments must be specified',
    );
  const entity = entityArgs(args);
  if (values.alter && !entity.names.length)
    throw new CliError(
      'an entity-name or default entity must be specified with --alter of users, clients, brokers or ips',
    );
  const client = adminClient({
    'bootstrap-server': values['bootstrap-server'],
    'command-config': values['command-config'],
  });
  try {
    if (values.describe) await describe(client, entity);
    else await alter(client, entity, values['add-config'], values['delete-config']);
  } finally {
    client.close();
  }
}
