// kafkajs consumer group member: prints "ASSIGNED <partitions>" after each rebalance and "partition:offset:value"
// per message; exits once it has seen messages and then nothing new for IDLE_MS.
// Usage: node kafkajs-group.mjs BOOTSTRAP GROUP TOPIC IDLE_MS
import { Kafka, logLevel } from 'kafkajs';

const [bootstrap, groupId, topic, idleMs] = process.argv.slice(2);
const kafka = new Kafka({
  clientId: `kafkajs-${process.pid}`,
  brokers: [bootstrap],
  logLevel: logLevel.NOTHING,
});
const consumer = kafka.consumer({ groupId, sessionTimeout: 10000, heartbeatInterval: 500 });
consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
  console.log(`ASSIGNED ${(payload.memberAssignment[topic] ?? []).join(',')}`);
});
await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
let last = 0;
await consumer.run({
  eachMessage: async ({ partition, message }) => {
    last = Date.now();
    console.log(`${partition}:${message.offset}:${message.value}`);
  },
});
const deadline = Date.now() + 45_000;
while (Date.now() < deadline && (last === 0 || Date.now() - last < Number(idleMs)))
  await new Promise((r) => setTimeout(r, 200));
await consumer.disconnect();
