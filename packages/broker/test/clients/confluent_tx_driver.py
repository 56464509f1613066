"""A transactional confluent-kafka-python producer driven line by line from stdin, so a test can interleave two
producers (zombie fencing) or leave a transaction open across a broker restart or past its timeout.

Usage: confluent_tx_driver.py BOOTSTRAP TRANSACTIONAL_ID [TRANSACTION_TIMEOUT_MS]
Commands, one a line; each answers with one JSON line on stdout:
  init | begin | commit | abort            the transactional API calls (30 s timeout each)
  produce TOPIC PARTITION VALUE [VALUE...] produces the values (key = value) and flushes; answers with the
                                           delivery reports ({"delivered": [...offsets], "failed": [...]})
  offsets GROUP TOPIC PARTITION OFFSET     send_offsets_to_transaction for GROUP (a consumer's group metadata)
  committed GROUP TOPIC PARTITION ISOLATION TIMEOUT_MS
                                           what a new consumer of GROUP with isolation.level ISOLATION gets from
                                           committed() ({"offset": n}, -1001 for none); read_committed consumers
                                           ask for stable offsets only (OffsetFetch require_stable, KIP-447)
  exit
An answer is {"op": ..., "ok": true} or {"op": ..., "ok": false, "error": {name, code, fatal, retriable,
txn_requires_abort, str}}. Runs with Debian's /usr/bin/python3 and python3-confluent-kafka (librdkafka).
"""
import json
import sys

from confluent_kafka import Consumer, KafkaError, KafkaException, Producer, TopicPartition

bootstrap, transactional_id = sys.argv[1], sys.argv[2]
config = {
    "bootstrap.servers": bootstrap,
    "transactional.id": transactional_id,
    "linger.ms": 0,
    "reconnect.backoff.ms": 50,
    "reconnect.backoff.max.ms": 500,
}
if len(sys.argv) > 3:
    config["transaction.timeout.ms"] = int(sys.argv[3])
producer = Producer(config)


def describe(error):
    if isinstance(error, KafkaException):
        error = error.args[0]
    if not isinstance(error, KafkaError):
        return {"name": type(error).__name__, "str": str(error)}
    return {
        "name": error.name(),
        "code": error.code(),
        "fatal": error.fatal(),
        "retriable": error.retriable(),
        "txn_requires_abort": error.txn_requires_abort(),
        "str": error.str(),
    }


def answer(op, **fields):
    print(json.dumps({"op": op, **fields}), flush=True)


def produce(topic, partition, values):
    delivered, failed = [], []

    def report(err, msg):
        if err is None:
            delivered.append(msg.offset())
        else:
            failed.append(describe(err))

    for value in values:
        producer.produce(topic, key=value.encode(), value=value.encode(), partition=partition, on_delivery=report)
    producer.flush(30)
    return {"delivered": delivered, "failed": failed}


def consumer_of(group, isolation="read_committed"):
    return Consumer({
        "bootstrap.servers": bootstrap,
        "group.id": group,
        "isolation.level": isolation,
        "enable.auto.commit": False,
    })


def send_offsets(group, topic, partition, offset):
    consumer = consumer_of(group)
    try:
        producer.send_offsets_to_transaction(
            [TopicPartition(topic, partition, offset)], consumer.consumer_group_metadata(), 30)
    finally:
        consumer.close()


def committed(group, topic, partition, isolation, timeout_ms):
    consumer = consumer_of(group, isolation)
    try:
        return consumer.committed([TopicPartition(topic, partition)], timeout=timeout_ms / 1000)[0].offset
    finally:
        consumer.close()


for line in sys.stdin:
    words = line.split()
    if not words:
        continue
    op = words[0]
    try:
        if op == "init":
            producer.init_transactions(30)
            answer(op, ok=True)
        elif op == "begin":
            producer.begin_transaction()
            answer(op, ok=True)
        elif op == "commit":
            producer.commit_transaction(30)
            answer(op, ok=True)
        elif op == "abort":
            producer.abort_transaction(30)
            answer(op, ok=True)
        elif op == "produce":
            answer(op, ok=True, **produce(words[1], int(words[2]), words[3:]))
        elif op == "offsets":
            send_offsets(words[1], words[2], int(words[3]), int(words[4]))
            answer(op, ok=True)
        elif op == "committed":
            answer(op, ok=True, offset=committed(words[1], words[2], int(words[3]), words[4], int(words[5])))
        elif op == "exit":
            answer(op, ok=True)
            break
        else:
            answer(op, ok=False, error={"name": "UNKNOWN_COMMAND"})
    except Exception as error:  # noqa: BLE001 — every failure is the answer the test asserts on
        answer(op, ok=False, error=describe(error))
