// @platformatic/kafka consumer using the consumer group protocol (KIP-848, groupProtocol: 'consumer').
// Prints JSON lines: {"assigned":["topic:partition",...]} whenever its assignment changes, and
// {"partition":P,"offset":O,"value":V} per record. Stops after IDLE_MS without records, or on SIGTERM.
// Usage: node platformatic-consumer-protocol.mjs BOOTSTRAP GROUP TOPIC IDLE_MS [ASSIGNOR]
import { Consumer, stringDeserializers } from '@platformatic/kafka';

const [bootstrap, groupId, topic, idleMs, assignor] = process.argv.slice(2);
const consumer = new Consumer({
  clientId: `platformatic-kip848-${process.pid}`,
  bootstrapBrokers: [bootstrap],
  groupId,
  groupProtocol: 'consumer',
  ...(assignor ? { groupRemoteAssignor: assignor } : {}),
  deserializers: stringDeserializers,
});
const stream = await consumer.consume({
  topics: [topic],
  mode: 'committed',
  fallbackMode: 'earliest',
  autocommit: 50,
});
let last = Date.now();
let assigned = '';
const watch = setInterval(() => {
  const now = (consumer.assignments ?? [])
    .flatMap((a) => a.partitions.map((p) => `${a.topic}:${p}`))
    .sort()
    .join(',');
  if (now !== assigned) {
    assigned = now;
    console.log(JSON.stringify({ assigned: now === '' ? [] : now.split(',') }));
  }
}, 50);
stream.on('data', (message) => {
  last = Date.now();
  console.log(
    JSON.stringify({ partition: message.partition, offset: String(message.offset), value: message.value }),
  );
});
let stopping = false;
process.once('SIGTERM', () => (stopping = true));
while (!stopping && Date.now() - last < Number(idleMs)) await new Promise((r) => setTimeout(r, 100));
clearInterval(watch);
await stream.close();
await consumer.close();
