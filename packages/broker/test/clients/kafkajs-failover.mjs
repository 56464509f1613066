// An idempotent acks=all kafkajs producer that writes `count` records, one request each, to partition 0 of
// `topic`, printing "ack <n>" for every record the cluster acknowledged. The test kills the partition's leader
// part-way; the producer must carry on through the election.
import { Kafka, logLevel } from 'kafkajs';

const [bootstrap, topic, countText] = process.argv.slice(2);
const count = Number(countText);
const kafka = new Kafka({
  clientId: 'failover-producer',
  brokers: bootstrap.split(','),
  logLevel: logLevel.NOTHING,
  retry: { retries: 30, initialRetryTime: 100, maxRetryTime: 2000 },
});
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
await producer.connect();
let failed = 0;
for (let n = 0; n < count; n++) {
  try {
    await producer.send({ topic, acks: -1, messages: [{ partition: 0, value: `record-${n}` }] });
    process.stdout.write(`ack ${n}\n`);
  } catch (error) {
    failed += 1;
    process.stdout.write(`failed ${n} ${error.type ?? error.name}\n`);
  }
}
await producer.disconnect();
process.stdout.write(`done failed=${failed}\n`);
