"""confluent-kafka-python (librdkafka) consuming as fast as it can from the start of a topic, to measure a fetch
quota.

Usage: confluent_quota_consumer.py BOOTSTRAP TOPIC CLIENT_ID SECONDS
Consumes for SECONDS from its first record. Prints one JSON object: the bytes received, the rate in MiB/s and the
largest throttle time librdkafka saw from the broker (its statistics' `throttle` window).
Runs with Debian's /usr/bin/python3 and python3-confluent-kafka.
"""
import json
import sys
import time

from confluent_kafka import Consumer

bootstrap, topic, client_id, seconds = sys.argv[1:5]
seconds = float(seconds)
throttle_max = [0]


def on_stats(text):
    for broker in json.loads(text)["brokers"].values():
        throttle_max[0] = max(throttle_max[0], broker.get("throttle", {}).get("max", 0))


consumer = Consumer({
    "bootstrap.servers": bootstrap,
    "client.id": client_id,
    "group.id": f"{client_id}-group",
    "auto.offset.reset": "earliest",
    "enable.auto.commit": False,
    "statistics.interval.ms": 200,
    "stats_cb": on_stats,
})
consumer.subscribe([topic])
received = 0
first = None
deadline = time.time() + 60
while time.time() < deadline:
    message = consumer.poll(0.05)
    now = time.time()
    if message is not None and message.error() is None:
        if first is None:
            first = now
        if now - first < seconds:
            received += len(message.value())
    if first is not None and now - first >= seconds:
        break
consumer.poll(0.3)
consumer.close()
print(json.dumps({
    "received_bytes": received,
    "mib_per_s": received / seconds / 1048576,
    "throttle_max_ms": throttle_max[0],
}))
