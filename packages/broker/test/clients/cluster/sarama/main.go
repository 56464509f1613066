// Sarama (Go) as a user of a 3-broker cluster, at protocol version 2.0.0: ClusterAdmin on an RF 3 topic (create,
// create partitions, configs, describe cluster, groups, delete), an idempotent acks=all producer to every
// partition, a consumer group that marks every message (committed by sarama's offset manager), and the committed
// offsets read back through the admin. Metadata is polled after each admin change: the controller answers once a
// change is committed and every broker learns it a moment later. Prints one JSON report.
//
// Usage: sarama-cluster BOOTSTRAP TOPIC GROUP
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/Shopify/sarama"
)

const records = 300

func main() {
	bootstrap, topic, group := strings.Split(os.Args[1], ","), os.Args[2], os.Args[3]
	config := sarama.NewConfig()
	config.Version = sarama.V2_0_0_0
	report := map[string]interface{}{}

	admin, err := sarama.NewClusterAdmin(bootstrap, config)
	check(err)
	brokers, _, err := admin.DescribeCluster()
	check(err)
	// DescribeCluster asks with Metadata v0, which carries no controller id; the client asks with v1.
	client, err := sarama.NewClient(bootstrap, config)
	check(err)
	controller, err := client.Controller()
	check(err)
	check(client.Close())
	var brokerIds []int
	for _, broker := range brokers {
		brokerIds = append(brokerIds, int(broker.ID()))
	}
	sort.Ints(brokerIds)
	report["brokers"] = brokerIds
	report["controller"] = int(controller.ID())

	check(admin.CreateTopic(topic, &sarama.TopicDetail{NumPartitions: 3, ReplicationFactor: 3,
		ConfigEntries: map[string]*string{"retention.ms": str("3600000")}}, false))
	report["created"] = waitForPartitions(admin, topic, 3)
	check(admin.CreatePartitions(topic, 4, nil, false))
	report["afterCreatePartitions"] = waitForPartitions(admin, topic, 4)

	retention := func() string {
		entries, err := admin.DescribeConfig(sarama.ConfigResource{Type: sarama.TopicResource, Name: topic})
		check(err)
		for _, entry := range entries {
			if entry.Name == "retention.ms" {
				return entry.Value
			}
		}
		return ""
	}
	report["retentionMs"] = retention()
	check(admin.AlterConfig(sarama.TopicResource, topic, map[string]*string{"retention.ms": str("7200000")}, false))
	waitUntil("the altered config", func() bool { return retention() == "7200000" })
	report["retentionMsAfterAlter"] = retention()

	producerConfig := sarama.NewConfig()
	producerConfig.Version = sarama.V2_0_0_0
	producerConfig.Producer.Idempotent = true
	producerConfig.Producer.RequiredAcks = sarama.WaitForAll
	producerConfig.Producer.Return.Successes = true
	producerConfig.Producer.Partitioner = sarama.NewManualPartitioner
	producerConfig.Net.MaxOpenRequests = 1
	producer, err := sarama.NewSyncProducer(bootstrap, producerConfig)
	check(err)
	var messages []*sarama.ProducerMessage
	for i := 0; i < records; i++ {
		messages = append(messages, &sarama.ProducerMessage{Topic: topic, Partition: int32(i % 4),
			Key: sarama.StringEncoder(fmt.Sprintf("k%d", i)), Value: sarama.StringEncoder(fmt.Sprintf("v%d", i))})
	}
	check(producer.SendMessages(messages))
	check(producer.Close())
	report["produced"] = len(messages)

	consumerConfig := sarama.NewConfig()
	consumerConfig.Version = sarama.V2_0_0_0
	consumerConfig.Consumer.Offsets.Initial = sarama.OffsetOldest
	consumerConfig.Consumer.Offsets.CommitInterval = 200 * time.Millisecond
	consumerConfig.Consumer.Group.Heartbeat.Interval = 500 * time.Millisecond
	consumerConfig.Consumer.Return.Errors = true
	consumerGroup, err := sarama.NewConsumerGroup(bootstrap, group, consumerConfig)
	check(err)
	handler := &collector{done: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for ctx.Err() == nil {
			if err := consumerGroup.Consume(ctx, []string{topic}, handler); err != nil && ctx.Err() == nil {
				fmt.Fprintln(os.Stderr, "consume:", err)
				time.Sleep(200 * time.Millisecond)
			}
		}
	}()
	select {
	case <-handler.done:
	case <-time.After(60 * time.Second):
		fail(fmt.Errorf("consumed only %d of %d records", handler.count(), records))
	}
	time.Sleep(600 * time.Millisecond) // a few commit intervals
	groups, err := admin.ListConsumerGroups()
	check(err)
	_, listed := groups[group]
	report["groupListed"] = listed
	descriptions, err := admin.DescribeConsumerGroups([]string{group})
	check(err)
	report["groupState"] = descriptions[0].State
	report["groupMembers"] = len(descriptions[0].Members)
	cancel()
	check(consumerGroup.Close())
	report["consumed"] = handler.count()
	report["consumedDistinct"] = len(handler.distinct())

	offsets, err := admin.ListConsumerGroupOffsets(group, map[string][]int32{topic: {0, 1, 2, 3}})
	check(err)
	var committed []int64
	for partition := int32(0); partition < 4; partition++ {
		committed = append(committed, offsets.GetBlock(topic, partition).Offset)
	}
	report["committed"] = committed

	check(admin.DeleteTopic(topic))
	waitUntil("the topic gone", func() bool {
		topics, err := admin.ListTopics()
		check(err)
		_, present := topics[topic]
		return !present
	})
	report["deleted"] = true
	check(admin.Close())
	out, _ := json.Marshal(report)
	fmt.Println(string(out))
}

type partitionState struct {
	Leader   int32   `json:"leader"`
	Replicas []int32 `json:"replicas"`
	Isr      []int32 `json:"isr"`
}

func waitForPartitions(admin sarama.ClusterAdmin, topic string, count int) map[int32]partitionState {
	var state map[int32]partitionState
	waitUntil(fmt.Sprintf("%d partitions in sync", count), func() bool {
		metadata, err := admin.DescribeTopics([]string{topic})
		if err != nil || len(metadata) != 1 || metadata[0].Err != sarama.ErrNoError || len(metadata[0].Partitions) != count {
			return false
		}
		state = map[int32]partitionState{}
		for _, p := range metadata[0].Partitions {
			if p.Leader < 0 || len(p.Isr) != 3 {
				return false
			}
			state[p.ID] = partitionState{p.Leader, sorted(p.Replicas), sorted(p.Isr)}
		}
		return true
	})
	return state
}

type collector struct {
	mu     sync.Mutex
	values []string
	done   chan struct{}
}

func (c *collector) Setup(sarama.ConsumerGroupSession) error   { return nil }
func (c *collector) Cleanup(sarama.ConsumerGroupSession) error { return nil }
func (c *collector) ConsumeClaim(session sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error {
	for message := range claim.Messages() {
		session.MarkMessage(message, "")
		c.mu.Lock()
		c.values = append(c.values, string(message.Value))
		if len(c.values) == records {
			close(c.done)
		}
		c.mu.Unlock()
	}
	return nil
}
func (c *collector) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.values)
}
func (c *collector) distinct() map[string]bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	set := map[string]bool{}
	for _, v := range c.values {
		set[v] = true
	}
	return set
}

func waitUntil(what string, probe func() bool) {
	deadline := time.Now().Add(20 * time.Second)
	for !probe() {
		if time.Now().After(deadline) {
			fail(fmt.Errorf("timed out waiting for %s", what))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func sorted(ids []int32) []int32 {
	out := append([]int32(nil), ids...)
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func str(s string) *string { return &s }

func check(err error) {
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "sarama cluster client failed:", err)
	os.Exit(1)
}
