/**
 * `sluice groups` against a real broker and real consumers: kafka-python's admin lists, describes and reads
 * the offsets of a group a kafka-python consumer committed; the CLI describes its lag, refuses to reset a live
 * group, previews a reset (dry run), executes one that the next kafka-python consumer starts from, and
 * deletes the group.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import { ApiKey, ErrorCode, Writer, encodeConsumerProtocolSubscription } from '@sluice/protocol';
import { startBroker, type BrokerProcess } from '../../../packages/broker/test/support/broker-process.ts';
import { run, runOk } from '../../../packages/broker/test/support/run.ts';

const CLI = fileURLToPath(new URL('../bin/sluice.mjs', import.meta.url));
const clientScript = (name: string) =>
  fileURLToPath(new URL(`../../../packages/broker/test/clients/${name}`, import.meta.url));
const PYTHON = '/usr/bin/python3';
const sluice = (args: string[], input?: string) =>
  run(process.execPath, [CLI, ...args], input === undefined ? {} : { input });

interface AdminView {
  groups: string[];
  described: Record<string, { state: string; protocol_type: string; members: unknown[] }>;
  offsets: Record<string, Record<string, number>>;
}

/** Rows of a kafka-consumer-groups style table, as objects keyed by its header. */
function parseTable(stdout: string): Record<string, string>[] {
  const lines = stdout.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('WARN'));
  const headerAt = lines.findIndex((line) => line.startsWith('GROUP'));
  assert.ok(headerAt >= 0, `no table in:\n${stdout}`);
  const header = lines[headerAt]!.trim().split(/\s+/);
  return lines.slice(headerAt + 1).map((line) => {
    const cells = line.trim().split(/\s+/);
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
  });
}

describe('sluice groups', () => {
  let broker: BrokerProcess;
  let bootstrap: string[];
  before(async () => {
    broker = await startBroker({ configs: { 'group.initial.rebalance.delay.ms': '0' } });
    bootstrap = ['--bootstrap-server', broker.bootstrap];
  });
  after(async () => {
    await broker.stop();
  });

  const produce = (partition: number, values: string[]) =>
    runOk(
      process.execPath,
      [CLI, 'produce', ...bootstrap, '--topic', 'resets', '--partition', String(partition)],
      {
        input: values.join('\n') + '\n',
      },
    );
  /** A kafka-python group member that reads until idle, committing each record; returns partition:offset:value lines. */
  const consume = async () =>
    (
      await runOk(
        PYTHON,
        [clientScript('kafka_python_group.py'), broker.bootstrap, 'resetters', 'resets', '3000'],
        {
          timeoutMs: 60_000,
        },
      )
    ).stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .sort();
  const admin = async (): Promise<AdminView> =>
    JSON.parse(
      (await runOk(PYTHON, [clientScript('kafka_python_admin.py'), broker.bootstrap])).stdout,
    ) as AdminView;
  const describeOffsets = async () =>
    parseTable(
      (await runOk(process.execPath, [CLI, 'groups', 'describe', ...bootstrap, '--group', 'resetters']))
        .stdout,
    );

  it('lists, describes, resets and deletes a group that real consumers use', async () => {
    await runOk(process.execPath, [
      CLI,
      'topics',
      'create',
      ...bootstrap,
      '--topic',
      'resets',
      '--partitions',
      '2',
    ]);
    await produce(0, ['a0', 'a1', 'a2', 'a3', 'a4', 'a5']);
    await produce(1, ['b0', 'b1', 'b2', 'b3']);
    assert.equal((await consume()).length, 10, 'the first consumer reads all ten records');

    // kafka-python's admin sees the group, empty now, and its commits.
    const view = await admin();
    assert.ok(
      view.groups.includes('resetters'),
      `kafka-python lists the group: ${JSON.stringify(view.groups)}`,
    );
    assert.equal(view.described['resetters']?.state, 'Empty', 'kafka-python describes the group as Empty');
    assert.equal(view.described['resetters']?.protocol_type, 'consumer', 'protocol type');
    assert.deepEqual(
      view.offsets['resetters'],
      { 'resets:0': 6, 'resets:1': 4 },
      'kafka-python lists its offsets',
    );

    // The CLI: list and describe, with lag once more records arrive.
    const listed = await runOk(process.execPath, [CLI, 'groups', 'list', ...bootstrap, '--state']);
    assert.deepEqual(
      parseTable(listed.stdout).find((row) => row['GROUP'] === 'resetters'),
      { GROUP: 'resetters', STATE: 'Empty' },
      'groups list --state',
    );
    await produce(0, ['a6', 'a7', 'a8']);
    const described = await describeOffsets();
    assert.deepEqual(
      described.map((r) => [r['PARTITION'], r['CURRENT-OFFSET'], r['LOG-END-OFFSET'], r['LAG']]),
      [
        ['0', '6', '9', '3'],
        ['1', '4', '4', '0'],
      ],
      'describe shows committed offset, log end offset and lag per partition',
    );

    // A live member: the reset is refused, as Kafka refuses it.
    const member = await KafkaConnection.connect('127.0.0.1', broker.port);
    try {
      const w = new Writer(64);
      w.int16(0);
      encodeConsumerProtocolSubscription(
        w,
        { topics: ['resets'], userData: null, ownedPartitions: [], generationId: -1, rackId: null },
        0,
      );
      const join = (memberId: string) =>
        member.request(ApiKey.JoinGroup, {
          groupId: 'resetters',
          sessionTimeoutMs: 10_000,
          rebalanceTimeoutMs: 10_000,
          memberId,
          groupInstanceId: null,
          protocolType: 'consumer',
          protocols: [{ name: 'range', metadata: w.finish() }],
          reason: null,
        });
      const joined = await join((await join('')).memberId);
      assert.equal(joined.errorCode, ErrorCode.NONE, 'a member joins');
      const refused = await sluice([
        'groups',
        'reset-offsets',
        ...bootstrap,
        '--group',
        'resetters',
        '--all-topics',
        '--to-earliest',
        '--execute',
      ]);
      assert.equal(refused.code, 1, `reset of a live group fails: ${refused.stdout}${refused.stderr}`);
      assert.match(
        refused.stderr,
        /Assignments can only be reset if the group 'resetters' is inactive, but the current state is (CompletingRebalance|Stable)\./,
        "Kafka's message for a live group",
      );
      const left = await member.request(ApiKey.LeaveGroup, {
        groupId: 'resetters',
        memberId: joined.memberId,
        members: [{ memberId: joined.memberId, groupInstanceId: null, reason: null }],
      });
      assert.equal(left.errorCode, ErrorCode.NONE, 'the member leaves');
    } finally {
      member.close();
    }

    // Dry run: shows the plan, changes nothing.
    const preview = await runOk(process.execPath, [
      CLI,
      'groups',
      'reset-offsets',
      ...bootstrap,
      '--group',
      'resetters',
      '--topic',
      'resets:0',
      '--to-offset',
      '2',
      '--dry-run',
    ]);
    assert.deepEqual(parseTable(preview.stdout), [
      { GROUP: 'resetters', TOPIC: 'resets', PARTITION: '0', 'NEW-OFFSET': '2' },
    ]);
    assert.equal((await describeOffsets())[0]!['CURRENT-OFFSET'], '6', 'a dry run commits nothing');
    const byDuration = await runOk(process.execPath, [
      CLI,
      'groups',
      'reset-offsets',
      ...bootstrap,
      '--group',
      'resetters',
      '--topic',
      'resets',
      '--by-duration',
      'PT1H',
      '--dry-run',
    ]);
    assert.deepEqual(
      parseTable(byDuration.stdout).map((r) => r['NEW-OFFSET']),
      ['0', '0'],
      'every record is less than an hour old: --by-duration PT1H goes to the first offset',
    );
    const clamped = await runOk(process.execPath, [
      CLI,
      'groups',
      'reset-offsets',
      ...bootstrap,
      '--group',
      'resetters',
      '--topic',
      'resets',
      '--shift-by',
      '100',
    ]);
    assert.match(clamped.stdout, /^WARN: No action will be performed as the --execute option is missing/m);
    assert.deepEqual(
      parseTable(clamped.stdout).map((r) => r['NEW-OFFSET']),
      ['9', '4'],
      'shifts stop at the log end offset',
    );

    // Execute: partition 0 to offset 2, partition 1 to the earliest; the next consumer starts there.
    await runOk(process.execPath, [
      CLI,
      'groups',
      'reset-offsets',
      ...bootstrap,
      '--group',
      'resetters',
      '--topic',
      'resets:0',
      '--to-offset',
      '2',
      '--execute',
    ]);
    await runOk(process.execPath, [
      CLI,
      'groups',
      'reset-offsets',
      ...bootstrap,
      '--group',
      'resetters',
      '--topic',
      'resets:1',
      '--to-earliest',
      '--execute',
    ]);
    assert.deepEqual(
      (await admin()).offsets['resetters'],
      { 'resets:0': 2, 'resets:1': 0 },
      'kafka-python sees the reset',
    );
    assert.deepEqual(
      await consume(),
      [
        ...['a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'].map((v, i) => `0:${i + 2}:${v}`),
        ...['b0', 'b1', 'b2', 'b3'].map((v, i) => `1:${i}:${v}`),
      ].sort(),
      'the next consumer starts from the reset offsets',
    );

    // Delete: gone from the list; deleting again is Kafka's GROUP_ID_NOT_FOUND.
    const deleted = await runOk(process.execPath, [
      CLI,
      'groups',
      'delete',
      ...bootstrap,
      '--group',
      'resetters',
    ]);
    assert.match(deleted.stdout, /Deletion of requested consumer groups \('resetters'\) was successful\./);
    assert.doesNotMatch(
      (await runOk(process.execPath, [CLI, 'groups', 'list', ...bootstrap])).stdout,
      /resetters/,
    );
    const again = await sluice(['groups', 'delete', ...bootstrap, '--group', 'resetters']);
    assert.equal(again.code, 1, 'deleting a missing group fails');
    assert.match(again.stderr, /Group 'resetters' could not be deleted due to: GROUP_ID_NOT_FOUND/);
  });

  it('rejects bad reset arguments with a usage error', async () => {
    const cases: [string[], RegExp][] = [
      [['--group', 'g', '--all-topics', '--to-offset', 'abc'], /--to-offset expects an integer, got "abc"/],
      [['--group', 'g', '--all-topics'], /needs exactly one of --to-earliest/],
      [['--group', 'g', '--to-earliest'], /needs --topic \(repeatable\) or --all-topics/],
      [
        ['--group', 'g', '--topic', 't', '--all-topics', '--to-latest'],
        /needs --topic \(repeatable\) or --all-topics/,
      ],
      [['--group', 'g', '--topic', 'bad name', '--to-latest'], /a topic name uses only letters/],
      [['--group', 'g', '--topic', 't:x', '--to-latest'], /--topic expects TOPIC or TOPIC:P,P/],
      [['--group', 'g', '--topic', 't', '--by-duration', '1h'], /--by-duration expects an ISO-8601 duration/],
      [['--topic', 't', '--to-latest'], /--group is required/],
    ];
    for (const [args, message] of cases) {
      const result = await sluice(['groups', 'reset-offsets', ...bootstrap, ...args]);
      assert.equal(result.code, 2, `exit code 2 for ${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message, `message for ${args.join(' ')}`);
    }
  });
});
