// @platformatic/kafka 1.x as a user of a 3-broker cluster: admin on an RF 3 topic (create, create partitions,
// configs, groups, delete), an idempotent acks=all producer to every partition, a consumer group that commits each
// message, and the committed offsets read back through the admin client. Metadata is polled after each admin
// change: the controller answers once a change is committed and every broker learns it a moment later.
// Usage: node platformatic-cluster.mjs BOOTSTRAP TOPIC GROUP. Prints one JSON report.
import { Admin, Consumer, Producer, stringDeserializers, stringSerializers } from '@platformatic/kafka';

const [bootstrap, topic, groupId] = process.argv.slice(2);
const bootstrapBrokers = bootstrap.split(',');
const TOPIC_RESOURCE = 2;
const admin = new Admin({ clientId: 'platformatic-cluster', bootstrapBrokers });
const report = {};

async function waitUntil(what, probe) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const partitionsWhen = (count) => async () => {
  const metadata = await admin.metadata({ topics: [topic], forceUpdate: true });
  const partitions = metadata.topics.get(topic)?.partitions ?? [];
  report.brokers = [...metadata.brokers.keys()].sort();
  report.controllerKnown = metadata.brokers.has(metadata.controllerId);
  return partitions.length === count && partitions.every((p) => p.leader >= 0 && p.isr.length === 3)
    ? Object.fromEntries(
        partitions.map((p, i) => [
          i,
          { leader: p.leader, replicas: [...p.replicas].sort(), isr: [...p.isr].sort() },
        ]),
      )
    : null;
};

const [created] = await admin.createTopics({
  topics: [topic],
  partitions: 3,
  replicas: 3,
  configs: [{ name: 'retention.ms', value: '3600000' }],
});
report.created = { partitions: created.partitions, replicas: created.replicas };
report.createdPartitions = await waitUntil('3 partitions in sync', partitionsWhen(3));
// A null assignment lets the controller place the new replicas; an empty list is refused, as Kafka does.
await admin.createPartitions({ topics: [{ name: topic, count: 6, assignments: null }] });
report.afterCreatePartitions = await waitUntil('6 partitions in sync', partitionsWhen(6));
report.listed = (await admin.listTopics()).includes(topic);

const retention = async () => {
  const [result] = await admin.describeConfigs({
    resources: [{ resourceType: TOPIC_RESOURCE, resourceName: topic, configurationKeys: ['retention.ms'] }],
  });
  return result.configs.find((c) => c.name === 'retention.ms')?.value;
};
report.retentionMs = await retention();
await admin.incrementalAlterConfigs({
  resources: [
    {
      resourceType: TOPIC_RESOURCE,
      resourceName: topic,
      configs: [{ name: 'retention.ms', configOperation: 0, value: '7200000' }],
    },
  ],
});
report.retentionMsAfterAlter = await waitUntil('the altered config', async () =>
  (await retention()) === '7200000' ? '7200000' : null,
);

const producer = new Producer({
  clientId: 'platformatic-cluster',
  bootstrapBrokers,
  serializers: stringSerializers,
  idempotent: true,
  acks: -1,
});
const result = await producer.send({
  messages: Array.from({ length: 300 }, (_, i) => ({
    topic,
    key: `k${i}`,
    value: `v${i}`,
    partition: i % 6,
  })),
});
report.producedBatches = result.offsets?.length ?? 0;
await producer.close();

const consumer = new Consumer({
  clientId: 'platformatic-cluster',
  bootstrapBrokers,
  groupId,
  deserializers: stringDeserializers,
  sessionTimeout: 10000,
  heartbeatInterval: 500,
});
const stream = await consumer.consume({
  topics: [topic],
  mode: 'committed',
  fallbackMode: 'earliest',
  autocommit: false,
});
const values = [];
const commits = [];
stream.on('data', (message) => {
  values.push(message.value);
  commits.push(message.commit());
});
const deadline = Date.now() + 60_000;
while (values.length < 300 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
await Promise.all(commits);
report.consumed = values.length;
report.consumedDistinct = new Set(values).size;
const groups = await admin.listGroups();
report.groupListed = groups.has(groupId);
const group = (await admin.describeGroups({ groups: [groupId] })).get(groupId);
report.groupState = group.state;
report.groupMembers = group.members.size;
await stream.close();
await consumer.close();
const [offsets] = await admin.listConsumerGroupOffsets({ groups: [groupId] });
report.committed = offsets.topics
  .find((t) => t.name === topic)
  .partitions.sort((a, b) => a.partitionIndex - b.partitionIndex)
  .map((p) => Number(p.committedOffset));

await admin.deleteTopics({ topics: [topic] });
report.deleted = await waitUntil('the topic gone', async () =>
  (await admin.listTopics()).includes(topic) ? null : true,
);
await admin.close();
console.log(JSON.stringify(report));
