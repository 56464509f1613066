// kafkajs's admin ACL API against a broker with an authorizer: createAcls (Read on TOPIC and on GROUP for
// PRINCIPAL), describeAcls by principal, then deleteAcls of the group ACL; prints one JSON report. A kafkajs
// error prints {"error": <type>}.
// Usage: node kafkajs-acls.mjs BOOTSTRAP PRINCIPAL TOPIC GROUP
import kafkajs from 'kafkajs';

const { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Kafka, logLevel, ResourcePatternTypes } =
  kafkajs;

const [bootstrap, principal, topic, group] = process.argv.slice(2);
const kafka = new Kafka({
  clientId: 'kafkajs-acls',
  brokers: bootstrap.split(','),
  logLevel: logLevel.NOTHING,
});
const admin = kafka.admin();
const name = (code, table) => Object.entries(table).find(([, v]) => v === code)?.[0];
try {
  await admin.connect();
  const entry = (resourceType, resourceName) => ({
    resourceType,
    resourceName,
    resourcePatternType: ResourcePatternTypes.LITERAL,
    principal,
    host: '*',
    operation: AclOperationTypes.READ,
    permissionType: AclPermissionTypes.ALLOW,
  });
  await admin.createAcls({
    acl: [entry(AclResourceTypes.TOPIC, topic), entry(AclResourceTypes.GROUP, group)],
  });
  const described = await admin.describeAcls({
    resourceType: AclResourceTypes.ANY,
    resourcePatternType: ResourcePatternTypes.ANY,
    principal,
    operation: AclOperationTypes.ANY,
    permissionType: AclPermissionTypes.ANY,
  });
  const deleted = await admin.deleteAcls({
    filters: [
      {
        resourceType: AclResourceTypes.GROUP,
        resourceName: group,
        resourcePatternType: ResourcePatternTypes.LITERAL,
        principal,
        host: '*',
        operation: AclOperationTypes.ANY,
        permissionType: AclPermissionTypes.ANY,
      },
    ],
  });
  console.log(
    JSON.stringify({
      described: described.resources
        .flatMap((r) =>
          r.acls.map(
            (a) =>
              `${name(r.resourceType, AclResourceTypes)}:${r.resourceName}:${name(a.operation, AclOperationTypes)}`,
          ),
        )
        .sort(),
      deleted: deleted.filterResponses.flatMap((f) =>
        f.matchingAcls.map((a) => `${a.resourceName}:${name(a.operation, AclOperationTypes)}`),
      ),
    }),
  );
} catch (error) {
  console.log(JSON.stringify({ error: error.type ?? error.name, message: error.message }));
} finally {
  await admin.disconnect();
}
