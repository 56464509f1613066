// @platformatic/kafka transactions against the broker: one committed and one aborted transaction, read back by a
// read_committed (isolationLevel 1) and a read_uncommitted (0) consumer. Prints one JSON report. Usage: node platformatic-transactions.mjs BOOTSTRAP TOPIC
import { Admin, Consumer, Producer, stringDeserializers, stringSerializers } from '@platformatic/kafka';

const [bootstrap, topic] = process.argv.slice(2);
const brokers = bootstrap.split(',');
const admin = new Admin({ clientId: 'platformatic-tx-admin', bootstrapBrokers: brokers });
await admin.createTopics({ topics: [topic], partitions: 1, replicas: 1 });

const producer = new Producer({
  clientId: 'platformatic-tx',
  bootstrapBrokers: brokers,
  serializers: stringSerializers,
  idempotent: true,
  transactionalId: 'platformatic-tx-1',
});
const committed = await producer.beginTransaction();
await committed.send({ messages: [1, 2, 3].map((i) => ({ topic, key: `k${i}`, value: `committed-${i}` })) });
await committed.commit();
const aborted = await producer.beginTransaction();
await aborted.send({ messages: [1, 2].map((i) => ({ topic, key: `a${i}`, value: `aborted-${i}` })) });
await aborted.abort();
await producer.close();

async function readAll(isolationLevel) {
  const consumer = new Consumer({
    clientId: `platformatic-tx-reader-${isolationLevel}`,
    bootstrapBrokers: brokers,
    groupId: `platformatic-tx-reader-${isolationLevel}-${process.pid}`,
    deserializers: stringDeserializers,
    isolationLevel,
    maxWaitTime: 500,
  });
  const stream = await consumer.consume({ topics: [topic], mode: 'earliest', autocommit: false });
  const values = [];
  let last = Date.now();
  stream.on('data', (message) => {
    last = Date.now();
    values.push(message.value);
  });
  while (Date.now() - last < 3000) await new Promise((r) => setTimeout(r, 200));
  await stream.close();
  await consumer.close();
  return values.sort();
}

const report = {
  readCommitted: await readAll(1),
  readUncommitted: await readAll(0),
};
await admin.close();
console.log(JSON.stringify(report));
