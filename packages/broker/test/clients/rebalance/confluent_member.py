"""confluent-kafka-python (librdkafka, eager "range,roundrobin" assignment) group member for rebalance.test.ts.

Usage: confluent_member.py BOOTSTRAP GROUP TOPIC SESSION_TIMEOUT_MS

Prints one JSON object a line: {"event": "assigned"|"revoked", "partitions": [...]} from the rebalance
callbacks, {"event": "record", ...} for each record before committing it synchronously, then {"event":
"committed", "partition", "offset"} (the next offset) or {"event": "commit_failed", ...}. A line "close" or
the end of stdin makes it close the consumer (LeaveGroup) and print {"event": "closed"}.

librdkafka does not rejoin until the application has served the revocation in poll(), so a commit made
right after processing a record always carries the generation that owned the record's partition.
"""
import json
import sys
import threading

from confluent_kafka import Consumer, KafkaException

bootstrap, group, topic, session_timeout_ms = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])


def emit(**event):
    print(json.dumps(event), flush=True)


closing = threading.Event()


def watch_stdin():
    for line in sys.stdin:
        if line.strip() == "close":
            break
    closing.set()


threading.Thread(target=watch_stdin, daemon=True).start()

consumer = Consumer({
    "bootstrap.servers": bootstrap,
    "group.id": group,
    "auto.offset.reset": "earliest",
    "enable.auto.commit": False,
    "session.timeout.ms": session_timeout_ms,
    "heartbeat.interval.ms": 500,
    "fetch.wait.max.ms": 200,
})
consumer.subscribe(
    [topic],
    on_assign=lambda _, partitions: emit(event="assigned", partitions=sorted(p.partition for p in partitions)),
    on_revoke=lambda _, partitions: emit(event="revoked", partitions=sorted(p.partition for p in partitions)),
)
while not closing.is_set():
    msg = consumer.poll(0.1)
    if msg is None:
        continue
    if msg.error():
        emit(event="error", error=str(msg.error()))
        continue
    emit(event="record", partition=msg.partition(), offset=msg.offset(), key=msg.key().decode(),
         value=msg.value().decode())
    try:
        results = consumer.commit(message=msg, asynchronous=False)
        errors = [str(r.error) for r in results or [] if r.error is not None]
        if errors:
            emit(event="commit_failed", partition=msg.partition(), offset=msg.offset() + 1, error=", ".join(errors))
        else:
            emit(event="committed", partition=msg.partition(), offset=msg.offset() + 1)
    except KafkaException as error:
        emit(event="commit_failed", partition=msg.partition(), offset=msg.offset() + 1, error=str(error))
consumer.close()
emit(event="closed")
