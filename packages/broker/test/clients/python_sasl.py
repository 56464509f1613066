"""confluent-kafka-python or kafka-python with SASL (PLAIN or SCRAM): produce COUNT records to TOPIC, read
them back, print one JSON report; a failure to authenticate prints {"error": ...}.

Usage: python_sasl.py confluent|kafka-python BOOTSTRAP MECHANISM USER PASSWORD TOPIC COUNT
"""
import json
import sys

client, bootstrap, mechanism, user, password, topic, count = sys.argv[1:8]
count = int(count)


def confluent():
    from confluent_kafka import Consumer, KafkaException, Producer

    security = {
        "bootstrap.servers": bootstrap,
        "security.protocol": "SASL_PLAINTEXT",
        "sasl.mechanism": mechanism,
        "sasl.username": user,
        "sasl.password": password,
    }
    errors = []
    producer = Producer({**security, "acks": "all", "error_cb": lambda e: errors.append(e.name())})
    delivered = []
    for i in range(count):
        producer.produce(topic, value=f"confluent-{i}".encode(), on_delivery=lambda err, msg: delivered.append(err))
    remaining = producer.flush(20)
    if remaining or any(delivered) or len(delivered) < count:
        return {"error": errors[0] if errors else "not delivered"}
    consumer = Consumer({**security, "group.id": f"{topic}-readers", "auto.offset.reset": "earliest"})
    consumer.subscribe([topic])
    values = []
    while len(values) < count:
        message = consumer.poll(30)
        if message is None:
            break
        if message.error():
            raise KafkaException(message.error())
        values.append(message.value().decode())
    consumer.close()
    return {"values": values}


def kafka_python():
    from kafka import KafkaConsumer, KafkaProducer
    from kafka.errors import KafkaError

    security = dict(
        bootstrap_servers=bootstrap,
        security_protocol="SASL_PLAINTEXT",
        sasl_mechanism=mechanism,
        sasl_plain_username=user,
        sasl_plain_password=password,
    )
    try:
        producer = KafkaProducer(acks="all", **security)
    except KafkaError as error:
        return {"error": type(error).__name__}
    for i in range(count):
        producer.send(topic, f"kafka-python-{i}".encode()).get(timeout=30)
    producer.close()
    consumer = KafkaConsumer(topic, group_id=f"{topic}-readers", auto_offset_reset="earliest", consumer_timeout_ms=20000, **security)
    values = [message.value.decode() for _, message in zip(range(count), consumer)]
    consumer.close()
    return {"values": values}


print(json.dumps(confluent() if client == "confluent" else kafka_python()))
