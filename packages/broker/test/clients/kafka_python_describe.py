"""kafka-python 2.0.2 (Debian) admin API against the broker, for issue 11: describe_consumer_groups with
include_authorized_operations (DescribeGroups v3), for a group its own consumer is a member of.
Usage: /usr/bin/python3 kafka_python_describe.py BOOTSTRAP TOPIC. Prints one JSON report.

kafka-python 2.0.2 sends DescribeGroups v3 with the flag but cannot show authorized_operations: its
DescribeGroupsRequest_v3 names DescribeGroupsResponse_v2 as its response type, and its DescribeGroupsResponse_v3
schema leaves the field out. It reports None; the broker's value is checked over the wire elsewhere."""
import json
import sys
import time

from kafka import KafkaConsumer
from kafka.admin import KafkaAdminClient

bootstrap, topic = sys.argv[1], sys.argv[2]
group_id = 'kp-describe-group'
consumer = KafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=group_id, auto_offset_reset='earliest',
                         enable_auto_commit=False, consumer_timeout_ms=1000)
deadline = time.time() + 30
while not consumer.assignment() and time.time() < deadline:
    consumer.poll(timeout_ms=200)

admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id='kp-describe')
report = {}
for key, include in (('asked', True), ('not_asked', False)):
    (group,) = admin.describe_consumer_groups([group_id], include_authorized_operations=include)
    report[key] = {'state': group.state, 'members': len(group.members),
                   'authorized_operations': group.authorized_operations}

consumer.close()
admin.close()
print(json.dumps(report))
