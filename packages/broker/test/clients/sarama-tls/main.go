// Sarama (Go) over TLS with a client certificate: a synchronous producer and a partition consumer against an
// SSL listener that requires client certificates. Sends COUNT records to partition 0 of TOPIC, reads them back
// from the oldest offset, and prints one JSON report.
//
// Usage: sarama-tls BOOTSTRAP TOPIC CA_FILE CERT_FILE KEY_FILE COUNT
package main

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io/ioutil"
	"os"
	"strconv"
	"time"

	"github.com/Shopify/sarama"
)

func main() {
	bootstrap, topic, caFile, certFile, keyFile := os.Args[1], os.Args[2], os.Args[3], os.Args[4], os.Args[5]
	count, err := strconv.Atoi(os.Args[6])
	check(err)
	caPEM, err := ioutil.ReadFile(caFile)
	check(err)
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(caPEM) {
		check(fmt.Errorf("no CA certificate in %s", caFile))
	}
	certificate, err := tls.LoadX509KeyPair(certFile, keyFile)
	check(err)

	config := sarama.NewConfig()
	config.Version = sarama.V2_0_0_0
	config.Net.TLS.Enable = true
	config.Net.TLS.Config = &tls.Config{RootCAs: pool, Certificates: []tls.Certificate{certificate}, ServerName: "localhost"}
	config.Producer.Return.Successes = true
	config.Producer.RequiredAcks = sarama.WaitForAll
	config.Producer.Partitioner = sarama.NewManualPartitioner
	config.Consumer.Return.Errors = true

	client, err := sarama.NewClient([]string{bootstrap}, config)
	check(err)
	defer client.Close()
	producer, err := sarama.NewSyncProducerFromClient(client)
	check(err)
	offsets := []int64{}
	for i := 0; i < count; i++ {
		_, offset, err := producer.SendMessage(&sarama.ProducerMessage{Topic: topic, Partition: 0, Value: sarama.StringEncoder(fmt.Sprintf("tls-%d", i))})
		check(err)
		offsets = append(offsets, offset)
	}
	consumer, err := sarama.NewConsumerFromClient(client)
	check(err)
	partition, err := consumer.ConsumePartition(topic, 0, sarama.OffsetOldest)
	check(err)
	values := []string{}
	timeout := time.After(60 * time.Second)
	for len(values) < count {
		select {
		case message := <-partition.Messages():
			values = append(values, string(message.Value))
		case err := <-partition.Errors():
			check(err)
		case <-timeout:
			check(fmt.Errorf("timed out after %d records", len(values)))
		}
	}
	report, _ := json.Marshal(map[string]interface{}{"producedOffsets": offsets, "values": values})
	fmt.Println(string(report))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
