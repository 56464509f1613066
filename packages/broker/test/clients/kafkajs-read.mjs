// kafkajs as a reader: every record of a topic from the beginning with isolation level read_committed or
// read_uncommitted, until COUNT records or TIMEOUT_MS. Prints `key=value` lines.
import { Kafka, logLevel } from 'kafkajs';

const [bootstrap, topic, isolation, count, timeoutMs] = process.argv.slice(2);
const kafka = new Kafka({ clientId: 'kafkajs-read', brokers: [bootstrap], logLevel: logLevel.NOTHING });
const consumer = kafka.consumer({
  groupId: `kafkajs-read-${isolation}-${Date.now()}`,
  readUncommitted: isolation === 'read_uncommitted',
});
await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
const lines = [];
await new Promise((resolve, reject) => {
  const timer = setTimeout(resolve, Number(timeoutMs));
  consumer
    .run({
      eachMessage: async ({ message }) => {
        lines.push(`${message.key.toString()}=${message.value.toString()}`);
        if (lines.length >= Number(count)) {
          clearTimeout(timer);
          resolve();
        }
      },
    })
    .catch(reject);
});
await consumer.disconnect();
process.stdout.write(lines.map((line) => `${line}\n`).join(''));
