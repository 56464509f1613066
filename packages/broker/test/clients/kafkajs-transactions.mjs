// kafkajs transactions against the broker: a committed and an aborted transaction, read back by a
// read_committed and a read_uncommitted consumer, plus sendOffsets (TxnOffsetCommit). Prints one JSON report.
import { Kafka, logLevel } from 'kafkajs';

const [bootstrap, topic = 'tx-topic', group = 'tx-group'] = process.argv.slice(2);
const kafka = new Kafka({
  clientId: 'kafkajs-tx',
  brokers: bootstrap.split(','),
  logLevel: logLevel.NOTHING,
});
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic, numPartitions: 2 }] });

const producer = kafka.producer({
  transactionalId: 'kafkajs-tx-1',
  maxInFlightRequests: 1,
  idempotent: true,
});
await producer.connect();

const committed = await producer.transaction();
await committed.send({
  topic,
  messages: [0, 1, 2, 3].map((i) => ({ key: `c${i}`, value: `committed-${i}`, partition: i % 2 })),
});
await committed.sendOffsets({
  consumerGroupId: group,
  topics: [{ topic, partitions: [{ partition: 0, offset: '7' }] }],
});
await committed.commit();

const aborted = await producer.transaction();
await aborted.send({
  topic,
  messages: [0, 1].map((i) => ({ key: `a${i}`, value: `aborted-${i}`, partition: i % 2 })),
});
await aborted.sendOffsets({
  consumerGroupId: group,
  topics: [{ topic, partitions: [{ partition: 0, offset: '99' }] }],
});
await aborted.abort();

const last = await producer.transaction();
await last.send({ topic, messages: [{ key: 'c4', value: 'committed-4', partition: 0 }] });
await last.commit();
await producer.disconnect();

async function readAll(isolation) {
  const consumer = kafka.consumer({
    groupId: `reader-${isolation}-${Date.now()}`,
    readUncommitted: isolation === 'uncommitted',
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const values = [];
  await new Promise((resolve, reject) => {
    setTimeout(resolve, 8000);
    consumer
      .run({
        eachMessage: async ({ message }) => {
          values.push(message.value.toString());
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return values.sort();
}

const offsets = await admin.fetchOffsets({ groupId: group, topics: [topic] });
const report = {
  readCommitted: await readAll('committed'),
  readUncommitted: await readAll('uncommitted'),
  groupOffsets: offsets[0].partitions.sort((a, b) => a.partition - b.partition).map((p) => p.offset),
};
await admin.disconnect();
console.log(JSON.stringify(report));
