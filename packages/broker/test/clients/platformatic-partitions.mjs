// What one broker's Metadata answer (v12, with leader epochs) says of a topic, via @platformatic/kafka:
// {"controllerId": n, "brokers": [ids], "partitions": [{"leader", "leaderEpoch", "replicas", "isr"}, ...]}.
// Usage: node platformatic-partitions.mjs BOOTSTRAP TOPIC
import { Admin } from '@platformatic/kafka';

const [bootstrap, topic] = process.argv.slice(2);
const admin = new Admin({ clientId: 'netns-metadata', bootstrapBrokers: [bootstrap], retries: 0 });
try {
  const metadata = await admin.metadata({ topics: [topic], forceUpdate: true });
  const partitions = metadata.topics.get(topic).partitions.map((p) => ({
    leader: p.leader,
    leaderEpoch: p.leaderEpoch,
    replicas: p.replicas,
    isr: p.isr,
  }));
  const brokers = [...metadata.brokers.keys()].sort();
  process.stdout.write(`${JSON.stringify({ controllerId: metadata.controllerId, brokers, partitions })}\n`);
} finally {
  await admin.close();
}
