"""kafka-python's admin client on consumer groups: prints one JSON object with every group (list_consumer_groups),
each group's description (describe_consumer_groups) and committed offsets (list_consumer_group_offsets).

Usage: kafka_python_admin.py BOOTSTRAP
"""
import json
import sys

from kafka.admin import KafkaAdminClient

admin = KafkaAdminClient(bootstrap_servers=sys.argv[1], client_id="kafka-python-admin")
groups = sorted(group_id for group_id, _protocol_type in admin.list_consumer_groups())
described = {}
for description in admin.describe_consumer_groups(groups):
    described[description.group] = {
        "state": description.state,
        "protocol_type": description.protocol_type,
        "protocol": description.protocol,
        "members": [
            {
                "member_id": member.member_id,
                "client_id": member.client_id,
                "assignment": sorted(
                    [topic, partition]
                    for topic, partitions in (member.member_assignment.assignment if member.member_assignment else [])
                    for partition in partitions
                ),
            }
            for member in description.members
        ],
    }
offsets = {
    group: {f"{tp.topic}:{tp.partition}": meta.offset for tp, meta in admin.list_consumer_group_offsets(group).items()}
    for group in groups
}
print(json.dumps({"groups": groups, "described": described, "offsets": offsets}))
admin.close()
