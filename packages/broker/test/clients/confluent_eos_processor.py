"""Exactly-once consume-transform-produce with confluent-kafka-python, the way applications write it: read the
input with isolation.level=read_committed and no auto commit, write each batch's results and the input offsets in
one transaction (send_offsets_to_transaction + commit_transaction). Restarting it with the same transactional.id
fences and aborts whatever transaction a killed instance left open, then it resumes from the committed offsets.

Usage: confluent_eos_processor.py BOOTSTRAP INPUT OUTPUT GROUP TRANSACTIONAL_ID [BATCH [PAUSE_MS [MODE]]]
PAUSE_MS is time spent between writing a batch's results and committing (an application's work, and a window in
which a test can kill it mid-transaction). MODE `assign` (the default) takes every input partition itself;
`subscribe` joins GROUP as a static member (group.instance.id), so the offsets it sends carry the group's
generation and member id (KIP-447) and a restarted instance takes its predecessor's place at once (no wait for the session timeout).
Prints a line per step (BEGIN n, FLUSHED n count, COMMITTING n, COMMITTED n count, ABORTED n error, RETRY n error) and
`DONE {json}` with the committed offsets once every input partition is processed to its high watermark; exits 2
with `FATAL {json}` on a fatal client error. Runs with Debian's /usr/bin/python3 and python3-confluent-kafka.
"""
import json
import os
import sys
import time

from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, KafkaException, Producer, TopicPartition

bootstrap, input_topic, output_topic, group, transactional_id = sys.argv[1:6]
batch = int(sys.argv[6]) if len(sys.argv) > 6 else 50
pause_s = int(sys.argv[7]) / 1000 if len(sys.argv) > 7 else 0
mode = sys.argv[8] if len(sys.argv) > 8 else "assign"

def on_client_error(error):
    """A fatal error (a fenced producer or static member) ends the processor: only a new instance can go on."""
    if error.fatal():
        print("FATAL", json.dumps({"name": error.name(), "str": error.str()}), flush=True)
        os._exit(2)


consumer_config = {
    "bootstrap.servers": bootstrap,
    "error_cb": on_client_error,
    "group.id": group,
    "isolation.level": "read_committed",
    "enable.auto.commit": False,
    "auto.offset.reset": "earliest",
    "reconnect.backoff.ms": 50,
    "reconnect.backoff.max.ms": 500,
}
if mode == "subscribe":
    consumer_config["group.instance.id"] = f"{transactional_id}-member"
    consumer_config["session.timeout.ms"] = 10000
consumer = Consumer(consumer_config)
producer = Producer({
    "bootstrap.servers": bootstrap,
    "error_cb": on_client_error,
    "transactional.id": transactional_id,
    "transaction.timeout.ms": 30000,
    "linger.ms": 5,
    # Compressed batches, as applications write them (gzip, which kafkajs reads without a codec plugin): aborted
    # ones must be skipped whole.
    "compression.type": "gzip",
    "reconnect.backoff.ms": 50,
    "reconnect.backoff.max.ms": 500,
})


def say(*words):
    print(*words, flush=True)


def error_of(exception):
    error = exception.args[0]
    return {
        "name": error.name(),
        "fatal": error.fatal(),
        "retriable": error.retriable(),
        "txn_requires_abort": error.txn_requires_abort(),
        "str": error.str(),
    }


def fatal(exception):
    say("FATAL", json.dumps(error_of(exception)))
    sys.exit(2)


def retrying(step, n, call):
    """Kafka's contract: a retriable error means the same call may be made again."""
    while True:
        try:
            return call()
        except KafkaException as exception:
            if exception.args[0].retriable() and not exception.args[0].txn_requires_abort():
                say("RETRY", n, step, exception.args[0].name())
                continue
            raise


producer.init_transactions(60)
partitions = [
    TopicPartition(input_topic, p) for p in consumer.list_topics(input_topic, timeout=30).topics[input_topic].partitions
]
if mode == "subscribe":
    consumer.subscribe([input_topic])
else:
    consumer.assign(partitions)


def rewind():
    """After an abort the consumer must go back to the committed offsets: the aborted batch is processed again."""
    for tp in consumer.committed(consumer.assignment(), timeout=15):
        consumer.seek(TopicPartition(tp.topic, tp.partition, tp.offset if tp.offset >= 0 else OFFSET_BEGINNING))


def caught_up():
    """Done when the committed offsets reached the high watermarks. (Not the positions: a partition an earlier
    instance finished has no position in this one, which never consumes from it.)"""
    if len(consumer.assignment()) < len(partitions):
        return False
    for tp in consumer.committed(partitions, timeout=30):
        low, high = consumer.get_watermark_offsets(tp, timeout=30, cached=False)
        if tp.offset < 0 or tp.offset < high:
            return False
    return True


transaction = 0
while True:
    records = [m for m in consumer.consume(batch, timeout=1.0) if m.error() is None]
    if not records:
        if caught_up():
            committed = consumer.committed(partitions, timeout=60)
            say("DONE", json.dumps({tp.partition: tp.offset for tp in committed}))
            break
        continue
    transaction += 1
    try:
        producer.begin_transaction()
        say("BEGIN", transaction)
        for record in records:
            while True:
                try:
                    producer.produce(output_topic, key=record.key(), value=b"out:" + record.value())
                    break
                except BufferError:
                    producer.poll(0.05)
        # Flushing before the offsets are sent makes a kill from here on leave acknowledged records behind in an
        # open transaction, which the next instance's init_transactions must abort.
        producer.flush(60)
        say("FLUSHED", transaction, len(records))
        time.sleep(pause_s)
        say("COMMITTING", transaction)
        positions = consumer.position(consumer.assignment())
        retrying("send_offsets", transaction, lambda: producer.send_offsets_to_transaction(
            positions, consumer.consumer_group_metadata(), 60))
        retrying("commit", transaction, lambda: producer.commit_transaction(60))
        say("COMMITTED", transaction, len(records))
    except KafkaException as exception:
        if exception.args[0].fatal():
            fatal(exception)
        if not exception.args[0].txn_requires_abort():
            raise
        say("ABORTED", transaction, json.dumps(error_of(exception)))
        try:
            producer.abort_transaction(60)
            if exception.args[0].code() == KafkaError.FENCED_INSTANCE_ID:
                # Another consumer holds this group.instance.id now: this instance may never commit offsets again.
                fatal(exception)
            rewind()
        except KafkaException as failure:
            fatal(failure)
