// A plain kafkajs producer (not idempotent, no retries, so every refusal shows) that writes `count` records,
// one request each, to one partition with the given acks, printing "ack <value>" or "failed <value> <error>" for
// each. Usage: node kafkajs-produce.mjs BOOTSTRAP TOPIC PARTITION ACKS PREFIX COUNT TIMEOUT_MS
import { Kafka, logLevel } from 'kafkajs';

const [bootstrap, topic, partitionText, acksText, prefix, countText, timeoutText] = process.argv.slice(2);
const kafka = new Kafka({
  clientId: 'netns-producer',
  brokers: bootstrap.split(','),
  logLevel: logLevel.NOTHING,
  retry: { retries: 0 },
  requestTimeout: Number(timeoutText) + 5000,
});
const producer = kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
await producer.connect();
for (let n = 0; n < Number(countText); n++) {
  const value = `${prefix}${n}`;
  try {
    await producer.send({
      topic,
      acks: Number(acksText),
      timeout: Number(timeoutText),
      messages: [{ partition: Number(partitionText), value }],
    });
    process.stdout.write(`ack ${value}\n`);
  } catch (error) {
    // Without retries kafkajs wraps the broker's answer in KafkaJSNumberOfRetriesExceeded.
    const cause = error.originalError ?? error.cause ?? error;
    process.stdout.write(`failed ${value} ${cause.type ?? cause.name}\n`);
  }
}
await producer.disconnect();
