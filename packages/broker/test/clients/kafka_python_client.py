"""kafka-python exercising the broker: admin, producer with gzip, consumer with assign/seek.

Usage: kafka_python_client.py BOOTSTRAP. Prints one JSON object; exits non-zero on failure.
Runs with Debian's /usr/bin/python3 and python3-kafka.
"""
import json
import os
import sys

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import ConfigResource, ConfigResourceType, NewTopic
from kafka.errors import TopicAlreadyExistsError

bootstrap = sys.argv[1]
report = {}
admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="kafka-python-test")
admin.create_topics([NewTopic("kp-topic", num_partitions=2, replication_factor=1,
                              topic_configs={"max.message.bytes": "200000"})])
try:
    admin.create_topics([NewTopic("kp-topic", num_partitions=2, replication_factor=1)])
    report["duplicate"] = "accepted"
except TopicAlreadyExistsError:
    report["duplicate"] = "TopicAlreadyExistsError"
described = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, "kp-topic")])
entries = {c[0]: c[1] for c in described[0].resources[0][4]}
report["max_message_bytes"] = entries.get("max.message.bytes")
report["topics"] = sorted(t for t in admin.list_topics() if t.startswith("kp-"))

producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", compression_type="gzip", linger_ms=5)
futures = [producer.send("kp-topic", key=f"k{i}".encode(), value=f"v{i}".encode(), partition=i % 2)
           for i in range(200)]
producer.flush()
report["acked"] = sum(1 for f in futures if f.get(timeout=10).offset >= 0)
try:
    # Incompressible, so the compressed batch itself exceeds the topic's max.message.bytes (200000).
    producer.send("kp-topic", value=os.urandom(300000), partition=0).get(timeout=10)
    report["too_large"] = "accepted"
except Exception as e:  # kafka-python raises MessageSizeTooLargeError or the broker's error
    report["too_large"] = type(e).__name__
producer.close()

consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, consumer_timeout_ms=5000)
partitions = [TopicPartition("kp-topic", 0), TopicPartition("kp-topic", 1)]
consumer.assign(partitions)
consumer.seek_to_beginning()
values = sorted(m.value.decode() for m in consumer)
report["consumed"] = len(values)
report["all_values"] = values == sorted(f"v{i}" for i in range(200))
consumer.seek(partitions[1], 95)
report["after_seek"] = [m.offset for m in consumer]
report["end_offsets"] = sorted(consumer.end_offsets(partitions).values())
consumer.close()

admin.delete_topics(["kp-topic"])
report["deleted"] = "kp-topic" not in admin.list_topics()
admin.close()
print(json.dumps(report))
