// kafkajs 2.2.4 against the broker: admin and an idempotent gzip producer. Prints one JSON report.
// Usage: node kafkajs-client.mjs BOOTSTRAP
import { CompressionTypes, Kafka, logLevel } from 'kafkajs';

const kafka = new Kafka({ clientId: 'kafkajs-test', brokers: [process.argv[2]], logLevel: logLevel.NOTHING });
const admin = kafka.admin();
await admin.connect();
const report = {};
report.created = await admin.createTopics({
  topics: [
    { topic: 'js-topic', numPartitions: 2, configEntries: [{ name: 'segment.bytes', value: '1048576' }] },
  ],
});
report.createdAgain = await admin.createTopics({ topics: [{ topic: 'js-topic', numPartitions: 2 }] });
const described = await admin.describeConfigs({
  resources: [{ type: 2, name: 'js-topic', configNames: ['segment.bytes', 'cleanup.policy'] }],
  includeSynonyms: false,
});
report.configs = Object.fromEntries(
  described.resources[0].configEntries.map((c) => [c.configName, c.configValue]),
);
await admin.createPartitions({ topicPartitions: [{ topic: 'js-topic', count: 4 }] });
const metadata = await admin.fetchTopicMetadata({ topics: ['js-topic'] });
report.partitions = metadata.topics[0].partitions.length;

const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
await producer.connect();
const sent = await producer.send({
  topic: 'js-topic',
  acks: -1,
  compression: CompressionTypes.GZIP,
  messages: Array.from({ length: 100 }, (_, i) => ({
    key: `k${i}`,
    value: `v${i}`,
    partition: i % 4,
    headers: { source: 'kafkajs' },
  })),
});
report.sentErrors = sent.filter((r) => r.errorCode !== 0).length;
await producer.disconnect();

const offsets = await admin.fetchTopicOffsets('js-topic');
report.highs = offsets.map((o) => Number(o.high)).sort();
const earliest = await admin.fetchTopicOffsetsByTimestamp('js-topic', 0);
report.byTimestamp = earliest.map((o) => Number(o.offset)).sort();
await admin.deleteTopicRecords({ topic: 'js-topic', partitions: [{ partition: 0, offset: '10' }] });
const afterDelete = await admin.fetchTopicOffsets('js-topic');
report.lowAfterDeleteRecords = Number(afterDelete.find((o) => o.partition === 0).low);
await admin.disconnect();
console.log(JSON.stringify(report));
