// kafkajs consumer group member: consumes TOPIC in GROUP until it has seen nothing new for IDLE_MS, printing
// "partition:offset:value" per message (committed as it goes). Usage: node kafkajs-group.mjs BOOTSTRAP GROUP TOPIC IDLE_MS
import { Kafka, logLevel } from 'kafkajs';

const [bootstrap, groupId, topic, idleMs] = process.argv.slice(2);
const kafka = new Kafka({
  clientId: `kafkajs-${process.pid}`,
  brokers: [bootstrap],
  logLevel: logLevel.NOTHING,
});
const consumer = kafka.consumer({ groupId, sessionTimeout: 10000, heartbeatInterval: 500 });
await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
let last = Date.now();
await consumer.run({
  eachMessage: async ({ partition, message }) => {
    last = Date.now();
    console.log(`${partition}:${message.offset}:${message.value}`);
  },
});
while (Date.now() - last < Number(idleMs)) await new Promise((r) => setTimeout(r, 200));
await consumer.disconnect();
