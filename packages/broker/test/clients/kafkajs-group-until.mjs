// A kafkajs consumer group member that prints "partition:offset:value" per message and "committed
// partition:offset" for every offset commit the coordinator acknowledged, until STOPFILE exists; then it leaves
// the group (committing what it consumed) and prints "stopped". kafkajs errors go to stderr.
// Usage: node kafkajs-group-until.mjs BOOTSTRAP GROUP TOPIC STOPFILE
import { existsSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';

const [bootstrap, groupId, topic, stopFile] = process.argv.slice(2);
const kafka = new Kafka({
  clientId: `kafkajs-${process.pid}`,
  brokers: bootstrap.split(','),
  logLevel: logLevel.ERROR,
  retry: { retries: 30, initialRetryTime: 100, maxRetryTime: 2000 },
});
const consumer = kafka.consumer({ groupId, sessionTimeout: 10000, heartbeatInterval: 500 });
consumer.on(consumer.events.COMMIT_OFFSETS, ({ payload }) => {
  for (const topicOffsets of payload.topics)
    for (const { partition, offset } of topicOffsets.partitions)
      console.log(`committed ${partition}:${offset}`);
});
await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
await consumer.run({
  eachMessage: async ({ partition, message }) => {
    console.log(`${partition}:${message.offset}:${message.value}`);
  },
});
while (!existsSync(stopFile)) await new Promise((r) => setTimeout(r, 200));
// From here on kafkajs says what it does, so that a stop that does not finish shows where it waits.
kafka.logger().setLogLevel(logLevel.DEBUG);
console.log('stopping');
// stop() commits what was consumed and leaves the group. kafkajs 2.2.4's disconnect() can then wait forever in
// a connection's waitForPendingRequests, after broker restarts, with nothing in flight or pending (seen under
// load: the queue never reported empty), so the socket teardown gets a bound and the process exits.
await consumer.stop();
console.log('stopped');
await Promise.race([consumer.disconnect(), new Promise((r) => setTimeout(r, 10_000).unref())]);
process.exit(0);
