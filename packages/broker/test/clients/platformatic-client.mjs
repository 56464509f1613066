// @platformatic/kafka 1.x against the broker: admin and producers with every compression codec.
// Usage: node platformatic-client.mjs BOOTSTRAP. Prints one JSON report.
import { Admin, Producer, stringSerializers } from '@platformatic/kafka';

const bootstrapBrokers = [process.argv[2]];
const admin = new Admin({ clientId: 'platformatic-test', bootstrapBrokers });
const report = {};
await admin.createTopics({ topics: ['pk-topic'], partitions: 3, replicas: 1 });
report.listed = (await admin.listTopics()).filter((t) => t.startsWith('pk-'));

// zstd is left out: @platformatic/kafka compresses it with node:zlib, which has no zstd before Node 22.15.
const codecs = ['none', 'gzip', 'snappy', 'lz4'];
report.offsets = {};
for (const compression of codecs) {
  const producer = new Producer({
    clientId: 'platformatic-test',
    bootstrapBrokers,
    serializers: stringSerializers,
    compression,
    acks: -1,
  });
  const result = await producer.send({
    messages: Array.from({ length: 20 }, (_, i) => ({
      topic: 'pk-topic',
      key: `${compression}-k${i}`,
      value: `${compression}-v${i}`,
      partition: 0,
      headers: new Map([['codec', compression]]),
    })),
  });
  report.offsets[compression] = result.offsets?.map((o) => Number(o.offset)) ?? [];
  await producer.close();
}
await admin.close();
console.log(JSON.stringify(report));
