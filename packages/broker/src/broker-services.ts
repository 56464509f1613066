/** What request handlers may use: the broker's components, wired once by the Broker. */
import type { KRaftNode } from './cluster/kraft-node.ts';
import type { Clock } from './clock.ts';
import type { BrokerConfigStore } from './config/config-store.ts';
import type { FetchSessionCache } from './fetch/fetch-sessions.ts';
import type { GroupCoordinator } from './groups/group-coordinator.ts';
import type { HandlerRegistry } from './handlers/registry.ts';
import type { Logger, OncePerCauseLog } from './logger.ts';
import type { ProducerIdAllocator } from './metadata/producer-ids.ts';
import type { TopicManager } from './metadata/topic-manager.ts';
import type { TopicRegistry } from './metadata/topic-registry.ts';
import type { BrokerMetrics } from './metrics.ts';
import type { QuotaManagers } from './quota/quota-managers.ts';
import type { ReplicaManager } from './replication/replica-manager.ts';
import type { StandardAuthorizer } from './security/authorizer.ts';
import type { SecurityMetadata } from './security/security-metadata.ts';
import type { LogManager } from './storage/log-manager.ts';
import type { TransactionCoordinator } from './transactions/transaction-coordinator.ts';
import type { LocalMarkerWriter } from './transactions/transaction-markers.ts';
import type { TransactionVerifier } from './transactions/transaction-verifier.ts';

export interface NodeEndpoint {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface BrokerServices {
  handlers: HandlerRegistry;
  config: BrokerConfigStore;
  clock: Clock;
  log: Logger;
  /** For failures that may repeat on every request or tick (a full disk): each cause is logged once a minute. */
  errorLog: OncePerCauseLog;
  metrics: BrokerMetrics;
  /** This broker as reached through the inter-broker listener (its advertised address). */
  node: NodeEndpoint;
  /**
   * Every live broker as reached through a listener (default: the inter-broker listener); one entry for a
   * single-node broker. Brokers without that listener are left out, as in Kafka's Metadata.
   */
  brokers: (listenerName?: string) => NodeEndpoint[];
  controllerId: () => number;
  topics: TopicRegistry;
  topicManager: TopicManager;
  logs: LogManager;
  producerIds: ProducerIdAllocator;
  fetchSessions: FetchSessionCache;
  groups: GroupCoordinator;
  /** The transaction coordinator for the transactional ids whose __transaction_state partition is led here. */
  transactions: TransactionCoordinator;
  /** Writes transaction markers to partitions led here (WriteTxnMarkers, and the local coordinator). */
  txnMarkers: LocalMarkerWriter;
  /** Asks the coordinator whether a partition belongs to a producer's transaction (KIP-890 verification). */
  txnVerifier: TransactionVerifier;
  /** The partitions this broker holds, leader or follower; what Produce, Fetch and the offset APIs act on. */
  replicaManager: ReplicaManager;
  /** This node's place in a KRaft cluster (quorum, controller, metadata); null for a standalone broker. */
  cluster: KRaftNode | null;
  /** The ACLs, client quotas and SCRAM credentials this broker enforces, and (standalone) where changes go. */
  security: SecurityMetadata;
  /**
   * Decides what each principal may do (`authorizer.class.name`); null when none is configured, and then every
   * request is allowed, as in Kafka. Handlers ask it through handlers/authorization.ts.
   */
  authorizer: StandardAuthorizer | null;
  /** The client quota managers (Produce, Fetch, Request, ControllerMutation), following `security`'s quotas. */
  quotas: QuotaManagers;
  /** Absolute path of the data directory, as DescribeLogDirs reports it. */
  dataDir: string;
}
