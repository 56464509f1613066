// @platformatic/kafka 1.x admin API against the broker, for issue 11: listOffsets with MAX_TIMESTAMP (-3n,
// ListOffsets v7+) and describeGroups with includeAuthorizedOperations (DescribeGroups v5), while a consumer
// of its own is a member of the group. Usage: node platformatic-describe.mjs BOOTSTRAP. Prints one JSON report.
import { Admin, Consumer, Producer, stringDeserializers, stringSerializers } from '@platformatic/kafka';

const bootstrapBrokers = [process.argv[2]];
const topic = 'pk-max-ts';
const admin = new Admin({ clientId: 'platformatic-describe', bootstrapBrokers });
await admin.createTopics({ topics: [topic], partitions: 1, replicas: 1 });
const report = {};

const listMaxTimestamp = async () => {
  const [listed] = await admin.listOffsets({
    topics: [{ name: topic, partitions: [{ partitionIndex: 0, timestamp: -3n }] }],
  });
  const { offset, timestamp } = listed.partitions[0];
  return { offset: Number(offset), timestamp: Number(timestamp) };
};
report.empty = await listMaxTimestamp();

const t = BigInt(Date.now());
const producer = new Producer({
  clientId: 'platformatic-describe',
  bootstrapBrokers,
  serializers: stringSerializers,
  compression: 'gzip',
  acks: -1,
});
// One send to one partition is one batch: the largest timestamp in its middle.
const send = (timestamps) =>
  producer.send({
    messages: timestamps.map((timestamp, i) => ({
      topic,
      partition: 0,
      key: `k${i}`,
      value: `v${i}`,
      timestamp,
    })),
  });
await send([t + 100n, t + 400n, t + 250n]);
report.first = await listMaxTimestamp();
await send([t + 900n, t + 200n, t + 900n, t + 10n]);
report.second = await listMaxTimestamp();
report.t = Number(t);
await producer.close();

const groupId = 'pk-describe-group';
const consumer = new Consumer({
  clientId: 'platformatic-describe',
  bootstrapBrokers,
  groupId,
  deserializers: stringDeserializers,
  sessionTimeout: 10000,
  heartbeatInterval: 500,
});
const stream = await consumer.consume({ topics: [topic], mode: 'earliest', autocommit: false });
let consumed = 0;
stream.on('data', () => consumed++);
while (consumed < 7) await new Promise((r) => setTimeout(r, 50));

const describe = async (includeAuthorizedOperations) => {
  const groups = await admin.describeGroups({ groups: [groupId], includeAuthorizedOperations });
  const group = groups.get(groupId);
  return {
    state: group.state,
    members: group.members.size,
    authorizedOperations: group.authorizedOperations,
  };
};
report.groupAsked = await describe(true);
report.groupNotAsked = await describe(false);

await stream.close();
await consumer.close();
await admin.close();
console.log(JSON.stringify(report));
