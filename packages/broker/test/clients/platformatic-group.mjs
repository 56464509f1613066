// @platformatic/kafka consumer group member: prints "partition:offset:value" per message, stops after IDLE_MS
// without new messages. Usage: node platformatic-group.mjs BOOTSTRAP GROUP TOPIC IDLE_MS
import { Consumer, stringDeserializers } from '@platformatic/kafka';

const [bootstrap, groupId, topic, idleMs] = process.argv.slice(2);
const consumer = new Consumer({
  clientId: `platformatic-${process.pid}`,
  bootstrapBrokers: [bootstrap],
  groupId,
  deserializers: stringDeserializers,
  sessionTimeout: 10000,
  heartbeatInterval: 500,
});
const stream = await consumer.consume({
  topics: [topic],
  mode: 'committed',
  fallbackMode: 'earliest',
  autocommit: 100,
});
let last = Date.now();
stream.on('data', (message) => {
  last = Date.now();
  console.log(`${message.partition}:${message.offset}:${message.value}`);
});
while (Date.now() - last < Number(idleMs)) await new Promise((r) => setTimeout(r, 200));
await stream.close();
await consumer.close();
