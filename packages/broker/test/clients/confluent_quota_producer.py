"""confluent-kafka-python (librdkafka) producing 1 KiB records as fast as it can, to measure a produce quota.

Usage: confluent_quota_producer.py BOOTSTRAP TOPIC CLIENT_ID SECONDS BATCH_SIZE [KEY=VALUE ...]
Produces for SECONDS, then drops what is still queued. Prints one JSON object: the bytes acknowledged within
SECONDS and the rate in MiB/s, and the largest throttle time librdkafka saw from the broker (its statistics'
`throttle` window, from the responses' throttle_time_ms). With SECONDS 0 it produces BATCH_SIZE bytes in all
and waits for every acknowledgement (to fill a topic). KEY=VALUE pairs are further librdkafka settings (SASL).
Runs with Debian's /usr/bin/python3 and python3-confluent-kafka.
"""
import json
import sys
import time

from confluent_kafka import Producer

bootstrap, topic, client_id, seconds, batch_size = sys.argv[1:6]
extra = dict(pair.split("=", 1) for pair in sys.argv[6:])
seconds = float(seconds)
batch_size = int(batch_size)
throttle_max = [0]
acked = [0]
failed = [0]


def on_stats(text):
    for broker in json.loads(text)["brokers"].values():
        throttle_max[0] = max(throttle_max[0], broker.get("throttle", {}).get("max", 0))


def on_delivery(err, msg):
    if err is None:
        acked[0] += len(msg.value())
    else:
        failed[0] += 1


producer = Producer({
    "bootstrap.servers": bootstrap,
    "client.id": client_id,
    "linger.ms": 5,
    "batch.size": batch_size if seconds > 0 else 1000000,
    "statistics.interval.ms": 200,
    "stats_cb": on_stats,
    **extra,
})
payload = b"x" * 1024
started = time.time()
produced = 0
while (time.time() - started < seconds) if seconds > 0 else produced < batch_size:
    try:
        producer.produce(topic, payload, on_delivery=on_delivery)
        produced += len(payload)
    except BufferError:
        producer.poll(0.01)
    producer.poll(0)
elapsed = time.time() - started
acked_in_time = acked[0]
if seconds > 0:
    producer.purge()
producer.flush(30)
producer.poll(0.5)
print(json.dumps({
    "acked_bytes": acked_in_time if seconds > 0 else acked[0],
    "seconds": elapsed,
    "mib_per_s": acked_in_time / elapsed / 1048576,
    "throttle_max_ms": throttle_max[0],
    "failed": failed[0] if seconds == 0 else 0,
}))
