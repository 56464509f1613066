"""confluent-kafka-python (librdkafka) admin against the broker: configs Kafka 3.9 accepts that Sluice does not
act on, through AlterConfigs and DescribeConfigs. Prints one JSON report.
Usage: /usr/bin/python3 confluent_configs.py BOOTSTRAP BROKER_ID"""
import json
import sys

from confluent_kafka import KafkaException
from confluent_kafka.admin import AdminClient, ConfigResource, NewTopic

bootstrap, broker_id = sys.argv[1], sys.argv[2]
admin = AdminClient({"bootstrap.servers": bootstrap})


def outcome(resource):
    """'ok', or the error name and message the broker answered for one resource of AlterConfigs."""
    try:
        admin.alter_configs([resource], request_timeout=15)[resource].result()
        return "ok"
    except KafkaException as error:
        return [error.args[0].name(), error.args[0].str()]


def described(resource, names):
    entries = admin.describe_configs([resource], request_timeout=15)[resource].result()
    return {
        name: {"value": entries[name].value, "read_only": entries[name].is_read_only, "source": entries[name].source}
        for name in names
    }


for future in admin.create_topics([NewTopic("cc-configs", 1, 1), NewTopic("cc-untouched", 1, 1)]).values():
    future.result()
report = {}
report["topic_default"] = described(ConfigResource("topic", "cc-untouched"), ["message.format.version"])
report["topic_alter"] = outcome(
    ConfigResource("topic", "cc-configs", set_config={"message.format.version": "0.10.0", "retention.ms": "3600000"})
)
report["topic_described"] = described(
    ConfigResource("topic", "cc-configs"), ["message.format.version", "retention.ms", "local.retention.ms"]
)
report["broker_alter"] = outcome(
    ConfigResource("broker", broker_id, set_config={"sasl.kerberos.min.time.before.relogin": "60001"})
)
report["broker_described"] = described(
    ConfigResource("broker", broker_id), ["sasl.kerberos.min.time.before.relogin", "log.dirs", "num.io.threads"]
)
report["read_only"] = outcome(ConfigResource("broker", broker_id, set_config={"log.dirs": "/elsewhere"}))
report["nonsense_topic"] = outcome(ConfigResource("topic", "cc-configs", set_config={"no.such.config": "1"}))
report["ssl_without_listener"] = outcome(
    ConfigResource("broker", broker_id, set_config={"ssl.keystore.location": "/tmp/k.jks"})
)
print(json.dumps(report))
