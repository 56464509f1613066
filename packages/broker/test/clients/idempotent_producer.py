"""Idempotent producer (acks=all) that prints every record the broker acknowledged, one per line.

Usage: idempotent_producer.py BOOTSTRAP TOPIC COUNT
Runs with Debian's /usr/bin/python3 and python3-confluent-kafka (librdkafka).
"""
import sys

from confluent_kafka import Producer

bootstrap, topic, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
producer = Producer({
    "bootstrap.servers": bootstrap,
    "enable.idempotence": True,
    "acks": "all",
    "linger.ms": 2,
    "message.timeout.ms": 60000,
    "reconnect.backoff.ms": 50,
    "reconnect.backoff.max.ms": 500,
})


def delivered(err, msg):
    if err is None:
        print(f"ACK {msg.value().decode()} {msg.offset()}", flush=True)
    else:
        print(f"FAIL {msg.value().decode()} {err}", flush=True)


for i in range(count):
    while True:
        try:
            producer.produce(topic, value=f"record-{i}".encode(), callback=delivered)
            break
        except BufferError:
            producer.poll(0.05)
    producer.poll(0)
producer.flush(90)
print("DONE", flush=True)
