"""A consumer tailing a topic from the beginning, as long as it takes to read COUNT records (or until TIMEOUT_S):
unlike kcat, which gives up when its only broker is down, it rides through a broker restart.

Usage: confluent_tail.py BOOTSTRAP TOPIC ISOLATION COUNT TIMEOUT_S
Prints each record as `key=value` and exits 0 (the test judges what it read). Runs with Debian's
/usr/bin/python3 and python3-confluent-kafka (librdkafka).
"""
import sys
import time

from confluent_kafka import OFFSET_BEGINNING, Consumer, TopicPartition

bootstrap, topic, isolation, count, timeout_s = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(
    sys.argv[5])
consumer = Consumer({
    "bootstrap.servers": bootstrap,
    "group.id": "tail",
    "isolation.level": isolation,
    "enable.auto.commit": False,
    "reconnect.backoff.ms": 50,
    "reconnect.backoff.max.ms": 500,
})
partitions = consumer.list_topics(topic, timeout=30).topics[topic].partitions
consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in partitions])
deadline = time.monotonic() + timeout_s
read = 0
while read < count and time.monotonic() < deadline:
    for message in consumer.consume(500, timeout=0.5):
        if message.error() is None:
            print(f"{message.key().decode()}={message.value().decode()}", flush=True)
            read += 1
