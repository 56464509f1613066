"""kafka-python group consumer: prints partition:offset:value per message, commits, stops after IDLE_MS of silence.

Usage: kafka_python_group.py BOOTSTRAP GROUP TOPIC IDLE_MS
"""
import sys

from kafka import KafkaConsumer

bootstrap, group, topic, idle = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
consumer = KafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=group, auto_offset_reset="earliest",
                         enable_auto_commit=False, consumer_timeout_ms=idle)
for message in consumer:
    print(f"{message.partition}:{message.offset}:{message.value.decode()}", flush=True)
    consumer.commit()
consumer.close()
