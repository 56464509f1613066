"""kafka-python as a user of a 3-broker cluster: admin on an RF 3 topic (create, create partitions, configs,
describe cluster, groups, delete), an acks=all producer to every partition, a consumer group that commits, and
the committed offsets read back through the admin client.

Usage: kafka_python_cluster.py BOOTSTRAP TOPIC GROUP. Prints one JSON object; exits non-zero on failure.
Metadata is polled after each admin change: as Kafka's Admin documents, the controller answers once a change is
committed and every broker learns it a moment later.
"""
import json
import sys
import time

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import ConfigResource, ConfigResourceType, NewPartitions, NewTopic

bootstrap, topic, group = sys.argv[1], sys.argv[2], sys.argv[3]
report = {}
admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="kafka-python-cluster")


def wait_until(what, probe):
    deadline = time.time() + 20
    while True:
        value = probe()
        if value is not None:
            return value
        if time.time() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        time.sleep(0.1)


def partitions_when(predicate):
    def probe():
        described = admin.describe_topics([topic])
        partitions = described[0]["partitions"] if described and described[0]["error_code"] == 0 else []
        return partitions if predicate(partitions) else None
    return probe


def partitions_state(partitions):
    return {str(p["partition"]): {"leader": p["leader"], "replicas": sorted(p["replicas"]), "isr": sorted(p["isr"])}
            for p in partitions}


cluster = admin.describe_cluster()
report["brokers"] = sorted(b["node_id"] for b in cluster["brokers"])
report["controller_known"] = cluster["controller_id"] in report["brokers"]

admin.create_topics([NewTopic(topic, num_partitions=3, replication_factor=3,
                              topic_configs={"max.message.bytes": "200000"})])
created = wait_until("3 partitions, 3 in sync", partitions_when(
    lambda ps: len(ps) == 3 and all(p["leader"] >= 0 and len(p["isr"]) == 3 for p in ps)))
report["created"] = partitions_state(created)
admin.create_partitions({topic: NewPartitions(total_count=5)})
grown = wait_until("5 partitions", partitions_when(lambda ps: len(ps) == 5 and all(len(p["isr"]) == 3 for p in ps)))
report["after_create_partitions"] = partitions_state(grown)


def topic_config(name):
    described = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, topic)])
    return {c[0]: c[1] for c in described[0].resources[0][4]}.get(name)


report["max_message_bytes"] = topic_config("max.message.bytes")
admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, topic, configs={"max.message.bytes": "300000"})])
report["max_message_bytes_after_alter"] = wait_until(
    "the altered config", lambda: topic_config("max.message.bytes") if topic_config("max.message.bytes") == "300000" else None)

producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", compression_type="gzip", linger_ms=5,
                         retries=5)
futures = [producer.send(topic, key=f"k{i}".encode(), value=f"v{i}".encode(), partition=i % 5)
           for i in range(500)]
producer.flush()
report["acked"] = sum(1 for f in futures if f.get(timeout=30).offset >= 0)
producer.close()

consumer = KafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=group, auto_offset_reset="earliest",
                         enable_auto_commit=False, consumer_timeout_ms=5000)
values = []
for message in consumer:
    values.append(message.value.decode())
    if len(values) == 500:
        break
consumer.commit()
report["consumed"] = len(values)
report["consumed_distinct"] = len(set(values))
report["committed_by_consumer"] = [consumer.committed(TopicPartition(topic, p)) for p in range(5)]

report["groups"] = sorted(g for g, _ in admin.list_consumer_groups() if g == group)
description = admin.describe_consumer_groups([group])[0]
report["group_state"] = description.state
report["group_members"] = len(description.members)
offsets = admin.list_consumer_group_offsets(group)
report["committed_by_admin"] = [offsets[TopicPartition(topic, p)].offset for p in range(5)]
consumer.close()

admin.delete_topics([topic])
report["deleted"] = wait_until("the topic gone", lambda: True if topic not in admin.list_topics() else None)
admin.close()
print(json.dumps(report))
