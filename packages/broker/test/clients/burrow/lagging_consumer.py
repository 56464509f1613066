"""confluent-kafka-python group member that falls behind on purpose, for Burrow to watch.

It subscribes to TOPIC (PARTITIONS partitions) in GROUP and commits twice per partition, synchronously, each
time the offset after a record it consumed: FIRST once it has consumed offset FIRST - 1, then, GAP_SECONDS after
the last of those, SECOND (records at and after SECOND are fetched but never committed). Then it reads the
group's committed offsets back from the broker (OffsetFetch) and closes (LeaveGroup).

Prints one JSON object a line: {"committed": PARTITION, "offset": N, "phase": 1|2} after each commit succeeded,
then {"fetched": {PARTITION: N, ...}} with what the broker returned.

Usage: lagging_consumer.py BOOTSTRAP GROUP TOPIC PARTITIONS FIRST SECOND GAP_SECONDS
"""
import json
import sys
import time

from confluent_kafka import Consumer, TopicPartition

bootstrap, group, topic = sys.argv[1], sys.argv[2], sys.argv[3]
partitions, first, second, gap = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), float(sys.argv[7])


def emit(event):
    print(json.dumps(event), flush=True)


consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": group, "auto.offset.reset": "earliest",
                     "enable.auto.commit": False, "session.timeout.ms": 10000})
consumer.subscribe([topic])
committed_first = set()
second_records = {}
deadline = time.time() + 60
while (len(committed_first) < partitions or len(second_records) < partitions) and time.time() < deadline:
    msg = consumer.poll(0.2)
    if msg is None or msg.error():
        continue
    if msg.offset() == first - 1:
        consumer.commit(message=msg, asynchronous=False)
        committed_first.add(msg.partition())
        emit({"committed": msg.partition(), "offset": first, "phase": 1})
    if msg.offset() == second - 1:
        second_records[msg.partition()] = msg
if len(committed_first) < partitions or len(second_records) < partitions:
    sys.exit(f"timed out: first commits on {sorted(committed_first)}, records {sorted(second_records)}")

time.sleep(gap)
for partition in sorted(second_records):
    consumer.commit(message=second_records[partition], asynchronous=False)
    emit({"committed": partition, "offset": second, "phase": 2})

fetched = consumer.committed([TopicPartition(topic, p) for p in range(partitions)], timeout=10)
emit({"fetched": {tp.partition: tp.offset for tp in fetched}})
consumer.close()
