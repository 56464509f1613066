"""confluent-kafka-python (librdkafka) admin: one AlterConfigs of a broker resource, as kafka-configs.sh --alter
--entity-type brokers does, then DescribeConfigs of the names it set. Prints one JSON report: the outcome ('ok' or
[error name, message]) and each name's value and source.
Usage: /usr/bin/python3 confluent_alter_broker.py BOOTSTRAP BROKER_ID '{"name": "value", ...}'"""
import json
import sys

from confluent_kafka import KafkaException
from confluent_kafka.admin import AdminClient, ConfigResource

bootstrap, broker_id, configs = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
admin = AdminClient({"bootstrap.servers": bootstrap})
resource = ConfigResource("broker", broker_id, set_config=configs)
try:
    admin.alter_configs([resource], request_timeout=15)[resource].result()
    outcome = "ok"
except KafkaException as error:
    outcome = [error.args[0].name(), error.args[0].str()]
entries = admin.describe_configs([ConfigResource("broker", broker_id)], request_timeout=15)
described = entries[ConfigResource("broker", broker_id)].result()
print(
    json.dumps(
        {
            "outcome": outcome,
            "described": {name: {"value": described[name].value, "source": described[name].source} for name in configs},
        }
    )
)
