// @platformatic/kafka 1.x admin against the broker: configs Kafka 3.9 accepts that Sluice does not act on,
// through AlterConfigs, IncrementalAlterConfigs and DescribeConfigs. Prints one JSON report.
// Usage: node platformatic-configs.mjs BOOTSTRAP BROKER_ID
import { Admin } from '@platformatic/kafka';

const [bootstrap, brokerId] = process.argv.slice(2);
const admin = new Admin({ clientId: 'platformatic-configs', bootstrapBrokers: [bootstrap] });
const TOPIC = 2;
const BROKER = 4;
const SET = 0;

/** The error code and message a rejected call carries, or 'ok'. */
async function outcome(call) {
  try {
    await call();
    return 'ok';
  } catch (error) {
    const cause = error.errors?.[0] ?? error;
    const response = Object.values(cause.response ?? {}).find(Array.isArray)?.[0];
    return {
      code: response?.errorCode ?? cause.apiCode ?? null,
      message: response?.errorMessage ?? cause.message,
    };
  }
}

async function describe(resourceType, resourceName, configurationKeys) {
  const [result] = await admin.describeConfigs({
    resources: [{ resourceType, resourceName, configurationKeys }],
    includeSynonyms: true,
  });
  return Object.fromEntries(
    result.configs.map((c) => [c.name, { value: c.value, readOnly: c.readOnly, source: c.configSource }]),
  );
}

const report = {};
await admin.createTopics({ topics: ['pk-configs'], partitions: 1, replicas: 1 });
report.topicIncremental = await outcome(() =>
  admin.incrementalAlterConfigs({
    resources: [
      {
        resourceType: TOPIC,
        resourceName: 'pk-configs',
        configs: [
          { name: 'message.format.version', configOperation: SET, value: '2.8-IV1' },
          { name: 'message.downconversion.enable', configOperation: SET, value: 'false' },
        ],
      },
    ],
  }),
);
report.topicDescribed = await describe(TOPIC, 'pk-configs', [
  'message.format.version',
  'message.downconversion.enable',
  'remote.storage.enable',
]);
report.badVersion = await outcome(() =>
  admin.incrementalAlterConfigs({
    resources: [
      {
        resourceType: TOPIC,
        resourceName: 'pk-configs',
        configs: [{ name: 'message.format.version', configOperation: SET, value: '9.9' }],
      },
    ],
  }),
);
const brokerSet = (configs) => () =>
  admin.incrementalAlterConfigs({ resources: [{ resourceType: BROKER, resourceName: brokerId, configs }] });
report.brokerIncremental = await outcome(
  brokerSet([{ name: 'sasl.kerberos.min.time.before.relogin', configOperation: SET, value: '61000' }]),
);
report.brokerLegacy = await outcome(() =>
  admin.alterConfigs({
    resources: [
      {
        resourceType: BROKER,
        resourceName: brokerId,
        configs: [{ name: 'sasl.kerberos.min.time.before.relogin', value: '62000' }],
      },
    ],
  }),
);
report.brokerDescribed = await describe(BROKER, brokerId, [
  'sasl.kerberos.min.time.before.relogin',
  'log.dirs',
  'background.threads',
]);
report.readOnly = await outcome(
  brokerSet([{ name: 'auto.create.topics.enable', configOperation: SET, value: 'false' }]),
);
report.badBrokerValue = await outcome(
  brokerSet([{ name: 'sasl.kerberos.min.time.before.relogin', configOperation: SET, value: 'soon' }]),
);
report.nonsenseTopic = await outcome(() =>
  admin.incrementalAlterConfigs({
    resources: [
      {
        resourceType: TOPIC,
        resourceName: 'pk-configs',
        configs: [{ name: 'no.such.config', configOperation: SET, value: '1' }],
      },
    ],
  }),
);
await admin.close();
console.log(JSON.stringify(report));
