"""kafka-python (eager "range" assignment) group member for rebalance.test.ts.

Usage: kafka_python_member.py BOOTSTRAP GROUP TOPIC SESSION_TIMEOUT_MS

Prints one JSON object a line: {"event": "assigned"|"revoked", "partitions": [...]} from the rebalance
listener, {"event": "record", ...} for each record before committing it synchronously, then {"event":
"committed", "partition", "offset"} (the next offset) or {"event": "commit_failed", ...}. A line "close" or
the end of stdin makes it close the consumer (LeaveGroup) and print {"event": "closed"}.

kafka-python's heartbeat thread only flags a rebalance; the rejoin happens in the next poll(), after the
records of the previous poll were processed and committed with the generation that owned them.
"""
import json
import sys
import threading

from kafka import ConsumerRebalanceListener, KafkaConsumer, OffsetAndMetadata
from kafka.errors import KafkaError

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


class Listener(ConsumerRebalanceListener):
    def on_partitions_revoked(self, revoked):
        emit(event="revoked", partitions=sorted(tp.partition for tp in revoked))

    def on_partitions_assigned(self, assigned):
        emit(event="assigned", partitions=sorted(tp.partition for tp in assigned))


consumer = KafkaConsumer(
    bootstrap_servers=bootstrap,
    group_id=group,
    auto_offset_reset="earliest",
    enable_auto_commit=False,
    session_timeout_ms=session_timeout_ms,
    heartbeat_interval_ms=500,
    fetch_max_wait_ms=200,
    max_poll_records=50,
)
consumer.subscribe([topic], listener=Listener())
while not closing.is_set():
    for tp, records in consumer.poll(timeout_ms=100).items():
        for record in records:
            if closing.is_set():
                break
            emit(event="record", partition=record.partition, offset=record.offset, key=record.key.decode(),
                 value=record.value.decode())
            try:
                consumer.commit({tp: OffsetAndMetadata(record.offset + 1, None)})
                emit(event="committed", partition=record.partition, offset=record.offset + 1)
            except KafkaError as error:
                emit(event="commit_failed", partition=record.partition, offset=record.offset + 1, error=repr(error))
consumer.close(autocommit=False)
emit(event="closed")
