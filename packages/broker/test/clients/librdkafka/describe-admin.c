/*
 * librdkafka (2.3 or later) admin API against the broker, for issue 11: ListOffsets with
 * RD_KAFKA_OFFSET_SPEC_MAX_TIMESTAMP after producing one batch of three records whose largest timestamp is in
 * the middle (librdkafka's own test 0081), DescribeTopics and DescribeCluster with
 * include_authorized_operations (Metadata v10 with both flags), DescribeConsumerGroups with it
 * (DescribeGroups v5). Usage: describe-admin BOOTSTRAP TOPIC. Prints one JSON report on stdout.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rdkafka.h"

static void die(const char *what, const char *why) {
        fprintf(stderr, "%s: %s\n", what, why);
        exit(1);
}

static rd_kafka_t *client(rd_kafka_type_t type, const char *bootstrap) {
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        if (rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap, errstr, sizeof(errstr)) ||
            (type == RD_KAFKA_PRODUCER &&
             (rd_kafka_conf_set(conf, "linger.ms", "1000", errstr, sizeof(errstr)) ||
              rd_kafka_conf_set(conf, "acks", "all", errstr, sizeof(errstr)))))
                die("conf", errstr);
        rd_kafka_t *rk = rd_kafka_new(type, conf, errstr, sizeof(errstr));
        if (!rk) die("rd_kafka_new", errstr);
        return rk;
}

/* Waits for the admin result of `type` on `queue`. */
static rd_kafka_event_t *result(rd_kafka_queue_t *queue, rd_kafka_event_type_t type) {
        rd_kafka_event_t *event = rd_kafka_queue_poll(queue, 30000);
        if (!event) die("admin", "no result in 30 s");
        if (rd_kafka_event_type(event) != type) die("admin", "unexpected event");
        if (rd_kafka_event_error(event)) die("admin", rd_kafka_event_error_string(event));
        return event;
}

static void print_operations(const char *name, const rd_kafka_AclOperation_t *ops, size_t count) {
        printf("\"%s\":", name);
        if (!ops) {
                printf("null");
                return;
        }
        printf("[");
        for (size_t i = 0; i < count; i++) printf("%s%d", i ? "," : "", (int)ops[i]);
        printf("]");
}

static rd_kafka_AdminOptions_t *options_with_operations(rd_kafka_t *rk, rd_kafka_admin_op_t op) {
        rd_kafka_AdminOptions_t *options = rd_kafka_AdminOptions_new(rk, op);
        rd_kafka_error_t *error = rd_kafka_AdminOptions_set_include_authorized_operations(options, 1);
        if (error) die("include_authorized_operations", rd_kafka_error_string(error));
        return options;
}

int main(int argc, char **argv) {
        if (argc != 3) die("usage", "describe-admin BOOTSTRAP TOPIC");
        const char *bootstrap = argv[1], *topic = argv[2];

        /* One batch: linger.ms holds the three records together. */
        rd_kafka_t *producer = client(RD_KAFKA_PRODUCER, bootstrap);
        int64_t t = (int64_t)time(NULL) * 1000;
        const int64_t deltas[] = {100, 400, 250};
        for (int i = 0; i < 3; i++) {
                rd_kafka_resp_err_t err = rd_kafka_producev(
                    producer, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_PARTITION(0),
                    RD_KAFKA_V_VALUE("v", 1), RD_KAFKA_V_TIMESTAMP(t + deltas[i]),
                    RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
                if (err) die("produce", rd_kafka_err2str(err));
        }
        if (rd_kafka_flush(producer, 30000)) die("flush", "timed out");
        rd_kafka_destroy(producer);

        rd_kafka_t *rk = client(RD_KAFKA_PRODUCER, bootstrap);
        rd_kafka_queue_t *queue = rd_kafka_queue_new(rk);
        printf("{\"t\":%" PRId64, t);

        rd_kafka_topic_partition_list_t *partitions = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(partitions, topic, 0)->offset = RD_KAFKA_OFFSET_SPEC_MAX_TIMESTAMP;
        rd_kafka_ListOffsets(rk, partitions, NULL, queue);
        rd_kafka_topic_partition_list_destroy(partitions);
        rd_kafka_event_t *event = result(queue, RD_KAFKA_EVENT_LISTOFFSETS_RESULT);
        size_t count;
        const rd_kafka_ListOffsetsResultInfo_t **infos =
            rd_kafka_ListOffsets_result_infos(rd_kafka_event_ListOffsets_result(event), &count);
        if (count != 1) die("ListOffsets", "expected one partition");
        const rd_kafka_topic_partition_t *listed = rd_kafka_ListOffsetsResultInfo_topic_partition(infos[0]);
        if (listed->err) die("ListOffsets", rd_kafka_err2str(listed->err));
        printf(",\"maxTimestamp\":{\"offset\":%" PRId64 ",\"timestamp\":%" PRId64 "}", listed->offset,
               rd_kafka_ListOffsetsResultInfo_timestamp(infos[0]));
        rd_kafka_event_destroy(event);

        rd_kafka_TopicCollection_t *topics = rd_kafka_TopicCollection_of_topic_names(&topic, 1);
        rd_kafka_AdminOptions_t *options = options_with_operations(rk, RD_KAFKA_ADMIN_OP_DESCRIBETOPICS);
        rd_kafka_DescribeTopics(rk, topics, options, queue);
        event = result(queue, RD_KAFKA_EVENT_DESCRIBETOPICS_RESULT);
        const rd_kafka_TopicDescription_t **descriptions =
            rd_kafka_DescribeTopics_result_topics(rd_kafka_event_DescribeTopics_result(event), &count);
        if (count != 1) die("DescribeTopics", "expected one topic");
        const rd_kafka_error_t *topic_error = rd_kafka_TopicDescription_error(descriptions[0]);
        if (topic_error) die("DescribeTopics", rd_kafka_error_string(topic_error));
        size_t ops_count = 0;
        const rd_kafka_AclOperation_t *ops =
            rd_kafka_TopicDescription_authorized_operations(descriptions[0], &ops_count);
        printf(",");
        print_operations("topicOperations", ops, ops_count);
        rd_kafka_TopicDescription_partitions(descriptions[0], &count);
        printf(",\"topicPartitions\":%zu", count);
        rd_kafka_event_destroy(event);
        rd_kafka_AdminOptions_destroy(options);
        rd_kafka_TopicCollection_destroy(topics);

        options = options_with_operations(rk, RD_KAFKA_ADMIN_OP_DESCRIBECLUSTER);
        rd_kafka_DescribeCluster(rk, options, queue);
        event = result(queue, RD_KAFKA_EVENT_DESCRIBECLUSTER_RESULT);
        ops = rd_kafka_DescribeCluster_result_authorized_operations(rd_kafka_event_DescribeCluster_result(event),
                                                                     &ops_count);
        printf(",");
        print_operations("clusterOperations", ops, ops_count);
        rd_kafka_event_destroy(event);
        rd_kafka_AdminOptions_destroy(options);

        const char *group = "rdkafka-describe-group";
        options = options_with_operations(rk, RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS);
        rd_kafka_DescribeConsumerGroups(rk, &group, 1, options, queue);
        event = result(queue, RD_KAFKA_EVENT_DESCRIBECONSUMERGROUPS_RESULT);
        const rd_kafka_ConsumerGroupDescription_t **groups = rd_kafka_DescribeConsumerGroups_result_groups(
            rd_kafka_event_DescribeConsumerGroups_result(event), &count);
        if (count != 1) die("DescribeConsumerGroups", "expected one group");
        const rd_kafka_error_t *group_error = rd_kafka_ConsumerGroupDescription_error(groups[0]);
        if (group_error) die("DescribeConsumerGroups", rd_kafka_error_string(group_error));
        ops = rd_kafka_ConsumerGroupDescription_authorized_operations(groups[0], &ops_count);
        printf(",");
        print_operations("groupOperations", ops, ops_count);
        rd_kafka_event_destroy(event);
        rd_kafka_AdminOptions_destroy(options);

        printf("}\n");
        rd_kafka_queue_destroy(queue);
        rd_kafka_destroy(rk);
        return 0;
}
