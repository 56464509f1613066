// @platformatic/kafka 1.x group member (classic protocol, eager round-robin assignment) for rebalance.test.ts.
// Usage: node platformatic-member.mjs BOOTSTRAP GROUP TOPIC SESSION_TIMEOUT_MS
//
// Prints one JSON object a line: {"event":"assigned","partitions":[...]} after each rebalance,
// {"event":"revoked","partitions":[...]} when the heartbeat reports a rebalance, {"event":"record",...} for
// each record before committing it, then {"event":"committed","partition","offset"} (the next offset) or
// {"event":"commit_failed",...}. A line "close" or the end of stdin makes it close the consumer (LeaveGroup)
// and print {"event":"closed"}.
//
// Unlike the other clients, @platformatic/kafka rejoins from its heartbeat timer while the messages stream
// keeps delivering, and a stream outlives rebalances (records it fetched for the old assignment still
// arrive). So this member stops processing when the heartbeat reports a rebalance, and after each rebalance
// replaces its stream with a new one that starts from the committed offsets of the new assignment.
import { createInterface } from 'node:readline';
import { Consumer, stringDeserializers } from '@platformatic/kafka';

const [bootstrap, groupId, topic, sessionTimeout] = process.argv.slice(2);
const emit = (event) => console.log(JSON.stringify(event));

const consumer = new Consumer({
  clientId: `platformatic-${process.pid}`,
  bootstrapBrokers: [bootstrap],
  groupId,
  deserializers: stringDeserializers,
  sessionTimeout: Number(sessionTimeout),
  rebalanceTimeout: 30_000,
  heartbeatInterval: 500,
  maxWaitTime: 200,
});
const consumeOptions = { topics: [topic], mode: 'committed', fallbackMode: 'earliest', autocommit: false };

let assigned = [];
let rebalancing = false;
let closing = false;
/** The stream whose records are processed; null while it is being replaced. */
let stream = null;
let openStreams = [];
let joins = 0;
/** The record being processed: the consumer closes only after its commit. */
let processing = Promise.resolve();

async function handle(source, message) {
  if (source !== stream || rebalancing || closing || !assigned.includes(message.partition)) return;
  const offset = Number(message.offset);
  emit({ event: 'record', partition: message.partition, offset, key: message.key, value: message.value });
  try {
    await message.commit();
    emit({ event: 'committed', partition: message.partition, offset: offset + 1 });
  } catch (error) {
    emit({ event: 'commit_failed', partition: message.partition, offset: offset + 1, error: String(error) });
  }
}

async function openStream() {
  const next = await consumer.consume(consumeOptions);
  openStreams.push(next);
  next.on('data', (message) => {
    next.pause();
    processing = handle(next, message);
    void processing.finally(() => {
      if (!next.destroyed) next.resume();
    });
  });
  next.on('error', (error) => emit({ event: 'error', error: String(error) }));
  return next;
}

let replacing = Promise.resolve();
function replaceStream() {
  const join = ++joins;
  stream = null;
  replacing = replacing.then(async () => {
    // A later rebalance queued its own replacement.
    if (closing || join !== joins) return;
    // The new stream is opened before the old ones close: the topic stays subscribed while a stream is open.
    const next = await openStream();
    const previous = openStreams.filter((s) => s !== next);
    openStreams = [next];
    await Promise.all(previous.map((s) => s.close()));
    if (join === joins) stream = next;
  });
}

consumer.on('consumer:group:rebalance', () => {
  if (!rebalancing) emit({ event: 'revoked', partitions: assigned });
  rebalancing = true;
});
consumer.on('consumer:group:join', ({ assignments }) => {
  assigned = [...(assignments.find((a) => a.topic === topic)?.partitions ?? [])].sort((a, b) => a - b);
  rebalancing = false;
  emit({ event: 'assigned', partitions: assigned });
  // The first join happens inside the first consume(), before there is a stream to replace.
  if (openStreams.length > 0) replaceStream();
});

const close = async () => {
  if (closing) return;
  closing = true;
  await replacing;
  await processing;
  await Promise.all(openStreams.map((s) => s.close()));
  await consumer.close(true);
  emit({ event: 'closed' });
  process.exit(0);
};
const stdin = createInterface({ input: process.stdin });
stdin.on('line', (line) => {
  if (line.trim() === 'close') void close();
});
stdin.on('close', () => void close());

stream = await openStream();
