/**
 * Authorization on a real broker with Kafka's StandardAuthorizer semantics: the ACL APIs (CreateAcls,
 * DescribeAcls, DeleteAcls 0-3), and what each request handler allows and refuses, with Kafka's error codes, for
 * SASL PLAIN principals. The PLAINTEXT listener's User:ANONYMOUS is the super user that administers. Real
 * clients are in acl-clients.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import {
  ApiKey,
  ErrorCode,
  apis,
  encodeRecordBatch,
  type CreateAclsRequestAclCreation,
} from '@sluice/protocol';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';

const PASSWORDS = { alice: 'alice-Plain-secret-1', bob: 'bob-Plain-secret-2' };
const TOPIC = 2;
const GROUP = 3;
const CLUSTER = 4;
const LITERAL = 3;
const PREFIXED = 4;
const ALLOW = 3;
const DENY = 2;
const Op = {
  ANY: 1,
  ALL: 2,
  READ: 3,
  WRITE: 4,
  CREATE: 5,
  DELETE: 6,
  ALTER: 7,
  DESCRIBE: 8,
  DESCRIBE_CONFIGS: 10,
};

function aclCreation(partial: Partial<CreateAclsRequestAclCreation>): CreateAclsRequestAclCreation {
  return {
    resourceType: TOPIC,
    resourceName: 'orders-eu',
    resourcePatternType: LITERAL,
    principal: 'User:alice',
    host: '*',
    operation: Op.READ,
    permissionType: ALLOW,
    ...partial,
  };
}

const everyAcl = {
  resourceTypeFilter: 1,
  resourceNameFilter: null,
  patternTypeFilter: 1,
  principalFilter: null,
  hostFilter: null,
  operation: Op.ANY,
  permissionType: 1,
};

async function produceRequest(topics: string[]) {
  const records = await encodeRecordBatch({
    records: [{ key: null, value: Buffer.from('hello'), timestamp: BigInt(Date.now()) }],
  });
  return {
    transactionalId: null,
    acks: -1,
    timeoutMs: 5000,
    topicData: topics.map((name) => ({
      name,
      partitionData: [
        {
          index: 0,
          records,
        },
      ],
    })),
  };
}

describe('authorization (StandardAuthorizer) on a real broker', () => {
  let broker: BrokerProcess;
  let admin: KafkaConnection;
  let alice: KafkaConnection;
  let bob: KafkaConnection;
  const connectAs = (user: 'alice' | 'bob') =>
    KafkaConnection.connect('127.0.0.1', broker.ports.SASL_PLAINTEXT!, `${user}-client`, 10_000, {
      sasl: { mechanism: 'PLAIN', username: user, password: PASSWORDS[user] },
    });

  before(async () => {
    broker = await startBroker({
      configs: {
        listeners: 'PLAINTEXT://127.0.0.1:0,SASL_PLAINTEXT://127.0.0.1:0',
        'sasl.enabled.mechanisms': 'PLAIN',
        'listener.name.sasl_plaintext.plain.sasl.jaas.config':
          'org.apache.kafka.common.security.plain.PlainLoginModule required ' +
          `user_alice="${PASSWORDS.alice}" user_bob="${PASSWORDS.bob}";`,
        'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
        'super.users': 'User:ANONYMOUS',
      },
    });
    admin = await KafkaConnection.connect('127.0.0.1', broker.ports.PLAINTEXT!);
    const created = await admin.request(ApiKey.CreateTopics, {
      topics: ['orders-eu', 'orders-us', 'payments'].map((name) => ({
        name,
        numPartitions: 1,
        replicationFactor: 1,
        assignments: [],
        configs: [],
      })),
      timeoutMs: 10_000,
      validateOnly: false,
    });
    assert.deepEqual(
      created.topics.map((t) => t.errorCode),
      [0, 0, 0],
    );
    alice = await connectAs('alice');
    bob = await connectAs('bob');
  });

  after(async () => {
    alice?.close();
    bob?.close();
    admin?.close();
    await broker?.stop();
  });

  describe('CreateAcls, DescribeAcls, DeleteAcls', () => {
    it('creates ACLs once, refuses invalid bindings one by one with INVALID_REQUEST, and describes them by filter', async () => {
      const response = await admin.request(ApiKey.CreateAcls, {
        creations: [
          aclCreation({ resourceName: 'orders-', resourcePatternType: PREFIXED, operation: Op.WRITE }),
          aclCreation({ resourceName: 'orders-', resourcePatternType: PREFIXED, operation: Op.WRITE }),
          aclCreation({ resourceName: '' }),
          aclCreation({ resourceType: CLUSTER, resourceName: 'my-cluster' }),
          aclCreation({ principal: 'alice' }),
          aclCreation({ operation: Op.ANY }),
        ],
      });
      assert.deepEqual(
        response.results.map((r) => r.errorCode),
        [0, 0, 42, 42, 42, 42],
      );
      assert.equal(
        response.results[3]!.errorMessage,
        'The only valid name for the CLUSTER resource is kafka-cluster',
      );
      const described = await admin.request(ApiKey.DescribeAcls, everyAcl);
      assert.equal(described.errorCode, ErrorCode.NONE);
      assert.deepEqual(described.resources, [
        {
          resourceType: TOPIC,
          resourceName: 'orders-',
          patternType: PREFIXED,
          acls: [{ principal: 'User:alice', host: '*', operation: Op.WRITE, permissionType: ALLOW }],
        },
      ]);
      // MATCH finds the ACLs that apply to a name; LITERAL only ACLs named exactly so.
      const match = await admin.request(ApiKey.DescribeAcls, {
        ...everyAcl,
        resourceTypeFilter: TOPIC,
        resourceNameFilter: 'orders-eu',
        patternTypeFilter: 2,
      });
      assert.deepEqual(
        match.resources.map((r) => r.resourceName),
        ['orders-'],
      );
      const literal = await admin.request(ApiKey.DescribeAcls, {
        ...everyAcl,
        resourceNameFilter: 'orders-eu',
        patternTypeFilter: LITERAL,
      });
      assert.deepEqual(literal.resources, []);
      const unknownFilter = await admin.request(ApiKey.DescribeAcls, { ...everyAcl, resourceTypeFilter: 0 });
      assert.equal(unknownFilter.errorCode, ErrorCode.INVALID_REQUEST);
    });

    it('deletes every ACL a filter matches, reporting each once', async () => {
      await admin.request(ApiKey.CreateAcls, {
        creations: [
          aclCreation({ resourceName: 'scratch', principal: 'User:carol' }),
          aclCreation({ resourceName: 'scratch', principal: 'User:dave', operation: Op.WRITE }),
        ],
      });
      const response = await admin.request(ApiKey.DeleteAcls, {
        filters: [
          { ...everyAcl, resourceNameFilter: 'scratch' },
          { ...everyAcl, resourceNameFilter: 'scratch', principalFilter: 'User:carol' },
        ],
      });
      assert.deepEqual(
        response.filterResults.map((f) => f.matchingAcls.map((a) => a.principal).sort()),
        [['User:carol', 'User:dave'], []],
      );
      const left = await admin.request(ApiKey.DescribeAcls, { ...everyAcl, resourceNameFilter: 'scratch' });
      assert.deepEqual(left.resources, []);
    });

    it('needs Alter on the cluster to change ACLs and Describe to list them', async () => {
      const create = await alice.request(ApiKey.CreateAcls, {
        creations: [aclCreation({ principal: 'User:alice' })],
      });
      assert.equal(create.results[0]!.errorCode, ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
      const describe = await alice.request(ApiKey.DescribeAcls, everyAcl);
      assert.equal(describe.errorCode, ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
      const del = await bob.request(ApiKey.DeleteAcls, { filters: [everyAcl] });
      assert.equal(del.filterResults[0]!.errorCode, ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
    });
  });

  describe('requests', () => {
    it('shows in Metadata only the topics a principal may describe, and refuses the others by name', async () => {
      const all = await alice.request(ApiKey.Metadata, {
        ...apis[ApiKey.Metadata].defaultRequest(),
        topics: null,
      });
      assert.deepEqual(all.topics.map((t) => t.name).sort(), ['orders-eu', 'orders-us']);
      const none = await bob.request(ApiKey.Metadata, {
        ...apis[ApiKey.Metadata].defaultRequest(),
        topics: null,
      });
      assert.deepEqual(none.topics, []);
      const named = await alice.request(ApiKey.Metadata, {
        ...apis[ApiKey.Metadata].defaultRequest(),
        topics: [
          { topicId: 'AAAAAAAAAAAAAAAAAAAAAA', name: 'payments' },
          { topicId: 'AAAAAAAAAAAAAAAAAAAAAA', name: 'no-such-topic' },
        ],
        allowAutoTopicCreation: true,
        includeTopicAuthorizedOperations: true,
      });
      assert.deepEqual(
        named.topics.map((t) => [t.name, t.errorCode]),
        [
          ['payments', ErrorCode.TOPIC_AUTHORIZATION_FAILED],
          ['no-such-topic', ErrorCode.TOPIC_AUTHORIZATION_FAILED],
        ],
      );
      // Write implies Describe; the bitfield says so.
      const eu = await alice.request(ApiKey.Metadata, {
        ...apis[ApiKey.Metadata].defaultRequest(),
        topics: [{ topicId: 'AAAAAAAAAAAAAAAAAAAAAA', name: 'orders-eu' }],
        includeTopicAuthorizedOperations: true,
      });
      assert.equal(eu.topics[0]!.topicAuthorizedOperations, (1 << Op.WRITE) | (1 << Op.DESCRIBE));
    });

    it('lets Produce through where Write is allowed and refuses each other topic, in one request', async () => {
      const response = await alice.request(ApiKey.Produce, await produceRequest(['orders-eu', 'payments']));
      const codes = Object.fromEntries(
        response.responses.map((t) => [t.name, t.partitionResponses[0]!.errorCode]),
      );
      assert.deepEqual(codes, {
        'orders-eu': ErrorCode.NONE,
        payments: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
      });
      const refused = await bob.request(ApiKey.Produce, await produceRequest(['orders-eu']));
      assert.equal(
        refused.responses[0]!.partitionResponses[0]!.errorCode,
        ErrorCode.TOPIC_AUTHORIZATION_FAILED,
      );
      // The refusal is logged, as Kafka's authorizer logger does, naming the principal and the resource.
      assert.match(
        broker.output(),
        /\[authorizer\] Principal = User:bob is Denied operation = WRITE from host = 127\.0\.0\.1 on resource = TOPIC:orders-eu/,
      );
    });

    it('lets a DENY win over a wider ALLOW, and takes it back with DeleteAcls', async () => {
      const deny = aclCreation({ resourceName: 'orders-us', operation: Op.WRITE, permissionType: DENY });
      await admin.request(ApiKey.CreateAcls, { creations: [deny] });
      const denied = await alice.request(ApiKey.Produce, await produceRequest(['orders-us']));
      assert.equal(
        denied.responses[0]!.partitionResponses[0]!.errorCode,
        ErrorCode.TOPIC_AUTHORIZATION_FAILED,
      );
      await admin.request(ApiKey.DeleteAcls, {
        filters: [{ ...everyAcl, resourceNameFilter: 'orders-us', permissionType: DENY }],
      });
      const allowed = await alice.request(ApiKey.Produce, await produceRequest(['orders-us']));
      assert.equal(allowed.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.NONE);
    });

    it('needs Read on the topic to Fetch, and Read on the group to join it', async () => {
      const fetch = (connection: KafkaConnection) =>
        connection.send(ApiKey.Fetch, 11, {
          ...apis[ApiKey.Fetch].defaultRequest(),
          replicaId: -1,
          maxWaitMs: 0,
          minBytes: 1,
          maxBytes: 1 << 20,
          topics: [
            {
              topic: 'orders-eu',
              topicId: 'AAAAAAAAAAAAAAAAAAAAAA',
              partitions: [
                {
                  replicaDirectoryId: 'AAAAAAAAAAAAAAAAAAAAAA',
                  partition: 0,
                  currentLeaderEpoch: -1,
                  fetchOffset: 0n,
                  lastFetchedEpoch: -1,
                  logStartOffset: -1n,
                  partitionMaxBytes: 1 << 20,
                },
              ],
            },
          ],
        });
      const refused = await fetch(alice);
      assert.equal(refused.responses[0]!.partitions[0]!.errorCode, ErrorCode.TOPIC_AUTHORIZATION_FAILED);
      await admin.request(ApiKey.CreateAcls, {
        creations: [aclCreation({ resourceName: 'orders-eu', operation: Op.READ })],
      });
      const read = await fetch(alice);
      assert.equal(read.responses[0]!.partitions[0]!.errorCode, ErrorCode.NONE);
      assert.ok(read.responses[0]!.partitions[0]!.records!.length > 0);

      const join = await alice.request(ApiKey.JoinGroup, {
        ...apis[ApiKey.JoinGroup].defaultRequest(),
        groupId: 'billing',
        sessionTimeoutMs: 10_000,
        rebalanceTimeoutMs: 10_000,
        memberId: '',
        protocolType: 'consumer',
        protocols: [{ name: 'range', metadata: Buffer.alloc(0) }],
      });
      assert.equal(join.errorCode, ErrorCode.GROUP_AUTHORIZATION_FAILED);
      const coordinator = await alice.request(ApiKey.FindCoordinator, {
        ...apis[ApiKey.FindCoordinator].defaultRequest(),
        key: 'billing',
        keyType: 0,
        coordinatorKeys: ['billing', 'reports'],
      });
      assert.deepEqual(
        coordinator.coordinators.map((c) => [c.key, c.errorCode]),
        [
          ['billing', ErrorCode.GROUP_AUTHORIZATION_FAILED],
          ['reports', ErrorCode.GROUP_AUTHORIZATION_FAILED],
        ],
      );
      await admin.request(ApiKey.CreateAcls, {
        creations: [aclCreation({ resourceType: GROUP, resourceName: 'billing', operation: Op.READ })],
      });
      const found = await alice.request(ApiKey.FindCoordinator, {
        ...apis[ApiKey.FindCoordinator].defaultRequest(),
        keyType: 0,
        coordinatorKeys: ['billing', 'reports'],
      });
      assert.deepEqual(Object.fromEntries(found.coordinators.map((c) => [c.key, c.errorCode])), {
        billing: ErrorCode.NONE,
        reports: ErrorCode.GROUP_AUTHORIZATION_FAILED,
      });
    });

    it('creates only the topics a principal may create, in one CreateTopics request', async () => {
      await admin.request(ApiKey.CreateAcls, {
        creations: [
          aclCreation({ resourceName: 'orders-', resourcePatternType: PREFIXED, operation: Op.CREATE }),
        ],
      });
      const response = await alice.request(ApiKey.CreateTopics, {
        topics: ['orders-asia', 'ledger'].map((name) => ({
          name,
          numPartitions: 1,
          replicationFactor: 1,
          assignments: [],
          configs: [],
        })),
        timeoutMs: 10_000,
        validateOnly: false,
      });
      assert.deepEqual(Object.fromEntries(response.topics.map((t) => [t.name, t.errorCode])), {
        'orders-asia': ErrorCode.NONE,
        ledger: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
      });
      const ledger = await admin.request(ApiKey.Metadata, {
        ...apis[ApiKey.Metadata].defaultRequest(),
        topics: [{ topicId: 'AAAAAAAAAAAAAAAAAAAAAA', name: 'ledger' }],
        allowAutoTopicCreation: false,
      });
      assert.equal(ledger.topics[0]!.errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    });

    it('refuses cluster operations to principals without them: configs, log dirs, quotas, SCRAM, idempotence', async () => {
      const configs = await alice.request(ApiKey.DescribeConfigs, {
        resources: [
          { resourceType: 2, resourceName: 'payments', configurationKeys: null },
          { resourceType: 4, resourceName: '1', configurationKeys: null },
        ],
        includeSynonyms: false,
        includeDocumentation: false,
      });
      assert.deepEqual(Object.fromEntries(configs.results.map((r) => [r.resourceName, r.errorCode])), {
        payments: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
        '1': ErrorCode.CLUSTER_AUTHORIZATION_FAILED,
      });
      const logDirs = await bob.request(ApiKey.DescribeLogDirs, { topics: null });
      assert.equal(logDirs.errorCode, ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
      const quotas = await bob.request(ApiKey.DescribeClientQuotas, { components: [], strict: false });
      assert.equal(quotas.errorCode, ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
      const scram = await bob.request(ApiKey.DescribeUserScramCredentials, { users: null });
      assert.equal(scram.errorCode, ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
      const alter = await bob.request(ApiKey.AlterUserScramCredentials, {
        deletions: [{ name: 'bob', mechanism: 1 }],
        upsertions: [],
      });
      assert.equal(alter.results[0]!.errorCode, ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
      // An idempotent producer needs IdempotentWrite on the cluster or Write on some topic: alice has the latter.
      const initProducerId = {
        transactionalId: null,
        transactionTimeoutMs: 60_000,
        producerId: -1n,
        producerEpoch: -1,
      };
      assert.equal((await alice.request(ApiKey.InitProducerId, initProducerId)).errorCode, ErrorCode.NONE);
      assert.equal(
        (await bob.request(ApiKey.InitProducerId, initProducerId)).errorCode,
        ErrorCode.CLUSTER_AUTHORIZATION_FAILED,
      );
    });

    it('guards transactions by TransactionalId ACLs: Write to use one, Describe to find or list it, and ClusterAction for markers', async () => {
      const TRANSACTIONAL_ID = 5;
      const CLUSTER_ACTION = 9;
      const initAs = (who: KafkaConnection, transactionalId: string) =>
        who.request(ApiKey.InitProducerId, {
          transactionalId,
          transactionTimeoutMs: 60_000,
          producerId: -1n,
          producerEpoch: -1,
        });
      const findAs = async (who: KafkaConnection, transactionalId: string) =>
        (
          await who.send(ApiKey.FindCoordinator, 4, {
            key: '',
            keyType: 1,
            coordinatorKeys: [transactionalId],
          })
        ).coordinators[0]!.errorCode;
      assert.equal(await findAs(alice, 'alice-tx'), ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
      assert.equal(
        (await initAs(alice, 'alice-tx')).errorCode,
        ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
      );
      const created = await admin.request(ApiKey.CreateAcls, {
        creations: [
          aclCreation({
            resourceType: TRANSACTIONAL_ID,
            resourceName: 'alice-',
            resourcePatternType: PREFIXED,
            operation: Op.WRITE,
          }),
        ],
      });
      assert.equal(created.results[0]!.errorCode, ErrorCode.NONE);
      // Write implies Describe, as for every resource.
      assert.equal(await findAs(alice, 'alice-tx'), ErrorCode.NONE);
      const init = await initAs(alice, 'alice-tx');
      assert.equal(init.errorCode, ErrorCode.NONE);
      assert.equal(
        (await initAs(bob, 'alice-tx')).errorCode,
        ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
      );
      // Adding a partition needs Write on its topic too: alice may write orders-eu (earlier ACL), not payments.
      const added = await alice.send(ApiKey.AddPartitionsToTxn, 3, {
        transactions: [],
        v3AndBelowTransactionalId: 'alice-tx',
        v3AndBelowProducerId: init.producerId,
        v3AndBelowProducerEpoch: init.producerEpoch,
        v3AndBelowTopics: [
          { name: 'orders-eu', partitions: [0] },
          { name: 'payments', partitions: [0] },
        ],
      });
      assert.deepEqual(
        added.resultsByTopicV3AndBelow.map((t) => [t.name, t.resultsByPartition[0]!.partitionErrorCode]),
        [
          ['orders-eu', ErrorCode.OPERATION_NOT_ATTEMPTED],
          ['payments', ErrorCode.TOPIC_AUTHORIZATION_FAILED],
        ],
      );
      const listed = async (who: KafkaConnection) =>
        (
          await who.request(ApiKey.ListTransactions, {
            stateFilters: [],
            producerIdFilters: [],
            durationFilter: -1n,
          })
        ).transactionStates.map((t) => t.transactionalId);
      assert.deepEqual(await listed(alice), ['alice-tx']);
      assert.deepEqual(await listed(bob), []);
      assert.ok((await listed(admin)).includes('alice-tx'));
      const marker = {
        markers: [
          {
            producerId: init.producerId,
            producerEpoch: init.producerEpoch,
            transactionResult: false,
            coordinatorEpoch: 0,
            topics: [{ name: 'orders-eu', partitionIndexes: [0] }],
          },
        ],
      };
      const refused = await alice.request(ApiKey.WriteTxnMarkers, marker);
      assert.equal(
        refused.markers[0]!.topics[0]!.partitions[0]!.errorCode,
        ErrorCode.CLUSTER_AUTHORIZATION_FAILED,
      );
      await admin.request(ApiKey.CreateAcls, {
        creations: [
          aclCreation({ resourceType: CLUSTER, resourceName: 'kafka-cluster', operation: CLUSTER_ACTION }),
        ],
      });
      const written = await alice.request(ApiKey.WriteTxnMarkers, marker);
      assert.equal(written.markers[0]!.topics[0]!.partitions[0]!.errorCode, ErrorCode.NONE);
    });

    it('keeps the ACLs across a restart', async () => {
      const before = await admin.request(ApiKey.DescribeAcls, everyAcl);
      alice.close();
      bob.close();
      admin.close();
      await broker.stop();
      broker = await startBroker({
        dataDir: broker.dataDir,
        configs: {
          listeners: 'PLAINTEXT://127.0.0.1:0,SASL_PLAINTEXT://127.0.0.1:0',
          'sasl.enabled.mechanisms': 'PLAIN',
          'listener.name.sasl_plaintext.plain.sasl.jaas.config':
            'org.apache.kafka.common.security.plain.PlainLoginModule required ' +
            `user_alice="${PASSWORDS.alice}" user_bob="${PASSWORDS.bob}";`,
          'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
          'super.users': 'User:ANONYMOUS',
        },
      });
      admin = await KafkaConnection.connect('127.0.0.1', broker.ports.PLAINTEXT!);
      alice = await connectAs('alice');
      bob = await connectAs('bob');
      const after = await admin.request(ApiKey.DescribeAcls, everyAcl);
      assert.deepEqual(after.resources, before.resources);
      const produced = await alice.request(ApiKey.Produce, await produceRequest(['orders-eu', 'payments']));
      assert.deepEqual(produced.responses.map((t) => t.partitionResponses[0]!.errorCode).sort(), [
        ErrorCode.NONE,
        ErrorCode.TOPIC_AUTHORIZATION_FAILED,
      ]);
    });
  });
});

describe('a broker without an authorizer', () => {
  it('answers the ACL APIs with SECURITY_DISABLED and refuses an authorizer it cannot load', async () => {
    const broker = await startBroker();
    const connection = await KafkaConnection.connect('127.0.0.1', broker.port);
    try {
      const created = await connection.request(ApiKey.CreateAcls, { creations: [aclCreation({})] });
      assert.equal(created.results[0]!.errorCode, ErrorCode.SECURITY_DISABLED);
      const described = await connection.request(ApiKey.DescribeAcls, everyAcl);
      assert.equal(described.errorCode, ErrorCode.SECURITY_DISABLED);
    } finally {
      connection.close();
      await broker.stop();
    }
    await assert.rejects(
      startBroker({ configs: { 'authorizer.class.name': 'com.example.MyAuthorizer' } }),
      /authorizer.class.name=com.example.MyAuthorizer is not available/,
    );
  });
});
