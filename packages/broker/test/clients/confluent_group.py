"""confluent-kafka-python group consumer with subscribe(): prints partition:offset:value per message and commits.

Usage: confluent_group.py BOOTSTRAP GROUP TOPIC IDLE_SECONDS
"""
import sys
import time

from confluent_kafka import Consumer

bootstrap, group, topic, idle = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": group, "auto.offset.reset": "earliest",
                     "enable.auto.commit": False, "session.timeout.ms": 10000})
consumer.subscribe([topic])
last = time.time()
while time.time() - last < idle:
    msg = consumer.poll(0.2)
    if msg is None or msg.error():
        continue
    last = time.time()
    print(f"{msg.partition()}:{msg.offset()}:{msg.value().decode()}", flush=True)
    consumer.commit(message=msg, asynchronous=False)
consumer.close()
