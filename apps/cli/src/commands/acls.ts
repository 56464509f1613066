/**
 * `sluice acls`: kafka-acls.sh (CreateAcls, DescribeAcls, DeleteAcls), with its flags and its output.
 *
 *   --add | --remove | --list
 *   resources:   --topic T, --group G, --cluster, --transactional-id ID, --delegation-token TOKEN (each may
 *                repeat); --resource-pattern-type LITERAL|PREFIXED (add, remove) or ANY|MATCH too (list, remove);
 *                default LITERAL for --add and --remove, ANY for --list
 *   entries:     --allow-principal P, --deny-principal P (repeatable; "User:alice"), --allow-host H,
 *                --deny-host H (default "*"), --operation OP (repeatable; default All)
 *   shortcuts:   --producer (Write, Describe, Create on topics; IdempotentWrite on the cluster with --idempotent;
 *                Write and Describe on --transactional-id), --consumer (Read, Describe on topics, Read on --group)
 *   --principal P filters --list; --force skips nothing here (removal never prompts), it is accepted for scripts.
 */
import { parseArgs } from 'node:util';
// The code tables alone, not the broker package's index: the CLI loads the broker only to run one.
import { AclPermissionType, PatternType, ResourceTypeFilter, nameOf } from '@sluice/broker/acl-binding';
import { AclOperation, CLUSTER_NAME } from '@sluice/broker/acl-operations';
import type { KafkaConnection as ClusterConnection } from '@sluice/client';
import { ApiKey, ErrorCode, errorCodes } from '@sluice/protocol';
import { CONNECTION_OPTIONS, adminClient } from '../admin-client.ts';
import { CliError, CommandFailedError } from '../cli-error.ts';

const errorNameOf = (code: number) => errorCodes.get(code)?.name ?? `error ${code}`;

interface Resource {
  resourceType: number;
  resourceName: string;
}

interface Entry {
  principal: string;
  host: string;
  operation: number;
  permissionType: number;
}

/** "IdempotentWrite", "idempotent-write" or "IDEMPOTENT_WRITE" as kafka-acls.sh accepts them. */
function operationCode(text: string): number {
  const key = text
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/-/g, '_')
    .toUpperCase();
  const code = (AclOperation as Record<string, number>)[key];
  if (code === undefined || code === AclOperation.ANY)
    throw new CliError(
      `unknown --operation ${text}; valid: ${Object.keys(AclOperation).slice(2).join(', ')}`,
    );
  return code;
}

function patternCode(text: string, allowFilters: boolean): number {
  const code = (PatternType as Record<string, number>)[text.toUpperCase()];
  if (code === undefined || (!allowFilters && code < PatternType.LITERAL))
    throw new CliError(
      `--resource-pattern-type must be ${allowFilters ? 'ANY, MATCH, ' : ''}LITERAL or PREFIXED, got ${text}`,
    );
  return code;
}

function checkPrincipal(principal: string): string {
  if (principal.indexOf(':') <= 0)
    throw new CliError(`principal "${principal}" must be of the form Type:name, e.g. User:alice`);
  return principal;
}

/** "ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)" as kafka-acls.sh prints it. */
function patternText(resourceType: number, name: string, patternType: number): string {
  return (
    `ResourcePattern(resourceType=${nameOf(ResourceTypeFilter, resourceType)}, name=${name}, ` +
    `patternType=${nameOf(PatternType, patternType)})`
  );
}

function entryText(entry: Entry): string {
  return (
    `(principal=${entry.principal}, host=${entry.host}, operation=${nameOf(AclOperation, entry.operation)}, ` +
    `permissionType=${nameOf(AclPermissionType, entry.permissionType)})`
  );
}

export async function aclsCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      ...CONNECTION_OPTIONS,
      add: { type: 'boolean', default: false },
      remove: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      topic: { type: 'string', multiple: true, default: [] },
      group: { type: 'string', multiple: true, default: [] },
      cluster: { type: 'boolean', default: false },
      'transactional-id': { type: 'string', multiple: true, default: [] },
      'delegation-token': { type: 'string', multiple: true, default: [] },
      'resource-pattern-type': { type: 'string' },
      'allow-principal': { type: 'string', multiple: true, default: [] },
      'deny-principal': { type: 'string', multiple: true, default: [] },
      'allow-host': { type: 'string', multiple: true, default: [] },
      'deny-host': { type: 'string', multiple: true, default: [] },
      operation: { type: 'string', multiple: true, default: [] },
      producer: { type: 'boolean', default: false },
      consumer: { type: 'boolean', default: false },
      idempotent: { type: 'boolean', default: false },
      principal: { type: 'string', multiple: true, default: [] },
      force: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const actions = [values.add, values.remove, values.list].filter(Boolean).length;
  if (actions !== 1) throw new CliError('give exactly one of --add, --remove, --list');
  const patternType = patternCode(
    values['resource-pattern-type'] ?? (values.list ? 'ANY' : 'LITERAL'),
    !values.add,
  );

  const resources: Resource[] = [
    ...values.topic.map((name) => ({ resourceType: ResourceTypeFilter.TOPIC, resourceName: name })),
    ...values.group.map((name) => ({ resourceType: ResourceTypeFilter.GROUP, resourceName: name })),
    ...(values.cluster ? [{ resourceType: ResourceTypeFilter.CLUSTER, resourceName: CLUSTER_NAME }] : []),
    ...values['transactional-id'].map((name) => ({
      resourceType: ResourceTypeFilter.TRANSACTIONAL_ID,
      resourceName: name,
    })),
    ...values['delegation-token'].map((name) => ({
      resourceType: ResourceTypeFilter.DELEGATION_TOKEN,
      resourceName: name,
    })),
  ];
  for (const { resourceName } of resources)
    if (resourceName === '') throw new CliError('resource names must not be empty');

  const client = adminClient(values);
  try {
    const connection = await client.any();
    if (values.list) {
      await list(connection, resources, patternType, values.principal.map(checkPrincipal));
      return;
    }
    const bindings = bindingsOf(values, resources);
    if (bindings.length === 0) {
      throw new CliError(
        'nothing to ' +
          (values.add ? 'add' : 'remove') +
          ': name a resource (--topic, --group, --cluster, --transactional-id) and principals ' +
          '(--allow-principal, --deny-principal), or --producer/--consumer',
      );
    }
    if (values.add) await add(connection, bindings, patternType);
    else await remove(connection, bindings, patternType);
  } finally {
    client.close();
  }
}

type Values = {
  'allow-principal': string[];
  'deny-principal': string[];
  'allow-host': string[];
  'deny-host': string[];
  operation: string[];
  producer: boolean;
  consumer: boolean;
  idempotent: boolean;
  group: string[];
};

/** The (resource, entry) pairs the flags describe, as kafka-acls.sh's getAcls/getProducerResourceFilterToAcls. */
function bindingsOf(values: Values, resources: Resource[]): { resource: Resource; entry: Entry }[] {
  const entries = (operations: number[]): Entry[] => {
    const out: Entry[] = [];
    const allowHosts = values['allow-host'].length > 0 ? values['allow-host'] : ['*'];
    const denyHosts = values['deny-host'].length > 0 ? values['deny-host'] : ['*'];
    for (const operation of operations) {
      for (const principal of values['allow-principal'].map(checkPrincipal))
        for (const host of allowHosts)
          out.push({ principal, host, operation, permissionType: AclPermissionType.ALLOW });
      for (const principal of values['deny-principal'].map(checkPrincipal))
        for (const host of denyHosts)
          out.push({ principal, host, operation, permissionType: AclPermissionType.DENY });
    }
    return out;
  };
  if (values['allow-principal'].length === 0 && values['deny-principal'].length === 0)
    throw new CliError('give --allow-principal or --deny-principal');
  const bindings: { resource: Resource; entry: Entry }[] = [];
  const bind = (resource: Resource, operations: number[]) => {
    for (const entry of entries(operations)) bindings.push({ resource, entry });
  };
  if (values.producer || values.consumer) {
    if (values.operation.length > 0)
      throw new CliError('--operation cannot be combined with --producer or --consumer');
    const topics = resources.filter((r) => r.resourceType === ResourceTypeFilter.TOPIC);
    if (topics.length === 0) throw new CliError('--producer and --consumer need --topic');
    if (values.producer) {
      for (const topic of topics)
        bind(topic, [AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE]);
      for (const id of resources.filter((r) => r.resourceType === ResourceTypeFilter.TRANSACTIONAL_ID))
        bind(id, [AclOperation.WRITE, AclOperation.DESCRIBE]);
      if (values.idempotent)
        bind({ resourceType: ResourceTypeFilter.CLUSTER, resourceName: CLUSTER_NAME }, [
          AclOperation.IDEMPOTENT_WRITE,
        ]);
    }
    if (values.consumer) {
      if (values.group.length === 0) throw new CliError('--consumer needs --group');
      for (const topic of topics) bind(topic, [AclOperation.READ, AclOperation.DESCRIBE]);
      for (const group of resources.filter((r) => r.resourceType === ResourceTypeFilter.GROUP))
        bind(group, [AclOperation.READ]);
    }
    return bindings;
  }
  const operations = values.operation.length > 0 ? values.operation.map(operationCode) : [AclOperation.ALL];
  for (const resource of resources) bind(resource, operations);
  return bindings;
}

async function add(
  connection: ClusterConnection,
  bindings: { resource: Resource; entry: Entry }[],
  patternType: number,
): Promise<void> {
  const response = await connection.request(ApiKey.CreateAcls, {
    creations: bindings.map(({ resource, entry }) => ({
      resourceType: resource.resourceType,
      resourceName: resource.resourceName,
      resourcePatternType: patternType,
      ...entry,
    })),
  });
  const failures: string[] = [];
  printGrouped('Adding ACLs for resource', bindings, patternType);
  response.results.forEach((result, i) => {
    if (result.errorCode === ErrorCode.NONE) return;
    failures.push(
      `${entryText(bindings[i]!.entry)} on ${patternText(bindings[i]!.resource.resourceType, bindings[i]!.resource.resourceName, patternType)}: ` +
        (result.errorMessage ?? errorNameOf(result.errorCode)),
    );
  });
  if (failures.length > 0) throw new CommandFailedError(`Error while adding ACLs:\n${failures.join('\n')}`);
  await list(connection, uniqueResources(bindings), patternType, []);
}

async function remove(
  connection: ClusterConnection,
  bindings: { resource: Resource; entry: Entry }[],
  patternType: number,
): Promise<void> {
  const response = await connection.request(ApiKey.DeleteAcls, {
    filters: bindings.map(({ resource, entry }) => ({
      resourceTypeFilter: resource.resourceType,
      resourceNameFilter: resource.resourceName,
      patternTypeFilter: patternType,
      principalFilter: entry.principal,
      hostFilter: entry.host,
      operation: entry.operation,
      permissionType: entry.permissionType,
    })),
  });
  printGrouped('Removing ACLs for resource', bindings, patternType);
  const failures = response.filterResults
    .filter((r) => r.errorCode !== ErrorCode.NONE)
    .map((r) => r.errorMessage ?? errorNameOf(r.errorCode));
  if (failures.length > 0) throw new CommandFailedError(`Error while removing ACLs:\n${failures.join('\n')}`);
  await list(connection, uniqueResources(bindings), patternType, []);
}

function uniqueResources(bindings: { resource: Resource }[]): Resource[] {
  const seen = new Map<string, Resource>();
  for (const { resource } of bindings)
    seen.set(`${resource.resourceType}:${resource.resourceName}`, resource);
  return [...seen.values()];
}

function printGrouped(
  title: string,
  bindings: { resource: Resource; entry: Entry }[],
  patternType: number,
): void {
  for (const resource of uniqueResources(bindings)) {
    const entries = bindings.filter(
      (b) =>
        b.resource.resourceType === resource.resourceType &&
        b.resource.resourceName === resource.resourceName,
    );
    console.log(`${title} \`${patternText(resource.resourceType, resource.resourceName, patternType)}\`: `);
    for (const { entry } of entries) console.log(` \t${entryText(entry)} `);
    console.log();
  }
}

async function list(
  connection: ClusterConnection,
  resources: Resource[],
  patternType: number,
  principals: string[],
): Promise<void> {
  const filters =
    resources.length > 0
      ? resources.map((r) => ({ ...r, patternType }))
      : [{ resourceType: ResourceTypeFilter.ANY, resourceName: null as string | null, patternType }];
  const principalFilters = principals.length > 0 ? principals : [null];
  for (const filter of filters) {
    for (const principal of principalFilters) {
      const response = await connection.request(ApiKey.DescribeAcls, {
        resourceTypeFilter: filter.resourceType,
        resourceNameFilter: filter.resourceName,
        patternTypeFilter: filter.patternType,
        principalFilter: principal,
        hostFilter: null,
        operation: AclOperation.ANY,
        permissionType: AclPermissionType.ANY,
      });
      if (response.errorCode !== ErrorCode.NONE)
        throw new CommandFailedError(response.errorMessage ?? errorNameOf(response.errorCode));
      for (const resource of response.resources) {
        const title =
          principal === null
            ? 'Current ACLs for resource'
            : `ACLs for principal \`${principal}\`\nCurrent ACLs for resource`;
        console.log(
          `${title} \`${patternText(resource.resourceType, resource.resourceName, resource.patternType)}\`: `,
        );
        for (const acl of resource.acls) console.log(` \t${entryText(acl)} `);
        console.log();
      }
    }
  }
}
