"""confluent-kafka-python (librdkafka) as a user of a 3-broker cluster: admin on an RF 3 topic, an idempotent
acks=all producer to every partition, a consumer group that commits, and the committed offsets read back.

Usage: confluent_cluster.py BOOTSTRAP TOPIC GROUP. Prints one JSON object; exits non-zero on failure.
Metadata is polled after each admin change: as Kafka's Admin documents, the controller answers once a change is
committed and every broker learns it a moment later.
"""
import json
import sys
import time

from confluent_kafka import Consumer, KafkaException, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, ConfigResource, NewPartitions, NewTopic

bootstrap, topic, group = sys.argv[1], sys.argv[2], sys.argv[3]
admin = AdminClient({"bootstrap.servers": bootstrap})
report = {}


def topic_metadata(predicate, what):
    deadline = time.time() + 20
    while True:
        metadata = admin.list_topics(timeout=10)
        described = metadata.topics.get(topic)
        if predicate(described):
            return metadata, described
        if time.time() > deadline:
            raise RuntimeError(f"timed out waiting for {what}: {described}")
        time.sleep(0.1)


def partitions_state(described):
    return {str(p.id): {"leader": p.leader, "replicas": sorted(p.replicas), "isr": sorted(p.isrs)}
            for p in described.partitions.values()}


admin.create_topics([NewTopic(topic, num_partitions=3, replication_factor=3,
                              config={"retention.ms": "3600000"})])[topic].result(30)
metadata, described = topic_metadata(
    lambda t: t is not None and t.error is None and len(t.partitions) == 3
    and all(p.leader >= 0 and len(p.isrs) == 3 for p in t.partitions.values()), "3 partitions, 3 in sync")
report["brokers"] = sorted(metadata.brokers)
report["controller_known"] = metadata.controller_id in metadata.brokers
report["created"] = partitions_state(described)

admin.create_partitions([NewPartitions(topic, 4)])[topic].result(30)
_, described = topic_metadata(
    lambda t: len(t.partitions) == 4 and all(len(p.isrs) == 3 for p in t.partitions.values()), "4 partitions")
report["after_create_partitions"] = partitions_state(described)

resource = ConfigResource(ConfigResource.Type.TOPIC, topic)
configs = admin.describe_configs([resource])[resource].result(30)
report["retention_ms"] = configs["retention.ms"].value
report["min_insync_replicas"] = configs["min.insync.replicas"].value
admin.alter_configs([ConfigResource(ConfigResource.Type.TOPIC, topic,
                                    set_config={"retention.ms": "7200000"})])[resource].result(30)
# AlterConfigs goes to the controller; the broker answering DescribeConfigs may learn it a moment later.
deadline = time.time() + 20
while admin.describe_configs([resource])[resource].result(30)["retention.ms"].value != "7200000":
    if time.time() > deadline:
        raise RuntimeError("altered retention.ms never described")
    time.sleep(0.1)
report["retention_ms_after_alter"] = "7200000"

producer = Producer({"bootstrap.servers": bootstrap, "enable.idempotence": True, "acks": "all",
                     "compression.type": "lz4", "linger.ms": 5})
delivered = []
for i in range(400):
    producer.produce(topic, key=f"k{i}".encode(), value=f"v{i}".encode(), partition=i % 4,
                     on_delivery=lambda err, msg: delivered.append((err, msg.partition(), msg.offset())))
producer.flush(60)
report["delivered"] = sum(1 for err, _, _ in delivered if err is None)
report["errors"] = sorted({str(err) for err, _, _ in delivered if err is not None})

consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": group, "auto.offset.reset": "earliest",
                     "enable.auto.commit": False, "session.timeout.ms": 10000})
consumer.subscribe([topic])
seen = []
deadline = time.time() + 60
while len(seen) < 400 and time.time() < deadline:
    msg = consumer.poll(0.5)
    if msg is None:
        continue
    if msg.error():
        raise KafkaException(msg.error())
    seen.append(msg.value().decode())
consumer.commit(asynchronous=False)
report["consumed"] = len(seen)
report["consumed_distinct"] = len(set(seen))
committed = consumer.committed([TopicPartition(topic, p) for p in range(4)], timeout=20)
report["committed"] = [tp.offset for tp in committed]
report["groups"] = sorted(g.id for g in admin.list_groups(timeout=20) if g.id == group)
described_group = admin.list_groups(group, timeout=20)[0]
report["group_state"] = described_group.state
report["group_members"] = len(described_group.members)
consumer.close()

admin.delete_topics([topic])[topic].result(30)
topic_metadata(lambda t: t is None, "the topic gone")
report["deleted"] = True
print(json.dumps(report))
