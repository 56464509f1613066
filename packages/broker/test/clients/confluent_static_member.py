"""confluent-kafka-python static group member (group.instance.id, KIP-345). Prints JSON lines: {"assigned": [...]}
and {"revoked": [...]} from the rebalance callbacks, {"partition": P, "offset": O, "value": V} per record
(committed synchronously). Runs until killed.

Usage: confluent_static_member.py BOOTSTRAP GROUP TOPIC INSTANCE_ID
"""
import json
import sys

from confluent_kafka import Consumer

bootstrap, group, topic, instance = sys.argv[1:5]


def show(event, partitions):
    print(json.dumps({event: sorted(p.partition for p in partitions)}), flush=True)


consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": group, "group.instance.id": instance,
                     "auto.offset.reset": "earliest", "enable.auto.commit": False,
                     "session.timeout.ms": 10000, "heartbeat.interval.ms": 500})
consumer.subscribe([topic], on_assign=lambda c, ps: show("assigned", ps),
                   on_revoke=lambda c, ps: show("revoked", ps))
while True:
    msg = consumer.poll(0.2)
    if msg is None or msg.error():
        continue
    print(json.dumps({"partition": msg.partition(), "offset": msg.offset(), "value": msg.value().decode()}),
          flush=True)
    consumer.commit(message=msg, asynchronous=False)
