"""ACLs through Python admin clients, and what a SASL PLAIN principal may then do.

  python_acls.py kafka-python-admin BOOTSTRAP PRINCIPAL TOPIC [--delete]
      kafka-python's KafkaAdminClient: create_acls (Write on the TOPIC prefix for PRINCIPAL), describe_acls by
      principal, and with --delete delete_acls; prints one JSON report
      (Debian's confluent-kafka-python 1.7 predates the ACL admin API, so it only produces here.)
  python_acls.py confluent-produce BOOTSTRAP USER PASSWORD TOPIC
      produces one record over SASL_PLAINTEXT PLAIN; prints {"error": NAME} or {"delivered": true}
"""
import json
import sys

mode, bootstrap = sys.argv[1:3]


def kafka_python_admin(principal, topic):
    from kafka.admin import (
        ACL,
        ACLFilter,
        ACLOperation,
        ACLPermissionType,
        ACLResourcePatternType,
        KafkaAdminClient,
        ResourcePattern,
        ResourcePatternFilter,
        ResourceType,
    )

    admin = KafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=15000)
    acl = ACL(
        principal=principal,
        host="*",
        operation=ACLOperation.WRITE,
        permission_type=ACLPermissionType.ALLOW,
        resource_pattern=ResourcePattern(ResourceType.TOPIC, topic, ACLResourcePatternType.PREFIXED),
    )
    result = admin.create_acls([acl])
    acl_filter = ACLFilter(
        principal=principal,
        host=None,
        operation=ACLOperation.ANY,
        permission_type=ACLPermissionType.ANY,
        resource_pattern=ResourcePatternFilter(ResourceType.ANY, None, ACLResourcePatternType.ANY),
    )
    described, error = admin.describe_acls(acl_filter)
    report = {
        "created": len(result["succeeded"]),
        "failed": len(result["failed"]),
        "describe_error": error.__name__ if isinstance(error, type) else type(error).__name__,
        "described": sorted(
            f"{a.resource_pattern.resource_type.name}:{a.resource_pattern.resource_name}:"
            f"{a.resource_pattern.pattern_type.name}:{a.operation.name}:{a.permission_type.name}"
            for a in described
        ),
    }
    if mode_delete:
        deleted = admin.delete_acls([acl_filter])
        report["deleted"] = sorted(
            f"{a.resource_pattern.resource_name}:{a.operation.name}" for _, matches, _ in deleted for a, _ in matches
        )
    admin.close()
    return report


def confluent_produce(user, password, topic):
    from confluent_kafka import Producer

    errors = []
    producer = Producer(
        {
            "bootstrap.servers": bootstrap,
            "security.protocol": "SASL_PLAINTEXT",
            "sasl.mechanism": "PLAIN",
            "sasl.username": user,
            "sasl.password": password,
            "acks": "all",
            "message.timeout.ms": 10000,
        }
    )
    results = []
    producer.produce(topic, value=b"acl-check", on_delivery=lambda err, msg: results.append(err))
    producer.flush(15)
    if not results:
        return {"error": "no delivery report"}
    return {"error": results[0].name()} if results[0] else {"delivered": True}


mode_delete = "--delete" in sys.argv
args = [a for a in sys.argv[3:] if a != "--delete"]
if mode == "kafka-python-admin":
    print(json.dumps(kafka_python_admin(*args)))
elif mode == "confluent-produce":
    print(json.dumps(confluent_produce(*args)))
else:
    sys.exit(f"unknown mode {mode}")
