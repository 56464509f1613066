// kafkajs 2.2.4 as a user of a 3-broker cluster: admin on an RF 3 topic (create, create partitions, configs,
// describe cluster, groups, delete), an idempotent acks=all producer to every partition, a consumer group that
// commits, and the committed offsets read back through the admin client. Metadata is polled after each admin
// change: the controller answers once a change is committed and every broker learns it a moment later.
// Usage: node kafkajs-cluster.mjs BOOTSTRAP TOPIC GROUP. Prints one JSON report.
import { Kafka, logLevel } from 'kafkajs';

const [bootstrap, topic, groupId] = process.argv.slice(2);
const kafka = new Kafka({
  clientId: 'kafkajs-cluster',
  brokers: bootstrap.split(','),
  logLevel: logLevel.NOTHING,
});
const admin = kafka.admin();
await admin.connect();
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
  const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
  const partitions = topics[0].partitions;
  return partitions.length === count && partitions.every((p) => p.leader >= 0 && p.isr.length === 3)
    ? partitions
    : null;
};
const state = (partitions) =>
  Object.fromEntries(
    partitions.map((p) => [
      p.partitionId,
      { leader: p.leader, replicas: [...p.replicas].sort(), isr: [...p.isr].sort() },
    ]),
  );

const cluster = await admin.describeCluster();
report.brokers = cluster.brokers.map((b) => b.nodeId).sort();
report.controllerKnown = report.brokers.includes(cluster.controller);

report.created = await admin.createTopics({
  waitForLeaders: true,
  topics: [
    {
      topic,
      numPartitions: 3,
      replicationFactor: 3,
      configEntries: [{ name: 'segment.bytes', value: '1048576' }],
    },
  ],
});
report.createdPartitions = state(await waitUntil('3 partitions in sync', partitionsWhen(3)));
await admin.createPartitions({ topicPartitions: [{ topic, count: 4 }] });
report.afterCreatePartitions = state(await waitUntil('4 partitions in sync', partitionsWhen(4)));

const describeConfig = async () => {
  const described = await admin.describeConfigs({
    resources: [{ type: 2, name: topic, configNames: ['segment.bytes', 'min.insync.replicas'] }],
    includeSynonyms: false,
  });
  return Object.fromEntries(described.resources[0].configEntries.map((c) => [c.configName, c.configValue]));
};
report.configs = await describeConfig();
await admin.alterConfigs({
  validateOnly: false,
  resources: [{ type: 2, name: topic, configEntries: [{ name: 'segment.bytes', value: '2097152' }] }],
});
report.configsAfterAlter = await waitUntil('the altered config', async () => {
  const configs = await describeConfig();
  return configs['segment.bytes'] === '2097152' ? configs : null;
});

const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
await producer.connect();
const sent = await producer.send({
  topic,
  acks: -1,
  messages: Array.from({ length: 400 }, (_, i) => ({ key: `k${i}`, value: `v${i}`, partition: i % 4 })),
});
report.sentErrors = sent.filter((r) => r.errorCode !== 0).length;
await producer.disconnect();

const consumer = kafka.consumer({ groupId, sessionTimeout: 10000, heartbeatInterval: 500 });
await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
const values = [];
await consumer.run({
  eachMessage: async ({ message }) => {
    values.push(message.value.toString());
  },
});
const deadline = Date.now() + 60_000;
while (values.length < 400 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
// kafkajs commits resolved offsets when the run loop stops.
const groups = await admin.listGroups();
report.groupListed = groups.groups.some((g) => g.groupId === groupId);
const described = await admin.describeGroups([groupId]);
report.groupState = described.groups[0].state;
report.groupMembers = described.groups[0].members.length;
await consumer.disconnect();
report.consumed = values.length;
report.consumedDistinct = new Set(values).size;
const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
report.committed = committed[0].partitions
  .sort((a, b) => a.partition - b.partition)
  .map((p) => Number(p.offset));

await admin.deleteTopics({ topics: [topic] });
report.deleted = await waitUntil('the topic gone', async () =>
  (await admin.listTopics()).includes(topic) ? null : true,
);
await admin.disconnect();
console.log(JSON.stringify(report));
