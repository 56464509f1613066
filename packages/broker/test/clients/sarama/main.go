// Sarama (Go) against the broker: a synchronous producer and a partition consumer, with the protocol version
// chosen on the command line ("default" keeps sarama's own default, 0.8.2: Produce v0 and Fetch v0 with
// message format v0). Sends COUNT records (default 50) one by one to partition 0, reads them back from the
// oldest offset, and prints one JSON report.
//
// Usage: sarama-client BOOTSTRAP TOPIC VERSION [COUNT]
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/Shopify/sarama"
)

func main() {
	bootstrap, topic, version := os.Args[1], os.Args[2], os.Args[3]
	count := 50
	if len(os.Args) > 4 {
		parsed, err := strconv.Atoi(os.Args[4])
		if err != nil {
			fail(err)
		}
		count = parsed
	}
	config := sarama.NewConfig()
	if version != "default" {
		parsed, err := sarama.ParseKafkaVersion(version)
		if err != nil {
			fail(err)
		}
		config.Version = parsed
	}
	config.Producer.Return.Successes = true
	config.Producer.RequiredAcks = sarama.WaitForAll
	config.Producer.Partitioner = sarama.NewManualPartitioner
	config.Consumer.Return.Errors = true

	producer, err := sarama.NewSyncProducer([]string{bootstrap}, config)
	if err != nil {
		fail(err)
	}
	var offsets []int64
	for i := 0; i < count; i++ {
		_, offset, err := producer.SendMessage(&sarama.ProducerMessage{
			Topic:     topic,
			Partition: 0,
			Key:       sarama.StringEncoder(fmt.Sprintf("k%d", i)),
			Value:     sarama.StringEncoder(fmt.Sprintf("v%d", i)),
		})
		if err != nil {
			fail(err)
		}
		offsets = append(offsets, offset)
	}
	producer.Close()

	consumer, err := sarama.NewConsumer([]string{bootstrap}, config)
	if err != nil {
		fail(err)
	}
	partition, err := consumer.ConsumePartition(topic, 0, sarama.OffsetOldest)
	if err != nil {
		fail(err)
	}
	var values []string
	var consumedOffsets []int64
	timeout := time.After(60 * time.Second)
	for len(values) < count {
		select {
		case message := <-partition.Messages():
			values = append(values, string(message.Key)+"="+string(message.Value))
			consumedOffsets = append(consumedOffsets, message.Offset)
		case err := <-partition.Errors():
			fail(err)
		case <-timeout:
			fail(fmt.Errorf("consumed only %d of %d messages", len(values), count))
		}
	}
	partition.Close()
	consumer.Close()
	report, _ := json.Marshal(map[string]interface{}{
		"producedOffsets": offsets,
		"consumedOffsets": consumedOffsets,
		"values":          values,
	})
	fmt.Println(string(report))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "sarama client failed:", err)
	os.Exit(1)
}
