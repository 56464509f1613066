// An idempotent acks=all kafkajs producer that writes one record per request, spread over the topic's partitions,
// until STOPFILE exists; prints "ack <n>" for every record the cluster acknowledged and "failed <n>" for those it
// gave up on. Tests restart and kill brokers under it.
// Usage: node kafkajs-steady-producer.mjs BOOTSTRAP TOPIC STOPFILE
import { existsSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';

const [bootstrap, topic, stopFile] = process.argv.slice(2);
const kafka = new Kafka({
  clientId: 'steady-producer',
  brokers: bootstrap.split(','),
  logLevel: logLevel.NOTHING,
  retry: { retries: 30, initialRetryTime: 100, maxRetryTime: 2000 },
});
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
await producer.connect();
let failed = 0;
let n = 0;
for (; !existsSync(stopFile); n++) {
  try {
    await producer.send({ topic, acks: -1, messages: [{ key: `k${n % 16}`, value: `r-${n}` }] });
    process.stdout.write(`ack ${n}\n`);
  } catch (error) {
    failed += 1;
    process.stdout.write(`failed ${n} ${error.type ?? error.name}\n`);
  }
}
await producer.disconnect();
process.stdout.write(`done sent=${n} failed=${failed}\n`);
