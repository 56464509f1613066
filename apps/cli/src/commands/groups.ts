/**
 * `sluice groups list|describe|reset-offsets|delete`, modelled on kafka-consumer-groups.sh: the same flags
 * (--bootstrap-server, --group, --topic T[:P,P], --all-topics, --to-earliest ..., --dry-run/--execute) and the
 * same column layouts, so scripts written for Kafka's tool read Sluice's output.
 */
import { parseArgs } from 'node:util';
import { ClusterClient, executeOffsetReset, planOffsetReset, type OffsetResetPlanRow } from '@sluice/client';
import { ErrorCode, Reader, decodeConsumerProtocolAssignment, errorCodes } from '@sluice/protocol';
import {
  offsetResetInput,
  parseIsoDuration,
  type OffsetResetInput,
  type OffsetResetTarget,
} from '@sluice/validators';
import { CliError } from '../cli-error.ts';

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)) + 2);
  return [header, ...rows]
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('')
        .trimEnd(),
    )
    .join('\n');
}

function requireGroups(groups: string[]): string[] {
  if (groups.length === 0) throw new CliError('--group is required');
  return groups;
}

/** --topic T or T:0,1,2 (repeatable), as kafka-consumer-groups.sh takes it. */
function parseTopicScopes(entries: string[]): { topic: string; partitions?: number[] }[] {
  return entries.map((entry) => {
    const [topic, list] = entry.split(':') as [string, string | undefined];
    if (list === undefined) return { topic };
    const partitions = list.split(',').map((p) => Number(p));
    if (partitions.some((p) => !Number.isInteger(p) || p < 0))
      throw new CliError(`--topic expects TOPIC or TOPIC:P,P..., got "${entry}"`);
    return { topic, partitions };
  });
}

function parseTarget(values: Record<string, string | boolean | string[] | undefined>): OffsetResetTarget {
  const chosen: OffsetResetTarget[] = [];
  if (values['to-earliest']) chosen.push({ to: 'earliest' });
  if (values['to-latest']) chosen.push({ to: 'latest' });
  if (values['to-current']) chosen.push({ to: 'current' });
  const integer = (flag: string): bigint => {
    const text = String(values[flag]);
    if (!/^-?\d+$/.test(text))
      throw new CliError(
        `${flag === 'to-offset' ? '--to-offset' : '--shift-by'} expects an integer, got "${text}"`,
      );
    return BigInt(text);
  };
  if (values['to-offset'] !== undefined) chosen.push({ to: 'offset', offset: integer('to-offset') });
  if (values['shift-by'] !== undefined) chosen.push({ to: 'shift-by', shift: integer('shift-by') });
  if (values['to-datetime'] !== undefined) {
    const timestamp = Date.parse(String(values['to-datetime']));
    if (Number.isNaN(timestamp))
      throw new CliError(
        `--to-datetime expects a date such as 2026-11-25T10:00:00.000, got "${String(values['to-datetime'])}"`,
      );
    chosen.push({ to: 'datetime', timestamp });
  }
  if (values['by-duration'] !== undefined) {
    const durationMs = parseIsoDuration(String(values['by-duration']));
    if (durationMs === null)
      throw new CliError(
        `--by-duration expects an ISO-8601 duration such as PT1H30M, got "${String(values['by-duration'])}"`,
      );
    chosen.push({ to: 'duration', durationMs });
  }
  if (chosen.length !== 1)
    throw new CliError(
      'reset-offsets needs exactly one of --to-earliest, --to-latest, --to-current, --to-offset, --shift-by, --to-datetime, --by-duration',
    );
  return chosen[0]!;
}

async function describe(client: ClusterClient, groupId: string, view: 'offsets' | 'members' | 'state') {
  const group = await client.describeGroup(groupId);
  if (group.groupState === 'Dead') throw new CliError(`Consumer group '${groupId}' does not exist.`);
  if (view === 'state') {
    console.log(
      table(
        ['GROUP', 'ASSIGNMENT-STRATEGY', 'STATE', '#MEMBERS'],
        [[groupId, group.protocolData, group.groupState, String(group.members.length)]],
      ),
    );
    return;
  }
  const owners = new Map<string, (typeof group.members)[number]>();
  const assigned = new Map<string, number>();
  for (const member of group.members) {
    if (group.protocolType !== 'consumer' || member.memberAssignment.length < 2) continue;
    const reader = new Reader(member.memberAssignment);
    const assignment = decodeConsumerProtocolAssignment(reader, Math.min(reader.int16(), 3));
    let count = 0;
    for (const { topic, partitions } of assignment.assignedPartitions)
      for (const p of partitions) {
        owners.set(`${topic}:${p}`, member);
        count++;
      }
    assigned.set(member.memberId, count);
  }
  if (group.members.length === 0) console.log(`\nConsumer group '${groupId}' has no active members.`);
  if (view === 'members') {
    console.log(
      table(
        ['GROUP', 'CONSUMER-ID', 'HOST', 'CLIENT-ID', '#PARTITIONS'],
        group.members.map((m) => [
          groupId,
          m.memberId,
          m.clientHost,
          m.clientId,
          String(assigned.get(m.memberId) ?? 0),
        ]),
      ),
    );
    return;
  }
  const committed = await client.fetchOffsets(groupId);
  const keys = new Set([...committed.map((c) => `${c.topic}:${c.partition}`), ...owners.keys()]);
  const rows: string[][] = [];
  for (const key of [...keys].sort()) {
    const at = key.lastIndexOf(':');
    const topicName = key.slice(0, at);
    const partition = Number(key.slice(at + 1));
    const current = committed.find((c) => c.topic === topicName && c.partition === partition)?.offset ?? null;
    const topic = await client.topic(topicName).catch(() => null);
    const logEnd = topic ? await client.listOffset(topic, partition, -1n) : null;
    const owner = owners.get(key);
    rows.push([
      groupId,
      topicName,
      String(partition),
      current === null ? '-' : String(current),
      logEnd === null ? '-' : String(logEnd),
      current === null || logEnd === null ? '-' : String(logEnd - current),
      owner?.memberId ?? '-',
      owner?.clientHost ?? '-',
      owner?.clientId ?? '-',
    ]);
  }
  console.log(
    table(
      [
        'GROUP',
        'TOPIC',
        'PARTITION',
        'CURRENT-OFFSET',
        'LOG-END-OFFSET',
        'LAG',
        'CONSUMER-ID',
        'HOST',
        'CLIENT-ID',
      ],
      rows,
    ),
  );
}

function printPlan(groupId: string, rows: OffsetResetPlanRow[]): void {
  console.log(
    table(
      ['GROUP', 'TOPIC', 'PARTITION', 'NEW-OFFSET'],
      rows.map((r) => [groupId, r.topic, String(r.partition), String(r.newOffset)]),
    ),
  );
}

export async function groupsCommand(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      'bootstrap-server': { type: 'string', default: '127.0.0.1:9092' },
      group: { type: 'string', multiple: true, default: [] },
      topic: { type: 'string', multiple: true, default: [] },
      'all-topics': { type: 'boolean', default: false },
      state: { type: 'boolean', default: false },
      members: { type: 'boolean', default: false },
      'to-earliest': { type: 'boolean', default: false },
      'to-latest': { type: 'boolean', default: false },
      'to-current': { type: 'boolean', default: false },
      'to-offset': { type: 'string' },
      'shift-by': { type: 'string' },
      'to-datetime': { type: 'string' },
      'by-duration': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      execute: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const client = new ClusterClient(values['bootstrap-server']);
  try {
    switch (action) {
      case 'list': {
        const groups = await client.listGroups();
        if (values.state)
          console.log(
            table(
              ['GROUP', 'STATE'],
              groups.map((g) => [g.groupId, g.state]),
            ),
          );
        else for (const g of groups) console.log(g.groupId);
        return;
      }
      case 'describe': {
        const view = values.state ? 'state' : values.members ? 'members' : 'offsets';
        for (const groupId of requireGroups(values.group)) await describe(client, groupId, view);
        return;
      }
      case 'reset-offsets': {
        const groups = requireGroups(values.group);
        if (groups.length > 1) throw new CliError('reset-offsets takes one --group');
        const groupId = groups[0]!;
        if (values['dry-run'] && values.execute)
          throw new CliError('choose --dry-run or --execute, not both');
        if (values['all-topics'] === values.topic.length > 0)
          throw new CliError('reset-offsets needs --topic (repeatable) or --all-topics');
        const parsed = offsetResetInput.safeParse({
          groupId,
          scope: values['all-topics'] ? 'all-topics' : parseTopicScopes(values.topic),
          target: parseTarget(values),
        } satisfies OffsetResetInput);
        if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => i.message).join('; '));
        const plan = await planOffsetReset(client, parsed.data);
        if (!values.execute && !values['dry-run'])
          console.log(
            'WARN: No action will be performed as the --execute option is missing. ' +
              'In a future major release, the default behavior of this command will be to prompt the user before ' +
              'executing the reset rather than doing a dry run. You should add the --dry-run option explicitly ' +
              'if you are scripting this command and want to keep the current default behavior without prompting.',
          );
        if (values.execute) await executeOffsetReset(client, plan);
        console.log('');
        printPlan(groupId, plan.rows);
        return;
      }
      case 'delete': {
        const groups = requireGroups(values.group);
        const results = await client.deleteGroups(groups);
        const failed = [...results].filter(([, code]) => code !== ErrorCode.NONE);
        if (failed.length === 0) {
          console.log(
            `Deletion of requested consumer groups (${groups.map((g) => `'${g}'`).join(', ')}) was successful.`,
          );
          return;
        }
        console.error('Deletion of some consumer groups failed:');
        for (const [groupId, code] of failed)
          console.error(
            `* Group '${groupId}' could not be deleted due to: ${errorCodes.get(code)?.name ?? code}`,
          );
        process.exitCode = 1;
        return;
      }
      default:
        throw new CliError(`unknown groups action "${action ?? ''}" (list, describe, reset-offsets, delete)`);
    }
  } finally {
    client.close();
  }
}
