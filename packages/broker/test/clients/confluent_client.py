"""confluent-kafka-python (librdkafka) exercising the broker: admin, idempotent producer, assign/seek consumer.

Usage: confluent_client.py BOOTSTRAP. Prints one JSON object with what it observed; exits non-zero on failure.
Runs with Debian's /usr/bin/python3 and python3-confluent-kafka.
"""
import json
import sys

from confluent_kafka import Consumer, KafkaException, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, ConfigResource, NewPartitions, NewTopic

bootstrap = sys.argv[1]
admin = AdminClient({"bootstrap.servers": bootstrap})
report = {}

# Admin: create, describe configs, alter configs, add partitions.
futures = admin.create_topics([NewTopic("py-topic", num_partitions=2, replication_factor=1,
                                        config={"retention.ms": "3600000", "cleanup.policy": "delete"})])
futures["py-topic"].result(15)
try:
    admin.create_topics([NewTopic("py-topic", num_partitions=1, replication_factor=1)])["py-topic"].result(15)
    report["duplicate_create"] = "accepted"
except KafkaException as e:
    report["duplicate_create"] = e.args[0].name()
try:
    admin.create_topics([NewTopic("bad-config", num_partitions=1, replication_factor=1,
                                  config={"retention.ms": "soon"})])["bad-config"].result(15)
    report["bad_config"] = "accepted"
except KafkaException as e:
    report["bad_config"] = e.args[0].name()

resource = ConfigResource(ConfigResource.Type.TOPIC, "py-topic")
configs = admin.describe_configs([resource])[resource].result(15)
report["retention_ms"] = configs["retention.ms"].value
report["retention_source"] = configs["retention.ms"].source
report["segment_bytes_default"] = configs["segment.bytes"].is_default
admin.alter_configs([ConfigResource(ConfigResource.Type.TOPIC, "py-topic",
                                    set_config={"retention.ms": "7200000"})])[resource].result(15)
configs = admin.describe_configs([resource])[resource].result(15)
report["retention_ms_after_alter"] = configs["retention.ms"].value
admin.create_partitions([NewPartitions("py-topic", 3)])["py-topic"].result(15)
metadata = admin.list_topics(timeout=10)
report["partitions"] = len(metadata.topics["py-topic"].partitions)

# Idempotent producer, acks=all, with keys, headers and compression.
producer = Producer({"bootstrap.servers": bootstrap, "enable.idempotence": True, "acks": "all",
                     "compression.type": "zstd", "linger.ms": 5})
delivered = []
for i in range(300):
    producer.produce("py-topic", key=f"k{i}".encode(), value=f"v{i}".encode(), partition=i % 3,
                     headers=[("trace", f"t{i}".encode())],
                     on_delivery=lambda err, msg: delivered.append((err is None, msg.partition(), msg.offset())))
producer.flush(30)
report["delivered_ok"] = sum(1 for ok, _, _ in delivered if ok)

# Consumer with assign() and seek, no group coordination.
consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "unused-assign-only",
                     "enable.auto.commit": False, "auto.offset.reset": "earliest"})
consumer.assign([TopicPartition("py-topic", p, 0) for p in range(3)])
seen = {}
while len(seen) < 300:
    msg = consumer.poll(10)
    if msg is None:
        break
    if msg.error():
        raise KafkaException(msg.error())
    seen[msg.value().decode()] = (msg.key().decode(), dict(msg.headers() or [])["trace"].decode(), msg.partition())
report["consumed"] = len(seen)
report["keys_headers_ok"] = all(k == "k" + v[1:] and h == "t" + v[1:] and p == int(v[1:]) % 3
                                for v, (k, h, p) in seen.items())
# Seek partition 1 back to offset 10 and read it again from there.
consumer.seek(TopicPartition("py-topic", 1, 10))
msg = consumer.poll(10)
while msg is not None and msg.partition() != 1:
    msg = consumer.poll(10)
report["after_seek"] = [msg.partition(), msg.offset()] if msg else None
low, high = consumer.get_watermark_offsets(TopicPartition("py-topic", 0), timeout=10)
report["watermarks_p0"] = [low, high]
consumer.close()

# Delete.
admin.delete_topics(["py-topic"])["py-topic"].result(15)
report["after_delete"] = "py-topic" in admin.list_topics(timeout=10).topics
print(json.dumps(report))
