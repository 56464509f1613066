"""confluent-kafka-python through a leader change: an idempotent acks=all producer and a consumer group that
commits every record, in one loop, while the test stops a broker (SIGTERM: controlled shutdown) and restarts it.

Usage: confluent_failover.py BOOTSTRAP TOPIC GROUP COUNT. Creates TOPIC (3 partitions, RF 3), prints "acked N"
every 100 acknowledged records, then one JSON object; exits non-zero on failure.
"""
import json
import sys
import time

from confluent_kafka import Consumer, KafkaException, Producer
from confluent_kafka.admin import AdminClient, NewTopic

bootstrap, topic, group, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
admin = AdminClient({"bootstrap.servers": bootstrap})
admin.create_topics([NewTopic(topic, num_partitions=3, replication_factor=3)])[topic].result(30)
deadline = time.time() + 20
while True:
    described = admin.list_topics(timeout=10).topics.get(topic)
    if described and len(described.partitions) == 3 and all(len(p.isrs) == 3 for p in described.partitions.values()):
        break
    if time.time() > deadline:
        raise RuntimeError("the topic never had 3 partitions in sync")
    time.sleep(0.1)
print("ready", flush=True)

producer = Producer({"bootstrap.servers": bootstrap, "enable.idempotence": True, "acks": "all",
                     "linger.ms": 5, "message.timeout.ms": 60000})
consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": group, "auto.offset.reset": "earliest",
                     "enable.auto.commit": False, "session.timeout.ms": 10000})
consumer.subscribe([topic])
acked, failed, received, commit_retries = [], [], {}, 0


def on_delivery(err, msg):
    if err is None:
        acked.append(msg.value().decode())
        if len(acked) % 100 == 0:
            print(f"acked {len(acked)}", flush=True)
    else:
        failed.append(str(err))


sent = 0
next_send = time.time()
deadline = time.time() + 100
while (len(acked) + len(failed) < count or len(received) < count) and time.time() < deadline:
    if sent < count and time.time() >= next_send:
        producer.produce(topic, value=f"r{sent}".encode(), partition=sent % 3, on_delivery=on_delivery)
        sent += 1
        next_send += 0.005
    producer.poll(0)
    msg = consumer.poll(0.002)
    if msg is None or msg.error():
        continue
    value = msg.value().decode()
    received[value] = received.get(value, 0) + 1
    for attempt in range(100):
        try:
            consumer.commit(message=msg, asynchronous=False)
            break
        except KafkaException:
            commit_retries += 1
            time.sleep(0.1)
producer.flush(30)
consumer.close()
print(json.dumps({
    "acked": len(acked),
    "acked_distinct": len(set(acked)),
    "failed": sorted(set(failed)),
    "received_distinct": len(received),
    "received_twice": sorted(v for v, n in received.items() if n > 1),
    "missing": sorted(set(f"r{i}" for i in range(count)) - set(received))[:20],
    "commit_retries": commit_retries,
}))
