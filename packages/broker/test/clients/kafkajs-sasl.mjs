// kafkajs with SASL (SCRAM or PLAIN), optionally over TLS: produces COUNT records to TOPIC and reads them back
// with a consumer group, printing one JSON report; a failed connection prints {"error": <kafkajs error type>}.
// Usage: node kafkajs-sasl.mjs BOOTSTRAP MECHANISM USER PASSWORD TOPIC COUNT [CA_FILE]
import { readFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';

const [bootstrap, mechanism, username, password, topic, countText, caFile] = process.argv.slice(2);
const count = Number(countText);
const kafka = new Kafka({
  clientId: 'kafkajs-sasl',
  brokers: [bootstrap],
  logLevel: logLevel.NOTHING,
  sasl: { mechanism, username, password },
  ...(caFile ? { ssl: { ca: [readFileSync(caFile, 'utf8')], servername: 'localhost' } } : {}),
  retry: { retries: 2 },
});
try {
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({
    topic,
    messages: Array.from({ length: count }, (_, i) => ({ value: `kafkajs-${i}` })),
  });
  await producer.disconnect();
  const consumer = kafka.consumer({ groupId: `${topic}-readers` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const values = [];
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${values.length} records`)), 60_000);
    consumer.run({
      eachMessage: async ({ message }) => {
        values.push(message.value.toString());
        if (values.length === count) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  console.log(JSON.stringify({ values }));
} catch (error) {
  console.log(JSON.stringify({ error: error.type ?? error.name, message: error.message }));
}
