/**
 * Transactions on a 3-broker cluster (each broker its own OS process, as `sluice cluster` starts them):
 * __transaction_state is replicated like any RF 3 topic; kafkajs commits and aborts transactions whose partitions
 * are led by several brokers (the coordinator reaches the other leaders with WriteTxnMarkers); and when the
 * coordinator of an open transaction is killed, the broker that takes over its __transaction_state partition
 * knows the transaction and aborts it for the next producer of the id.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import { ApiKey, ErrorCode } from '@sluice/protocol';
import { startCluster, type ClusterProcess } from './support/cluster-process.ts';
import {
  FAST_FAILURE_DETECTION,
  partitionStates,
  script,
  waitFor,
  waitForBrokers,
} from './support/cluster-tools.ts';
import { runOk } from './support/run.ts';

const TRANSACTION_KEY = 1;

describe('transactions on a 3-broker cluster', () => {
  let cluster: ClusterProcess;

  before(async () => {
    cluster = await startCluster({
      brokers: 3,
      configs: { ...FAST_FAILURE_DETECTION, 'transaction.state.log.num.partitions': '6' },
    });
    await waitForBrokers(cluster.bootstrap, 3);
  });

  after(async () => {
    await cluster?.stopAll();
  });

  const connect = (nodeId: number) =>
    KafkaConnection.connect(
      '127.0.0.1',
      cluster.brokers[nodeId - 1]!.layout.port,
      'cluster-txn-test',
      10_000,
    );

  it('kafkajs commits and aborts transactions over partitions led by different brokers; __transaction_state has 3 in-sync replicas', async () => {
    const { stdout } = await runOk(
      process.execPath,
      [script('kafkajs-transactions.mjs'), cluster.bootstrap, 'tx-cluster', 'tx-cluster-group'],
      { timeoutMs: 90_000 },
    );
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!);
    const committed = ['committed-0', 'committed-1', 'committed-2', 'committed-3', 'committed-4'];
    assert.deepEqual(report.readCommitted, committed);
    assert.deepEqual(report.readUncommitted, ['aborted-0', 'aborted-1', ...committed]);
    assert.deepEqual(report.groupOffsets, ['7', '-1']);
    const states = await partitionStates(cluster.bootstrap, ['__transaction_state', 'tx-cluster']);
    const txnLog = states.filter((s) => s.topic === '__transaction_state');
    assert.equal(txnLog.length, 6);
    for (const state of txnLog) {
      assert.deepEqual(state.replicas, [1, 2, 3]);
      assert.deepEqual(state.isr, [1, 2, 3]);
    }
    const leaders = new Set(states.filter((s) => s.topic === 'tx-cluster').map((s) => s.leader));
    assert.equal(leaders.size, 2, 'the two partitions of tx-cluster are led by two brokers');
  });

  it('a killed coordinator: the next leader of its __transaction_state partition loads the open transaction and aborts it for the next producer', async () => {
    const any = await connect(1);
    const coordinatorOf = async (via: KafkaConnection) => {
      const found = await via.send(ApiKey.FindCoordinator, 4, {
        key: '',
        keyType: TRANSACTION_KEY,
        coordinatorKeys: ['tx-failover'],
      });
      const answer = found.coordinators[0]!;
      return answer.errorCode === ErrorCode.NONE ? answer.nodeId : null;
    };
    const first = await waitFor('a coordinator', () => coordinatorOf(any));
    any.close();
    const coordinator = await connect(first);
    // Retried as clients retry while the coordinator loads its partition (a moment after it was elected).
    const init = await waitFor('InitProducerId', async () => {
      const response = await coordinator.request(ApiKey.InitProducerId, {
        transactionalId: 'tx-failover',
        transactionTimeoutMs: 60_000,
        producerId: -1n,
        producerEpoch: -1,
      });
      return response.errorCode === ErrorCode.NONE ? response : null;
    });
    const added = await coordinator.send(ApiKey.AddPartitionsToTxn, 3, {
      transactions: [],
      v3AndBelowTransactionalId: 'tx-failover',
      v3AndBelowProducerId: init.producerId,
      v3AndBelowProducerEpoch: init.producerEpoch,
      v3AndBelowTopics: [{ name: 'tx-cluster', partitions: [0, 1] }],
    });
    assert.ok(added.resultsByTopicV3AndBelow[0]!.resultsByPartition.every((p) => p.partitionErrorCode === 0));
    coordinator.close();

    await cluster.signal(first, 'SIGKILL');
    const survivor = await connect(first === 1 ? 2 : 1);
    const next = await waitFor('a new coordinator', async () => {
      const nodeId = await coordinatorOf(survivor);
      return nodeId !== null && nodeId !== first ? nodeId : null;
    });
    survivor.close();
    const successor = await connect(next);
    const described = await waitFor('the loaded transaction', async () => {
      const state = (
        await successor.request(ApiKey.DescribeTransactions, { transactionalIds: ['tx-failover'] })
      ).transactionStates[0]!;
      return state.errorCode === ErrorCode.NONE ? state : null;
    });
    assert.deepEqual(
      [described.transactionState, described.producerId, described.producerEpoch],
      ['Ongoing', init.producerId, init.producerEpoch],
    );
    assert.deepEqual(described.topics, [{ topic: 'tx-cluster', partitions: [0, 1] }]);
    // The next producer of the id: the open transaction is aborted (markers to both leaders), then it gets its epoch.
    const reinit = await waitFor('InitProducerId after the abort', async () => {
      const response = await successor.request(ApiKey.InitProducerId, {
        transactionalId: 'tx-failover',
        transactionTimeoutMs: 60_000,
        producerId: -1n,
        producerEpoch: -1,
      });
      return response.errorCode === ErrorCode.NONE ? response : null;
    });
    assert.deepEqual([reinit.producerId, reinit.producerEpoch], [init.producerId, init.producerEpoch + 2]);
    successor.close();
    await cluster.start(first);
  });
});
