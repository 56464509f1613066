// kafkajs 2.2.4 group member (eager, round-robin assignment) for rebalance.test.ts.
// Usage: node kafkajs-member.mjs BOOTSTRAP GROUP TOPIC SESSION_TIMEOUT_MS
//
// Prints one JSON object a line: {"event":"assigned","partitions":[...]} after each rebalance (kafkajs has no
// revocation callback), {"event":"record",...} for each record before committing it, then
// {"event":"committed","partition","offset"} (the next offset) or {"event":"commit_failed",...}. A line
// "close" or the end of stdin makes it disconnect (LeaveGroup) and print {"event":"closed"}.
//
// kafkajs notices a rebalance in the heartbeat it sends between two messages and only rejoins once the message
// being processed returned, so the synchronous commit in eachMessage carries the generation owning the record.
import { createInterface } from 'node:readline';
import { Kafka, logLevel } from 'kafkajs';

const [bootstrap, groupId, topic, sessionTimeout] = process.argv.slice(2);
const emit = (event) => console.log(JSON.stringify(event));

const kafka = new Kafka({
  clientId: `kafkajs-${process.pid}`,
  brokers: [bootstrap],
  logLevel: logLevel.NOTHING,
});
const consumer = kafka.consumer({
  groupId,
  sessionTimeout: Number(sessionTimeout),
  rebalanceTimeout: 30_000,
  heartbeatInterval: 500,
  maxWaitTimeInMs: 200,
});
consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
  emit({ event: 'assigned', partitions: [...(payload.memberAssignment[topic] ?? [])].sort((a, b) => a - b) });
});
consumer.on(consumer.events.CRASH, ({ payload }) => emit({ event: 'error', error: String(payload.error) }));

let closing = false;
/** The record being processed: disconnecting while its commit is under way would drop the commit silently. */
let processing = Promise.resolve();
const close = async () => {
  if (closing) return;
  closing = true;
  await processing;
  await consumer.disconnect();
  emit({ event: 'closed' });
  process.exit(0);
};
const stdin = createInterface({ input: process.stdin });
stdin.on('line', (line) => {
  if (line.trim() === 'close') void close();
});
stdin.on('close', () => void close());

async function handle(partition, message) {
  const offset = Number(message.offset);
  emit({ event: 'record', partition, offset, key: String(message.key), value: String(message.value) });
  try {
    await consumer.commitOffsets([{ topic, partition, offset: String(offset + 1) }]);
    emit({ event: 'committed', partition, offset: offset + 1 });
  } catch (error) {
    emit({ event: 'commit_failed', partition, offset: offset + 1, error: String(error) });
  }
}

await consumer.connect();
await consumer.subscribe({ topics: [topic], fromBeginning: true });
await consumer.run({
  autoCommit: false,
  eachMessage: async ({ partition, message }) => {
    if (closing) return;
    processing = handle(partition, message);
    await processing;
  },
});
