"""Consumers behind the log start offset after retention, with confluent-kafka-python (librdkafka).

usage: retention_reset.py BOOTSTRAP TOPIC commit|reset
  commit: groups <topic>-earliest, <topic>-latest and <topic>-error each commit offset 3.
  reset:  each group resumes from its committed offset 3, now below the log start offset; prints one JSON line
          with the watermarks, where each group went and what the "error" group was told.
"""
import json
import sys
import time

from confluent_kafka import Consumer, KafkaError, Producer, TopicPartition

bootstrap, topic, phase = sys.argv[1:4]


def consumer(group, reset):
    return Consumer({
        'bootstrap.servers': bootstrap,
        'group.id': f'{topic}-{group}',
        'auto.offset.reset': reset,
        'enable.auto.commit': False,
        'session.timeout.ms': 6000,
    })


def first_message(c, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        m = c.poll(0.5)
        if m is None:
            continue
        return m
    return None


if phase == 'commit':
    for group in ('earliest', 'latest', 'error'):
        c = consumer(group, 'earliest')
        c.assign([TopicPartition(topic, 0, 0)])
        m = first_message(c)
        assert m is not None and m.error() is None, m and m.error()
        c.commit(offsets=[TopicPartition(topic, 0, 3)], asynchronous=False)
        c.close()
    print(json.dumps({'committed': 3}))
    sys.exit(0)

report = {}
probe = consumer('probe', 'earliest')
low, high = probe.get_watermark_offsets(TopicPartition(topic, 0), timeout=10)
probe.close()
report['log_start_offset'] = low
report['high_watermark'] = high

c = consumer('earliest', 'earliest')
c.subscribe([topic])
m = first_message(c)
report['earliest_first_offset'] = m.offset() if m is not None and m.error() is None else repr(m and m.error())
c.close()

c = consumer('error', 'error')
c.subscribe([topic])
m = first_message(c)
report['error_reset'] = None if m is None or m.error() is None else {
    'code': m.error().code() == KafkaError._AUTO_OFFSET_RESET,
    'out_of_range': 'out of range' in m.error().str().lower(),
}
c.close()

c = consumer('latest', 'latest')
c.subscribe([topic])
# librdkafka reports no position before a message is consumed: wait for the assignment, then long enough for the
# fetch from offset 3 to be answered OFFSET_OUT_OF_RANGE and reset. Had the reset not happened before the record
# below is produced, it would land past that record and the consumer would never see it.
deadline = time.time() + 20
assigned_at = None
while time.time() < deadline and (assigned_at is None or time.time() < assigned_at + 3):
    m = c.poll(0.5)
    assert m is None or m.error() is not None, 'nothing new was produced yet'
    if assigned_at is None and c.assignment():
        assigned_at = time.time()
p = Producer({'bootstrap.servers': bootstrap})
p.produce(topic, key=b'new', value=b'after-reset', partition=0)
p.flush(10)
m = first_message(c)
report['latest_first'] = [m.offset(), m.value().decode()] if m is not None and m.error() is None else None
c.close()
print(json.dumps(report))
