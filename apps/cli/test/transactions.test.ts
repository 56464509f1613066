/**
 * `sluice transactions` against a real broker and a real transactional producer (kafkajs): while its
 * transaction is open, `list` and `describe` show it at its coordinator with kafka-transactions.sh's columns,
 * `describe-producers` shows where it started on the partition, `find-hanging` does not flag it (its
 * coordinator still lists the partition), and `abort --start-offset` closes it on the partition with an ABORT
 * marker, after which a read_committed reader (a Fetch, and `sluice consume --isolation-level read_committed`)
 * gets nothing of it and the partition's producer has no open transaction. Refusals are one line and exit 1.
 * And the case the tool is for: a transactional batch its coordinator never heard of (written without
 * AddPartitionsToTxn, with KIP-890's verification off) hangs; `find-hanging` finds it and `abort` closes it.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel, type Producer, type Transaction } from 'kafkajs';
import { ClusterClient, IsolationLevel } from '@sluice/client';
import { splitBatches } from '@sluice/protocol';
import { startBroker, type BrokerProcess } from '../../../packages/broker/test/support/broker-process.ts';
import { run, runOk } from '../../../packages/broker/test/support/run.ts';
import { writeHangingTransaction } from '../../../packages/client/src/testing/hanging-transaction.ts';
import { prettyTable } from '../src/commands/transactions.ts';

const CLI = fileURLToPath(new URL('../bin/sluice.mjs', import.meta.url));
const TOPIC = 'payments';
const TRANSACTIONAL_ID = 'payments-writer';

/** Rows of a kafka-transactions.sh table (tab-separated, padded cells), keyed by its header. */
function parseTable(stdout: string): Record<string, string>[] {
  const [header, ...rows] = stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t').map((cell) => cell.trim()));
  assert.ok(header, `no table in:\n${stdout}`);
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}

/** `sluice transactions --bootstrap-server B ARGS`, however it ends. */
const transactions = (broker: BrokerProcess, args: string[]) =>
  run(process.execPath, [CLI, 'transactions', '--bootstrap-server', broker.bootstrap, ...args]);

/** A one-partition topic. */
const createTopic = (broker: BrokerProcess, topic: string) =>
  runOk(process.execPath, [
    CLI,
    'topics',
    'create',
    '--bootstrap-server',
    broker.bootstrap,
    '--topic',
    topic,
    '--partitions',
    '1',
  ]);

/** A read_committed Fetch of partition 0 from offset 0. */
async function readCommitted(broker: BrokerProcess, topicName: string) {
  const client = new ClusterClient(broker.bootstrap);
  try {
    const topic = await client.topic(topicName);
    return await client.fetch(topic, 0, 0n, { maxWaitMs: 0, isolationLevel: IsolationLevel.READ_COMMITTED });
  } finally {
    client.close();
  }
}

/** The table a successful `sluice transactions` prints. */
async function transactionsTable(broker: BrokerProcess, args: string[]) {
  const result = await transactions(broker, args);
  assert.equal(result.code, 0, result.stderr);
  return parseTable(result.stdout);
}

describe('sluice transactions: the table layout', () => {
  it("pads each cell to its column and ends it with a tab, as Kafka's ToolsUtils.prettyPrintTable", () => {
    assert.equal(
      prettyTable(['ProducerId', 'State'], [['1000', 'Ongoing']]),
      'ProducerId\tState  \t\n1000      \tOngoing\t',
    );
    assert.equal(prettyTable(['A'], []), 'A\t');
  });
});

describe('sluice transactions against a broker with an open transaction', () => {
  let broker: BrokerProcess;
  let producer: Producer;
  let transaction: Transaction;
  const sluice = (...args: string[]) => transactions(broker, args);
  const table = (...args: string[]) => transactionsTable(broker, args);

  before(async () => {
    broker = await startBroker();
    await createTopic(broker, TOPIC);
    const kafka = new Kafka({
      brokers: [broker.bootstrap],
      clientId: 'cli-transactions',
      logLevel: logLevel.NOTHING,
    });
    producer = kafka.producer({
      transactionalId: TRANSACTIONAL_ID,
      maxInFlightRequests: 1,
      idempotent: true,
    });
    await producer.connect();
    transaction = await producer.transaction();
    await transaction.send({ topic: TOPIC, messages: [{ value: 'debit' }, { value: 'credit' }] });
  });
  after(async () => {
    await producer?.disconnect().catch(() => undefined);
    await broker?.stop();
  });

  it('lists the open transaction at its coordinator', async () => {
    const rows = await table('list');
    const row = rows.find((r) => r.TransactionalId === TRANSACTIONAL_ID);
    assert.ok(row, `no ${TRANSACTIONAL_ID} in ${JSON.stringify(rows)}`);
    assert.equal(row.Coordinator, '1');
    assert.match(row.ProducerId!, /^\d+$/);
    assert.equal(row.TransactionState, 'Ongoing');
    assert.deepEqual(await table('list', '--duration-filter', String(60 * 60_000)), []);
  });

  it('describes it: state, timeout, start time and its partition', async () => {
    const [row] = await table('describe', '--transactional-id', TRANSACTIONAL_ID);
    assert.equal(row!.CoordinatorId, '1');
    assert.equal(row!.TransactionalId, TRANSACTIONAL_ID);
    assert.equal(row!.TransactionState, 'Ongoing');
    assert.equal(row!.TransactionTimeoutMs, '60000', "kafkajs's default transactionTimeout");
    assert.ok(Math.abs(Number(row!.CurrentTransactionStartTimeMs) - Date.now()) < 60_000);
    assert.ok(Number(row!.TransactionDurationMs) >= 0);
    assert.equal(row!.TopicPartitions, `${TOPIC}-0`);

    const unknown = await sluice('describe', '--transactional-id', 'nobody');
    assert.equal(unknown.code, 1);
    assert.match(
      unknown.stderr,
      /^sluice: Failed to describe transaction state of transactional-id `nobody`: TRANSACTIONAL_ID_NOT_FOUND/,
    );
  });

  it('describes the producers of the partition, the open transaction starting at offset 0', async () => {
    const [listed] = await table('list');
    const rows = await table('describe-producers', '--topic', TOPIC, '--partition', '0');
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.ProducerId, listed!.ProducerId);
    assert.equal(rows[0]!.LastSequence, '1');
    assert.equal(rows[0]!.CurrentTransactionStartOffset, '0');
    assert.deepEqual(
      await table('describe-producers', '--topic', TOPIC, '--partition', '0', '--broker-id', '1'),
      rows,
    );
  });

  it('does not call a transaction its coordinator still lists hanging', async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(await table('find-hanging', '--broker-id', '1', '--max-transaction-timeout', '0'), []);
    const unscoped = await sluice('find-hanging');
    assert.equal(unscoped.code, 2);
    assert.match(unscoped.stderr, /requires either --topic or --broker-id/);
  });

  it('aborts it by its start offset: an ABORT marker closes it on the partition', async () => {
    const missing = await sluice('abort', '--topic', TOPIC, '--partition', '0', '--start-offset', '7');
    assert.equal(missing.code, 1);
    assert.equal(
      missing.stderr.trim(),
      `sluice: Could not find any open transactions starting at offset 7 on partition ${TOPIC}-0`,
    );

    const aborted = await sluice('abort', '--topic', TOPIC, '--partition', '0', '--start-offset', '0');
    assert.equal(aborted.code, 0, aborted.stderr);
    const [afterAbort] = await table('describe-producers', '--topic', TOPIC, '--partition', '0');
    assert.equal(afterAbort!.CurrentTransactionStartOffset, 'None');

    // sluice consume prints the records, never the marker; read_committed leaves the aborted ones out.
    const consume = async (isolationLevel: string) =>
      (
        await runOk(process.execPath, [
          CLI,
          'consume',
          '--bootstrap-server',
          broker.bootstrap,
          '--topic',
          TOPIC,
          '--from-beginning',
          '--timeout-ms',
          '1500',
          '--isolation-level',
          isolationLevel,
        ])
      ).stdout;
    assert.equal(await consume('read_uncommitted'), 'debit\ncredit\n');
    assert.equal(await consume('read_committed'), '');

    const committed = await readCommitted(broker, TOPIC);
    assert.equal(committed.lastStableOffset, 3n, 'two records and the marker');
    assert.deepEqual(
      committed.abortedTransactions?.map((t) => t.firstOffset),
      [0n],
    );
    const { batches } = splitBatches(committed.records ?? Buffer.alloc(0));
    assert.equal(batches.at(-1)?.header.isControl, true);
  });
});

describe('sluice transactions with a hanging transaction', () => {
  const LEDGER_WRITER = 'ledger-writer';
  const LEDGER = 'ledger';
  let broker: BrokerProcess;
  let producerId: bigint;
  const table = (...args: string[]) => transactionsTable(broker, args);

  before(async () => {
    broker = await startBroker({ configs: { 'transaction.partition.verification.enable': 'false' } });
    await createTopic(broker, LEDGER);
    const client = new ClusterClient(broker.bootstrap);
    try {
      ({ producerId } = await writeHangingTransaction(client, LEDGER_WRITER, LEDGER, 0, ['orphan']));
    } finally {
      client.close();
    }
  });
  after(async () => {
    await broker?.stop();
  });

  it('finds it hanging: open on the partition, unknown to its coordinator there', async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const rows = await table('find-hanging', '--broker-id', '1', '--max-transaction-timeout', '0');
    assert.equal(rows.length, 1, JSON.stringify(rows));
    assert.equal(rows[0]!.Topic, LEDGER);
    assert.equal(rows[0]!.Partition, '0');
    assert.equal(rows[0]!.ProducerId, String(producerId));
    assert.equal(rows[0]!.CoordinatorEpoch, '-1', 'no marker was ever written for it here');
    assert.equal(rows[0]!.StartOffset, '0');
    assert.equal(rows[0]!['Duration(min)'], '0');
    assert.deepEqual(await table('find-hanging', '--topic', LEDGER), [], 'within the default 15 minutes');
  });

  it('aborts it by producer id and epochs; read_committed then reads past it', async () => {
    const [hanging] = await table('describe-producers', '--topic', LEDGER, '--partition', '0');
    const aborted = await transactions(broker, [
      'abort',
      '--topic',
      LEDGER,
      '--partition',
      '0',
      '--producer-id',
      hanging!.ProducerId!,
      '--producer-epoch',
      hanging!.ProducerEpoch!,
      `--coordinator-epoch=${hanging!.LatestCoordinatorEpoch!}`,
    ]);
    assert.equal(aborted.code, 0, aborted.stderr);
    assert.deepEqual(await table('find-hanging', '--broker-id', '1', '--max-transaction-timeout', '0'), []);
    const read = await readCommitted(broker, LEDGER);
    assert.equal(read.lastStableOffset, 2n, 'the orphan record and its ABORT marker');
    assert.deepEqual(
      read.abortedTransactions?.map((t) => [t.producerId, t.firstOffset]),
      [[producerId, 0n]],
    );
  });
});
