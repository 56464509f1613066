// Generated from the *Request.json and *Response.json specs. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import type { Reader } from '../io/reader.ts';
import type { Writer } from '../io/writer.ts';
import { decodeProduceRequest, defaultProduceRequest, encodeProduceRequest, type ProduceRequest } from './messages/produce-request.ts';
import { decodeProduceResponse, defaultProduceResponse, encodeProduceResponse, type ProduceResponse } from './messages/produce-response.ts';
import { decodeFetchRequest, defaultFetchRequest, encodeFetchRequest, type FetchRequest } from './messages/fetch-request.ts';
import { decodeFetchResponse, defaultFetchResponse, encodeFetchResponse, type FetchResponse } from './messages/fetch-response.ts';
import { decodeListOffsetsRequest, defaultListOffsetsRequest, encodeListOffsetsRequest, type ListOffsetsRequest } from './messages/list-offsets-request.ts';
import { decodeListOffsetsResponse, defaultListOffsetsResponse, encodeListOffsetsResponse, type ListOffsetsResponse } from './messages/list-offsets-response.ts';
import { decodeMetadataRequest, defaultMetadataRequest, encodeMetadataRequest, type MetadataRequest } from './messages/metadata-request.ts';
import { decodeMetadataResponse, defaultMetadataResponse, encodeMetadataResponse, type MetadataResponse } from './messages/metadata-response.ts';
import { decodeLeaderAndIsrRequest, defaultLeaderAndIsrRequest, encodeLeaderAndIsrRequest, type LeaderAndIsrRequest } from './messages/leader-and-isr-request.ts';
import { decodeLeaderAndIsrResponse, defaultLeaderAndIsrResponse, encodeLeaderAndIsrResponse, type LeaderAndIsrResponse } from './messages/leader-and-isr-response.ts';
import { decodeStopReplicaRequest, defaultStopReplicaRequest, encodeStopReplicaRequest, type StopReplicaRequest } from './messages/stop-replica-request.ts';
import { decodeStopReplicaResponse, defaultStopReplicaResponse, encodeStopReplicaResponse, type StopReplicaResponse } from './messages/stop-replica-response.ts';
import { decodeUpdateMetadataRequest, defaultUpdateMetadataRequest, encodeUpdateMetadataRequest, type UpdateMetadataRequest } from './messages/update-metadata-request.ts';
import { decodeUpdateMetadataResponse, defaultUpdateMetadataResponse, encodeUpdateMetadataResponse, type UpdateMetadataResponse } from './messages/update-metadata-response.ts';
import { decodeControlledShutdownRequest, defaultControlledShutdownRequest, encodeControlledShutdownRequest, type ControlledShutdownRequest } from './messages/controlled-shutdown-request.ts';
import { decodeControlledShutdownResponse, defaultControlledShutdownResponse, encodeControlledShutdownResponse, type ControlledShutdownResponse } from './messages/controlled-shutdown-response.ts';
import { decodeOffsetCommitRequest, defaultOffsetCommitRequest, encodeOffsetCommitRequest, type OffsetCommitRequest } from './messages/offset-commit-request.ts';
import { decodeOffsetCommitResponse, defaultOffsetCommitResponse, encodeOffsetCommitResponse, type OffsetCommitResponse } from './messages/offset-commit-response.ts';
import { decodeOffsetFetchRequest, defaultOffsetFetchRequest, encodeOffsetFetchRequest, type OffsetFetchRequest } from './messages/offset-fetch-request.ts';
import { decodeOffsetFetchResponse, defaultOffsetFetchResponse, encodeOffsetFetchResponse, type OffsetFetchResponse } from './messages/offset-fetch-response.ts';
import { decodeFindCoordinatorRequest, defaultFindCoordinatorRequest, encodeFindCoordinatorRequest, type FindCoordinatorRequest } from './messages/find-coordinator-request.ts';
import { decodeFindCoordinatorResponse, defaultFindCoordinatorResponse, encodeFindCoordinatorResponse, type FindCoordinatorResponse } from './messages/find-coordinator-response.ts';
import { decodeJoinGroupRequest, defaultJoinGroupRequest, encodeJoinGroupRequest, type JoinGroupRequest } from './messages/join-group-request.ts';
import { decodeJoinGroupResponse, defaultJoinGroupResponse, encodeJoinGroupResponse, type JoinGroupResponse } from './messages/join-group-response.ts';
import { decodeHeartbeatRequest, defaultHeartbeatRequest, encodeHeartbeatRequest, type HeartbeatRequest } from './messages/heartbeat-request.ts';
import { decodeHeartbeatResponse, defaultHeartbeatResponse, encodeHeartbeatResponse, type HeartbeatResponse } from './messages/heartbeat-response.ts';
import { decodeLeaveGroupRequest, defaultLeaveGroupRequest, encodeLeaveGroupRequest, type LeaveGroupRequest } from './messages/leave-group-request.ts';
import { decodeLeaveGroupResponse, defaultLeaveGroupResponse, encodeLeaveGroupResponse, type LeaveGroupResponse } from './messages/leave-group-response.ts';
import { decodeSyncGroupRequest, defaultSyncGroupRequest, encodeSyncGroupRequest, type SyncGroupRequest } from './messages/sync-group-request.ts';
import { decodeSyncGroupResponse, defaultSyncGroupResponse, encodeSyncGroupResponse, type SyncGroupResponse } from './messages/sync-group-response.ts';
import { decodeDescribeGroupsRequest, defaultDescribeGroupsRequest, encodeDescribeGroupsRequest, type DescribeGroupsRequest } from './messages/describe-groups-request.ts';
import { decodeDescribeGroupsResponse, defaultDescribeGroupsResponse, encodeDescribeGroupsResponse, type DescribeGroupsResponse } from './messages/describe-groups-response.ts';
import { decodeListGroupsRequest, defaultListGroupsRequest, encodeListGroupsRequest, type ListGroupsRequest } from './messages/list-groups-request.ts';
import { decodeListGroupsResponse, defaultListGroupsResponse, encodeListGroupsResponse, type ListGroupsResponse } from './messages/list-groups-response.ts';
import { decodeSaslHandshakeRequest, defaultSaslHandshakeRequest, encodeSaslHandshakeRequest, type SaslHandshakeRequest } from './messages/sasl-handshake-request.ts';
import { decodeSaslHandshakeResponse, defaultSaslHandshakeResponse, encodeSaslHandshakeResponse, type SaslHandshakeResponse } from './messages/sasl-handshake-response.ts';
import { decodeApiVersionsRequest, defaultApiVersionsRequest, encodeApiVersionsRequest, type ApiVersionsRequest } from './messages/api-versions-request.ts';
import { decodeApiVersionsResponse, defaultApiVersionsResponse, encodeApiVersionsResponse, type ApiVersionsResponse } from './messages/api-versions-response.ts';
import { decodeCreateTopicsRequest, defaultCreateTopicsRequest, encodeCreateTopicsRequest, type CreateTopicsRequest } from './messages/create-topics-request.ts';
import { decodeCreateTopicsResponse, defaultCreateTopicsResponse, encodeCreateTopicsResponse, type CreateTopicsResponse } from './messages/create-topics-response.ts';
import { decodeDeleteTopicsRequest, defaultDeleteTopicsRequest, encodeDeleteTopicsRequest, type DeleteTopicsRequest } from './messages/delete-topics-request.ts';
import { decodeDeleteTopicsResponse, defaultDeleteTopicsResponse, encodeDeleteTopicsResponse, type DeleteTopicsResponse } from './messages/delete-topics-response.ts';
import { decodeDeleteRecordsRequest, defaultDeleteRecordsRequest, encodeDeleteRecordsRequest, type DeleteRecordsRequest } from './messages/delete-records-request.ts';
import { decodeDeleteRecordsResponse, defaultDeleteRecordsResponse, encodeDeleteRecordsResponse, type DeleteRecordsResponse } from './messages/delete-records-response.ts';
import { decodeInitProducerIdRequest, defaultInitProducerIdRequest, encodeInitProducerIdRequest, type InitProducerIdRequest } from './messages/init-producer-id-request.ts';
import { decodeInitProducerIdResponse, defaultInitProducerIdResponse, encodeInitProducerIdResponse, type InitProducerIdResponse } from './messages/init-producer-id-response.ts';
import { decodeOffsetForLeaderEpochRequest, defaultOffsetForLeaderEpochRequest, encodeOffsetForLeaderEpochRequest, type OffsetForLeaderEpochRequest } from './messages/offset-for-leader-epoch-request.ts';
import { decodeOffsetForLeaderEpochResponse, defaultOffsetForLeaderEpochResponse, encodeOffsetForLeaderEpochResponse, type OffsetForLeaderEpochResponse } from './messages/offset-for-leader-epoch-response.ts';
import { decodeAddPartitionsToTxnRequest, defaultAddPartitionsToTxnRequest, encodeAddPartitionsToTxnRequest, type AddPartitionsToTxnRequest } from './messages/add-partitions-to-txn-request.ts';
import { decodeAddPartitionsToTxnResponse, defaultAddPartitionsToTxnResponse, encodeAddPartitionsToTxnResponse, type AddPartitionsToTxnResponse } from './messages/add-partitions-to-txn-response.ts';
import { decodeAddOffsetsToTxnRequest, defaultAddOffsetsToTxnRequest, encodeAddOffsetsToTxnRequest, type AddOffsetsToTxnRequest } from './messages/add-offsets-to-txn-request.ts';
import { decodeAddOffsetsToTxnResponse, defaultAddOffsetsToTxnResponse, encodeAddOffsetsToTxnResponse, type AddOffsetsToTxnResponse } from './messages/add-offsets-to-txn-response.ts';
import { decodeEndTxnRequest, defaultEndTxnRequest, encodeEndTxnRequest, type EndTxnRequest } from './messages/end-txn-request.ts';
import { decodeEndTxnResponse, defaultEndTxnResponse, encodeEndTxnResponse, type EndTxnResponse } from './messages/end-txn-response.ts';
import { decodeWriteTxnMarkersRequest, defaultWriteTxnMarkersRequest, encodeWriteTxnMarkersRequest, type WriteTxnMarkersRequest } from './messages/write-txn-markers-request.ts';
import { decodeWriteTxnMarkersResponse, defaultWriteTxnMarkersResponse, encodeWriteTxnMarkersResponse, type WriteTxnMarkersResponse } from './messages/write-txn-markers-response.ts';
import { decodeTxnOffsetCommitRequest, defaultTxnOffsetCommitRequest, encodeTxnOffsetCommitRequest, type TxnOffsetCommitRequest } from './messages/txn-offset-commit-request.ts';
import { decodeTxnOffsetCommitResponse, defaultTxnOffsetCommitResponse, encodeTxnOffsetCommitResponse, type TxnOffsetCommitResponse } from './messages/txn-offset-commit-response.ts';
import { decodeDescribeAclsRequest, defaultDescribeAclsRequest, encodeDescribeAclsRequest, type DescribeAclsRequest } from './messages/describe-acls-request.ts';
import { decodeDescribeAclsResponse, defaultDescribeAclsResponse, encodeDescribeAclsResponse, type DescribeAclsResponse } from './messages/describe-acls-response.ts';
import { decodeCreateAclsRequest, defaultCreateAclsRequest, encodeCreateAclsRequest, type CreateAclsRequest } from './messages/create-acls-request.ts';
import { decodeCreateAclsResponse, defaultCreateAclsResponse, encodeCreateAclsResponse, type CreateAclsResponse } from './messages/create-acls-response.ts';
import { decodeDeleteAclsRequest, defaultDeleteAclsRequest, encodeDeleteAclsRequest, type DeleteAclsRequest } from './messages/delete-acls-request.ts';
import { decodeDeleteAclsResponse, defaultDeleteAclsResponse, encodeDeleteAclsResponse, type DeleteAclsResponse } from './messages/delete-acls-response.ts';
import { decodeDescribeConfigsRequest, defaultDescribeConfigsRequest, encodeDescribeConfigsRequest, type DescribeConfigsRequest } from './messages/describe-configs-request.ts';
import { decodeDescribeConfigsResponse, defaultDescribeConfigsResponse, encodeDescribeConfigsResponse, type DescribeConfigsResponse } from './messages/describe-configs-response.ts';
import { decodeAlterConfigsRequest, defaultAlterConfigsRequest, encodeAlterConfigsRequest, type AlterConfigsRequest } from './messages/alter-configs-request.ts';
import { decodeAlterConfigsResponse, defaultAlterConfigsResponse, encodeAlterConfigsResponse, type AlterConfigsResponse } from './messages/alter-configs-response.ts';
import { decodeAlterReplicaLogDirsRequest, defaultAlterReplicaLogDirsRequest, encodeAlterReplicaLogDirsRequest, type AlterReplicaLogDirsRequest } from './messages/alter-replica-log-dirs-request.ts';
import { decodeAlterReplicaLogDirsResponse, defaultAlterReplicaLogDirsResponse, encodeAlterReplicaLogDirsResponse, type AlterReplicaLogDirsResponse } from './messages/alter-replica-log-dirs-response.ts';
import { decodeDescribeLogDirsRequest, defaultDescribeLogDirsRequest, encodeDescribeLogDirsRequest, type DescribeLogDirsRequest } from './messages/describe-log-dirs-request.ts';
import { decodeDescribeLogDirsResponse, defaultDescribeLogDirsResponse, encodeDescribeLogDirsResponse, type DescribeLogDirsResponse } from './messages/describe-log-dirs-response.ts';
import { decodeSaslAuthenticateRequest, defaultSaslAuthenticateRequest, encodeSaslAuthenticateRequest, type SaslAuthenticateRequest } from './messages/sasl-authenticate-request.ts';
import { decodeSaslAuthenticateResponse, defaultSaslAuthenticateResponse, encodeSaslAuthenticateResponse, type SaslAuthenticateResponse } from './messages/sasl-authenticate-response.ts';
import { decodeCreatePartitionsRequest, defaultCreatePartitionsRequest, encodeCreatePartitionsRequest, type CreatePartitionsRequest } from './messages/create-partitions-request.ts';
import { decodeCreatePartitionsResponse, defaultCreatePartitionsResponse, encodeCreatePartitionsResponse, type CreatePartitionsResponse } from './messages/create-partitions-response.ts';
import { decodeCreateDelegationTokenRequest, defaultCreateDelegationTokenRequest, encodeCreateDelegationTokenRequest, type CreateDelegationTokenRequest } from './messages/create-delegation-token-request.ts';
import { decodeCreateDelegationTokenResponse, defaultCreateDelegationTokenResponse, encodeCreateDelegationTokenResponse, type CreateDelegationTokenResponse } from './messages/create-delegation-token-response.ts';
import { decodeRenewDelegationTokenRequest, defaultRenewDelegationTokenRequest, encodeRenewDelegationTokenRequest, type RenewDelegationTokenRequest } from './messages/renew-delegation-token-request.ts';
import { decodeRenewDelegationTokenResponse, defaultRenewDelegationTokenResponse, encodeRenewDelegationTokenResponse, type RenewDelegationTokenResponse } from './messages/renew-delegation-token-response.ts';
import { decodeExpireDelegationTokenRequest, defaultExpireDelegationTokenRequest, encodeExpireDelegationTokenRequest, type ExpireDelegationTokenRequest } from './messages/expire-delegation-token-request.ts';
import { decodeExpireDelegationTokenResponse, defaultExpireDelegationTokenResponse, encodeExpireDelegationTokenResponse, type ExpireDelegationTokenResponse } from './messages/expire-delegation-token-response.ts';
import { decodeDescribeDelegationTokenRequest, defaultDescribeDelegationTokenRequest, encodeDescribeDelegationTokenRequest, type DescribeDelegationTokenRequest } from './messages/describe-delegation-token-request.ts';
import { decodeDescribeDelegationTokenResponse, defaultDescribeDelegationTokenResponse, encodeDescribeDelegationTokenResponse, type DescribeDelegationTokenResponse } from './messages/describe-delegation-token-response.ts';
import { decodeDeleteGroupsRequest, defaultDeleteGroupsRequest, encodeDeleteGroupsRequest, type DeleteGroupsRequest } from './messages/delete-groups-request.ts';
import { decodeDeleteGroupsResponse, defaultDeleteGroupsResponse, encodeDeleteGroupsResponse, type DeleteGroupsResponse } from './messages/delete-groups-response.ts';
import { decodeElectLeadersRequest, defaultElectLeadersRequest, encodeElectLeadersRequest, type ElectLeadersRequest } from './messages/elect-leaders-request.ts';
import { decodeElectLeadersResponse, defaultElectLeadersResponse, encodeElectLeadersResponse, type ElectLeadersResponse } from './messages/elect-leaders-response.ts';
import { decodeIncrementalAlterConfigsRequest, defaultIncrementalAlterConfigsRequest, encodeIncrementalAlterConfigsRequest, type IncrementalAlterConfigsRequest } from './messages/incremental-alter-configs-request.ts';
import { decodeIncrementalAlterConfigsResponse, defaultIncrementalAlterConfigsResponse, encodeIncrementalAlterConfigsResponse, type IncrementalAlterConfigsResponse } from './messages/incremental-alter-configs-response.ts';
import { decodeAlterPartitionReassignmentsRequest, defaultAlterPartitionReassignmentsRequest, encodeAlterPartitionReassignmentsRequest, type AlterPartitionReassignmentsRequest } from './messages/alter-partition-reassignments-request.ts';
import { decodeAlterPartitionReassignmentsResponse, defaultAlterPartitionReassignmentsResponse, encodeAlterPartitionReassignmentsResponse, type AlterPartitionReassignmentsResponse } from './messages/alter-partition-reassignments-response.ts';
import { decodeListPartitionReassignmentsRequest, defaultListPartitionReassignmentsRequest, encodeListPartitionReassignmentsRequest, type ListPartitionReassignmentsRequest } from './messages/list-partition-reassignments-request.ts';
import { decodeListPartitionReassignmentsResponse, defaultListPartitionReassignmentsResponse, encodeListPartitionReassignmentsResponse, type ListPartitionReassignmentsResponse } from './messages/list-partition-reassignments-response.ts';
import { decodeOffsetDeleteRequest, defaultOffsetDeleteRequest, encodeOffsetDeleteRequest, type OffsetDeleteRequest } from './messages/offset-delete-request.ts';
import { decodeOffsetDeleteResponse, defaultOffsetDeleteResponse, encodeOffsetDeleteResponse, type OffsetDeleteResponse } from './messages/offset-delete-response.ts';
import { decodeDescribeClientQuotasRequest, defaultDescribeClientQuotasRequest, encodeDescribeClientQuotasRequest, type DescribeClientQuotasRequest } from './messages/describe-client-quotas-request.ts';
import { decodeDescribeClientQuotasResponse, defaultDescribeClientQuotasResponse, encodeDescribeClientQuotasResponse, type DescribeClientQuotasResponse } from './messages/describe-client-quotas-response.ts';
import { decodeAlterClientQuotasRequest, defaultAlterClientQuotasRequest, encodeAlterClientQuotasRequest, type AlterClientQuotasRequest } from './messages/alter-client-quotas-request.ts';
import { decodeAlterClientQuotasResponse, defaultAlterClientQuotasResponse, encodeAlterClientQuotasResponse, type AlterClientQuotasResponse } from './messages/alter-client-quotas-response.ts';
import { decodeDescribeUserScramCredentialsRequest, defaultDescribeUserScramCredentialsRequest, encodeDescribeUserScramCredentialsRequest, type DescribeUserScramCredentialsRequest } from './messages/describe-user-scram-credentials-request.ts';
import { decodeDescribeUserScramCredentialsResponse, defaultDescribeUserScramCredentialsResponse, encodeDescribeUserScramCredentialsResponse, type DescribeUserScramCredentialsResponse } from './messages/describe-user-scram-credentials-response.ts';
import { decodeAlterUserScramCredentialsRequest, defaultAlterUserScramCredentialsRequest, encodeAlterUserScramCredentialsRequest, type AlterUserScramCredentialsRequest } from './messages/alter-user-scram-credentials-request.ts';
import { decodeAlterUserScramCredentialsResponse, defaultAlterUserScramCredentialsResponse, encodeAlterUserScramCredentialsResponse, type AlterUserScramCredentialsResponse } from './messages/alter-user-scram-credentials-response.ts';
import { decodeVoteRequest, defaultVoteRequest, encodeVoteRequest, type VoteRequest } from './messages/vote-request.ts';
import { decodeVoteResponse, defaultVoteResponse, encodeVoteResponse, type VoteResponse } from './messages/vote-response.ts';
import { decodeBeginQuorumEpochRequest, defaultBeginQuorumEpochRequest, encodeBeginQuorumEpochRequest, type BeginQuorumEpochRequest } from './messages/begin-quorum-epoch-request.ts';
import { decodeBeginQuorumEpochResponse, defaultBeginQuorumEpochResponse, encodeBeginQuorumEpochResponse, type BeginQuorumEpochResponse } from './messages/begin-quorum-epoch-response.ts';
import { decodeEndQuorumEpochRequest, defaultEndQuorumEpochRequest, encodeEndQuorumEpochRequest, type EndQuorumEpochRequest } from './messages/end-quorum-epoch-request.ts';
import { decodeEndQuorumEpochResponse, defaultEndQuorumEpochResponse, encodeEndQuorumEpochResponse, type EndQuorumEpochResponse } from './messages/end-quorum-epoch-response.ts';
import { decodeDescribeQuorumRequest, defaultDescribeQuorumRequest, encodeDescribeQuorumRequest, type DescribeQuorumRequest } from './messages/describe-quorum-request.ts';
import { decodeDescribeQuorumResponse, defaultDescribeQuorumResponse, encodeDescribeQuorumResponse, type DescribeQuorumResponse } from './messages/describe-quorum-response.ts';
import { decodeAlterPartitionRequest, defaultAlterPartitionRequest, encodeAlterPartitionRequest, type AlterPartitionRequest } from './messages/alter-partition-request.ts';
import { decodeAlterPartitionResponse, defaultAlterPartitionResponse, encodeAlterPartitionResponse, type AlterPartitionResponse } from './messages/alter-partition-response.ts';
import { decodeUpdateFeaturesRequest, defaultUpdateFeaturesRequest, encodeUpdateFeaturesRequest, type UpdateFeaturesRequest } from './messages/update-features-request.ts';
import { decodeUpdateFeaturesResponse, defaultUpdateFeaturesResponse, encodeUpdateFeaturesResponse, type UpdateFeaturesResponse } from './messages/update-features-response.ts';
import { decodeEnvelopeRequest, defaultEnvelopeRequest, encodeEnvelopeRequest, type EnvelopeRequest } from './messages/envelope-request.ts';
import { decodeEnvelopeResponse, defaultEnvelopeResponse, encodeEnvelopeResponse, type EnvelopeResponse } from './messages/envelope-response.ts';
import { decodeFetchSnapshotRequest, defaultFetchSnapshotRequest, encodeFetchSnapshotRequest, type FetchSnapshotRequest } from './messages/fetch-snapshot-request.ts';
import { decodeFetchSnapshotResponse, defaultFetchSnapshotResponse, encodeFetchSnapshotResponse, type FetchSnapshotResponse } from './messages/fetch-snapshot-response.ts';
import { decodeDescribeClusterRequest, defaultDescribeClusterRequest, encodeDescribeClusterRequest, type DescribeClusterRequest } from './messages/describe-cluster-request.ts';
import { decodeDescribeClusterResponse, defaultDescribeClusterResponse, encodeDescribeClusterResponse, type DescribeClusterResponse } from './messages/describe-cluster-response.ts';
import { decodeDescribeProducersRequest, defaultDescribeProducersRequest, encodeDescribeProducersRequest, type DescribeProducersRequest } from './messages/describe-producers-request.ts';
import { decodeDescribeProducersResponse, defaultDescribeProducersResponse, encodeDescribeProducersResponse, type DescribeProducersResponse } from './messages/describe-producers-response.ts';
import { decodeBrokerRegistrationRequest, defaultBrokerRegistrationRequest, encodeBrokerRegistrationRequest, type BrokerRegistrationRequest } from './messages/broker-registration-request.ts';
import { decodeBrokerRegistrationResponse, defaultBrokerRegistrationResponse, encodeBrokerRegistrationResponse, type BrokerRegistrationResponse } from './messages/broker-registration-response.ts';
import { decodeBrokerHeartbeatRequest, defaultBrokerHeartbeatRequest, encodeBrokerHeartbeatRequest, type BrokerHeartbeatRequest } from './messages/broker-heartbeat-request.ts';
import { decodeBrokerHeartbeatResponse, defaultBrokerHeartbeatResponse, encodeBrokerHeartbeatResponse, type BrokerHeartbeatResponse } from './messages/broker-heartbeat-response.ts';
import { decodeUnregisterBrokerRequest, defaultUnregisterBrokerRequest, encodeUnregisterBrokerRequest, type UnregisterBrokerRequest } from './messages/unregister-broker-request.ts';
import { decodeUnregisterBrokerResponse, defaultUnregisterBrokerResponse, encodeUnregisterBrokerResponse, type UnregisterBrokerResponse } from './messages/unregister-broker-response.ts';
import { decodeDescribeTransactionsRequest, defaultDescribeTransactionsRequest, encodeDescribeTransactionsRequest, type DescribeTransactionsRequest } from './messages/describe-transactions-request.ts';
import { decodeDescribeTransactionsResponse, defaultDescribeTransactionsResponse, encodeDescribeTransactionsResponse, type DescribeTransactionsResponse } from './messages/describe-transactions-response.ts';
import { decodeListTransactionsRequest, defaultListTransactionsRequest, encodeListTransactionsRequest, type ListTransactionsRequest } from './messages/list-transactions-request.ts';
import { decodeListTransactionsResponse, defaultListTransactionsResponse, encodeListTransactionsResponse, type ListTransactionsResponse } from './messages/list-transactions-response.ts';
import { decodeAllocateProducerIdsRequest, defaultAllocateProducerIdsRequest, encodeAllocateProducerIdsRequest, type AllocateProducerIdsRequest } from './messages/allocate-producer-ids-request.ts';
import { decodeAllocateProducerIdsResponse, defaultAllocateProducerIdsResponse, encodeAllocateProducerIdsResponse, type AllocateProducerIdsResponse } from './messages/allocate-producer-ids-response.ts';
import { decodeConsumerGroupHeartbeatRequest, defaultConsumerGroupHeartbeatRequest, encodeConsumerGroupHeartbeatRequest, type ConsumerGroupHeartbeatRequest } from './messages/consumer-group-heartbeat-request.ts';
import { decodeConsumerGroupHeartbeatResponse, defaultConsumerGroupHeartbeatResponse, encodeConsumerGroupHeartbeatResponse, type ConsumerGroupHeartbeatResponse } from './messages/consumer-group-heartbeat-response.ts';
import { decodeConsumerGroupDescribeRequest, defaultConsumerGroupDescribeRequest, encodeConsumerGroupDescribeRequest, type ConsumerGroupDescribeRequest } from './messages/consumer-group-describe-request.ts';
import { decodeConsumerGroupDescribeResponse, defaultConsumerGroupDescribeResponse, encodeConsumerGroupDescribeResponse, type ConsumerGroupDescribeResponse } from './messages/consumer-group-describe-response.ts';
import { decodeControllerRegistrationRequest, defaultControllerRegistrationRequest, encodeControllerRegistrationRequest, type ControllerRegistrationRequest } from './messages/controller-registration-request.ts';
import { decodeControllerRegistrationResponse, defaultControllerRegistrationResponse, encodeControllerRegistrationResponse, type ControllerRegistrationResponse } from './messages/controller-registration-response.ts';
import { decodeGetTelemetrySubscriptionsRequest, defaultGetTelemetrySubscriptionsRequest, encodeGetTelemetrySubscriptionsRequest, type GetTelemetrySubscriptionsRequest } from './messages/get-telemetry-subscriptions-request.ts';
import { decodeGetTelemetrySubscriptionsResponse, defaultGetTelemetrySubscriptionsResponse, encodeGetTelemetrySubscriptionsResponse, type GetTelemetrySubscriptionsResponse } from './messages/get-telemetry-subscriptions-response.ts';
import { decodePushTelemetryRequest, defaultPushTelemetryRequest, encodePushTelemetryRequest, type PushTelemetryRequest } from './messages/push-telemetry-request.ts';
import { decodePushTelemetryResponse, defaultPushTelemetryResponse, encodePushTelemetryResponse, type PushTelemetryResponse } from './messages/push-telemetry-response.ts';
import { decodeAssignReplicasToDirsRequest, defaultAssignReplicasToDirsRequest, encodeAssignReplicasToDirsRequest, type AssignReplicasToDirsRequest } from './messages/assign-replicas-to-dirs-request.ts';
import { decodeAssignReplicasToDirsResponse, defaultAssignReplicasToDirsResponse, encodeAssignReplicasToDirsResponse, type AssignReplicasToDirsResponse } from './messages/assign-replicas-to-dirs-response.ts';
import { decodeListClientMetricsResourcesRequest, defaultListClientMetricsResourcesRequest, encodeListClientMetricsResourcesRequest, type ListClientMetricsResourcesRequest } from './messages/list-client-metrics-resources-request.ts';
import { decodeListClientMetricsResourcesResponse, defaultListClientMetricsResourcesResponse, encodeListClientMetricsResourcesResponse, type ListClientMetricsResourcesResponse } from './messages/list-client-metrics-resources-response.ts';
import { decodeDescribeTopicPartitionsRequest, defaultDescribeTopicPartitionsRequest, encodeDescribeTopicPartitionsRequest, type DescribeTopicPartitionsRequest } from './messages/describe-topic-partitions-request.ts';
import { decodeDescribeTopicPartitionsResponse, defaultDescribeTopicPartitionsResponse, encodeDescribeTopicPartitionsResponse, type DescribeTopicPartitionsResponse } from './messages/describe-topic-partitions-response.ts';
import { decodeShareGroupHeartbeatRequest, defaultShareGroupHeartbeatRequest, encodeShareGroupHeartbeatRequest, type ShareGroupHeartbeatRequest } from './messages/share-group-heartbeat-request.ts';
import { decodeShareGroupHeartbeatResponse, defaultShareGroupHeartbeatResponse, encodeShareGroupHeartbeatResponse, type ShareGroupHeartbeatResponse } from './messages/share-group-heartbeat-response.ts';
import { decodeShareGroupDescribeRequest, defaultShareGroupDescribeRequest, encodeShareGroupDescribeRequest, type ShareGroupDescribeRequest } from './messages/share-group-describe-request.ts';
import { decodeShareGroupDescribeResponse, defaultShareGroupDescribeResponse, encodeShareGroupDescribeResponse, type ShareGroupDescribeResponse } from './messages/share-group-describe-response.ts';
import { decodeShareFetchRequest, defaultShareFetchRequest, encodeShareFetchRequest, type ShareFetchRequest } from './messages/share-fetch-request.ts';
import { decodeShareFetchResponse, defaultShareFetchResponse, encodeShareFetchResponse, type ShareFetchResponse } from './messages/share-fetch-response.ts';
import { decodeShareAcknowledgeRequest, defaultShareAcknowledgeRequest, encodeShareAcknowledgeRequest, type ShareAcknowledgeRequest } from './messages/share-acknowledge-request.ts';
import { decodeShareAcknowledgeResponse, defaultShareAcknowledgeResponse, encodeShareAcknowledgeResponse, type ShareAcknowledgeResponse } from './messages/share-acknowledge-response.ts';
import { decodeAddRaftVoterRequest, defaultAddRaftVoterRequest, encodeAddRaftVoterRequest, type AddRaftVoterRequest } from './messages/add-raft-voter-request.ts';
import { decodeAddRaftVoterResponse, defaultAddRaftVoterResponse, encodeAddRaftVoterResponse, type AddRaftVoterResponse } from './messages/add-raft-voter-response.ts';
import { decodeRemoveRaftVoterRequest, defaultRemoveRaftVoterRequest, encodeRemoveRaftVoterRequest, type RemoveRaftVoterRequest } from './messages/remove-raft-voter-request.ts';
import { decodeRemoveRaftVoterResponse, defaultRemoveRaftVoterResponse, encodeRemoveRaftVoterResponse, type RemoveRaftVoterResponse } from './messages/remove-raft-voter-response.ts';
import { decodeUpdateRaftVoterRequest, defaultUpdateRaftVoterRequest, encodeUpdateRaftVoterRequest, type UpdateRaftVoterRequest } from './messages/update-raft-voter-request.ts';
import { decodeUpdateRaftVoterResponse, defaultUpdateRaftVoterResponse, encodeUpdateRaftVoterResponse, type UpdateRaftVoterResponse } from './messages/update-raft-voter-response.ts';
import { decodeInitializeShareGroupStateRequest, defaultInitializeShareGroupStateRequest, encodeInitializeShareGroupStateRequest, type InitializeShareGroupStateRequest } from './messages/initialize-share-group-state-request.ts';
import { decodeInitializeShareGroupStateResponse, defaultInitializeShareGroupStateResponse, encodeInitializeShareGroupStateResponse, type InitializeShareGroupStateResponse } from './messages/initialize-share-group-state-response.ts';
import { decodeReadShareGroupStateRequest, defaultReadShareGroupStateRequest, encodeReadShareGroupStateRequest, type ReadShareGroupStateRequest } from './messages/read-share-group-state-request.ts';
import { decodeReadShareGroupStateResponse, defaultReadShareGroupStateResponse, encodeReadShareGroupStateResponse, type ReadShareGroupStateResponse } from './messages/read-share-group-state-response.ts';
import { decodeWriteShareGroupStateRequest, defaultWriteShareGroupStateRequest, encodeWriteShareGroupStateRequest, type WriteShareGroupStateRequest } from './messages/write-share-group-state-request.ts';
import { decodeWriteShareGroupStateResponse, defaultWriteShareGroupStateResponse, encodeWriteShareGroupStateResponse, type WriteShareGroupStateResponse } from './messages/write-share-group-state-response.ts';
import { decodeDeleteShareGroupStateRequest, defaultDeleteShareGroupStateRequest, encodeDeleteShareGroupStateRequest, type DeleteShareGroupStateRequest } from './messages/delete-share-group-state-request.ts';
import { decodeDeleteShareGroupStateResponse, defaultDeleteShareGroupStateResponse, encodeDeleteShareGroupStateResponse, type DeleteShareGroupStateResponse } from './messages/delete-share-group-state-response.ts';
import { decodeReadShareGroupStateSummaryRequest, defaultReadShareGroupStateSummaryRequest, encodeReadShareGroupStateSummaryRequest, type ReadShareGroupStateSummaryRequest } from './messages/read-share-group-state-summary-request.ts';
import { decodeReadShareGroupStateSummaryResponse, defaultReadShareGroupStateSummaryResponse, encodeReadShareGroupStateSummaryResponse, type ReadShareGroupStateSummaryResponse } from './messages/read-share-group-state-summary-response.ts';

/** Every API key by its name, as Kafka names it. */
export const ApiKey = {
  Produce: 0,
  Fetch: 1,
  ListOffsets: 2,
  Metadata: 3,
  LeaderAndIsr: 4,
  StopReplica: 5,
  UpdateMetadata: 6,
  ControlledShutdown: 7,
  OffsetCommit: 8,
  OffsetFetch: 9,
  FindCoordinator: 10,
  JoinGroup: 11,
  Heartbeat: 12,
  LeaveGroup: 13,
  SyncGroup: 14,
  DescribeGroups: 15,
  ListGroups: 16,
  SaslHandshake: 17,
  ApiVersions: 18,
  CreateTopics: 19,
  DeleteTopics: 20,
  DeleteRecords: 21,
  InitProducerId: 22,
  OffsetForLeaderEpoch: 23,
  AddPartitionsToTxn: 24,
  AddOffsetsToTxn: 25,
  EndTxn: 26,
  WriteTxnMarkers: 27,
  TxnOffsetCommit: 28,
  DescribeAcls: 29,
  CreateAcls: 30,
  DeleteAcls: 31,
  DescribeConfigs: 32,
  AlterConfigs: 33,
  AlterReplicaLogDirs: 34,
  DescribeLogDirs: 35,
  SaslAuthenticate: 36,
  CreatePartitions: 37,
  CreateDelegationToken: 38,
  RenewDelegationToken: 39,
  ExpireDelegationToken: 40,
  DescribeDelegationToken: 41,
  DeleteGroups: 42,
  ElectLeaders: 43,
  IncrementalAlterConfigs: 44,
  AlterPartitionReassignments: 45,
  ListPartitionReassignments: 46,
  OffsetDelete: 47,
  DescribeClientQuotas: 48,
  AlterClientQuotas: 49,
  DescribeUserScramCredentials: 50,
  AlterUserScramCredentials: 51,
  Vote: 52,
  BeginQuorumEpoch: 53,
  EndQuorumEpoch: 54,
  DescribeQuorum: 55,
  AlterPartition: 56,
  UpdateFeatures: 57,
  Envelope: 58,
  FetchSnapshot: 59,
  DescribeCluster: 60,
  DescribeProducers: 61,
  BrokerRegistration: 62,
  BrokerHeartbeat: 63,
  UnregisterBroker: 64,
  DescribeTransactions: 65,
  ListTransactions: 66,
  AllocateProducerIds: 67,
  ConsumerGroupHeartbeat: 68,
  ConsumerGroupDescribe: 69,
  ControllerRegistration: 70,
  GetTelemetrySubscriptions: 71,
  PushTelemetry: 72,
  AssignReplicasToDirs: 73,
  ListClientMetricsResources: 74,
  DescribeTopicPartitions: 75,
  ShareGroupHeartbeat: 76,
  ShareGroupDescribe: 77,
  ShareFetch: 78,
  ShareAcknowledge: 79,
  AddRaftVoter: 80,
  RemoveRaftVoter: 81,
  UpdateRaftVoter: 82,
  InitializeShareGroupState: 83,
  ReadShareGroupState: 84,
  WriteShareGroupState: 85,
  DeleteShareGroupState: 86,
  ReadShareGroupStateSummary: 87,
} as const;

export type ApiKeyName = keyof typeof ApiKey;
export type ApiKeyNumber = (typeof ApiKey)[ApiKeyName];

/** Request and response types of each API, by key. */
export interface ApiMessages {
  0: { request: ProduceRequest; response: ProduceResponse };
  1: { request: FetchRequest; response: FetchResponse };
  2: { request: ListOffsetsRequest; response: ListOffsetsResponse };
  3: { request: MetadataRequest; response: MetadataResponse };
  4: { request: LeaderAndIsrRequest; response: LeaderAndIsrResponse };
  5: { request: StopReplicaRequest; response: StopReplicaResponse };
  6: { request: UpdateMetadataRequest; response: UpdateMetadataResponse };
  7: { request: ControlledShutdownRequest; response: ControlledShutdownResponse };
  8: { request: OffsetCommitRequest; response: OffsetCommitResponse };
  9: { request: OffsetFetchRequest; response: OffsetFetchResponse };
  10: { request: FindCoordinatorRequest; response: FindCoordinatorResponse };
  11: { request: JoinGroupRequest; response: JoinGroupResponse };
  12: { request: HeartbeatRequest; response: HeartbeatResponse };
  13: { request: LeaveGroupRequest; response: LeaveGroupResponse };
  14: { request: SyncGroupRequest; response: SyncGroupResponse };
  15: { request: DescribeGroupsRequest; response: DescribeGroupsResponse };
  16: { request: ListGroupsRequest; response: ListGroupsResponse };
  17: { request: SaslHandshakeRequest; response: SaslHandshakeResponse };
  18: { request: ApiVersionsRequest; response: ApiVersionsResponse };
  19: { request: CreateTopicsRequest; response: CreateTopicsResponse };
  20: { request: DeleteTopicsRequest; response: DeleteTopicsResponse };
  21: { request: DeleteRecordsRequest; response: DeleteRecordsResponse };
  22: { request: InitProducerIdRequest; response: InitProducerIdResponse };
  23: { request: OffsetForLeaderEpochRequest; response: OffsetForLeaderEpochResponse };
  24: { request: AddPartitionsToTxnRequest; response: AddPartitionsToTxnResponse };
  25: { request: AddOffsetsToTxnRequest; response: AddOffsetsToTxnResponse };
  26: { request: EndTxnRequest; response: EndTxnResponse };
  27: { request: WriteTxnMarkersRequest; response: WriteTxnMarkersResponse };
  28: { request: TxnOffsetCommitRequest; response: TxnOffsetCommitResponse };
  29: { request: DescribeAclsRequest; response: DescribeAclsResponse };
  30: { request: CreateAclsRequest; response: CreateAclsResponse };
  31: { request: DeleteAclsRequest; response: DeleteAclsResponse };
  32: { request: DescribeConfigsRequest; response: DescribeConfigsResponse };
  33: { request: AlterConfigsRequest; response: AlterConfigsResponse };
  34: { request: AlterReplicaLogDirsRequest; response: AlterReplicaLogDirsResponse };
  35: { request: DescribeLogDirsRequest; response: DescribeLogDirsResponse };
  36: { request: SaslAuthenticateRequest; response: SaslAuthenticateResponse };
  37: { request: CreatePartitionsRequest; response: CreatePartitionsResponse };
  38: { request: CreateDelegationTokenRequest; response: CreateDelegationTokenResponse };
  39: { request: RenewDelegationTokenRequest; response: RenewDelegationTokenResponse };
  40: { request: ExpireDelegationTokenRequest; response: ExpireDelegationTokenResponse };
  41: { request: DescribeDelegationTokenRequest; response: DescribeDelegationTokenResponse };
  42: { request: DeleteGroupsRequest; response: DeleteGroupsResponse };
  43: { request: ElectLeadersRequest; response: ElectLeadersResponse };
  44: { request: IncrementalAlterConfigsRequest; response: IncrementalAlterConfigsResponse };
  45: { request: AlterPartitionReassignmentsRequest; response: AlterPartitionReassignmentsResponse };
  46: { request: ListPartitionReassignmentsRequest; response: ListPartitionReassignmentsResponse };
  47: { request: OffsetDeleteRequest; response: OffsetDeleteResponse };
  48: { request: DescribeClientQuotasRequest; response: DescribeClientQuotasResponse };
  49: { request: AlterClientQuotasRequest; response: AlterClientQuotasResponse };
  50: { request: DescribeUserScramCredentialsRequest; response: DescribeUserScramCredentialsResponse };
  51: { request: AlterUserScramCredentialsRequest; response: AlterUserScramCredentialsResponse };
  52: { request: VoteRequest; response: VoteResponse };
  53: { request: BeginQuorumEpochRequest; response: BeginQuorumEpochResponse };
  54: { request: EndQuorumEpochRequest; response: EndQuorumEpochResponse };
  55: { request: DescribeQuorumRequest; response: DescribeQuorumResponse };
  56: { request: AlterPartitionRequest; response: AlterPartitionResponse };
  57: { request: UpdateFeaturesRequest; response: UpdateFeaturesResponse };
  58: { request: EnvelopeRequest; response: EnvelopeResponse };
  59: { request: FetchSnapshotRequest; response: FetchSnapshotResponse };
  60: { request: DescribeClusterRequest; response: DescribeClusterResponse };
  61: { request: DescribeProducersRequest; response: DescribeProducersResponse };
  62: { request: BrokerRegistrationRequest; response: BrokerRegistrationResponse };
  63: { request: BrokerHeartbeatRequest; response: BrokerHeartbeatResponse };
  64: { request: UnregisterBrokerRequest; response: UnregisterBrokerResponse };
  65: { request: DescribeTransactionsRequest; response: DescribeTransactionsResponse };
  66: { request: ListTransactionsRequest; response: ListTransactionsResponse };
  67: { request: AllocateProducerIdsRequest; response: AllocateProducerIdsResponse };
  68: { request: ConsumerGroupHeartbeatRequest; response: ConsumerGroupHeartbeatResponse };
  69: { request: ConsumerGroupDescribeRequest; response: ConsumerGroupDescribeResponse };
  70: { request: ControllerRegistrationRequest; response: ControllerRegistrationResponse };
  71: { request: GetTelemetrySubscriptionsRequest; response: GetTelemetrySubscriptionsResponse };
  72: { request: PushTelemetryRequest; response: PushTelemetryResponse };
  73: { request: AssignReplicasToDirsRequest; response: AssignReplicasToDirsResponse };
  74: { request: ListClientMetricsResourcesRequest; response: ListClientMetricsResourcesResponse };
  75: { request: DescribeTopicPartitionsRequest; response: DescribeTopicPartitionsResponse };
  76: { request: ShareGroupHeartbeatRequest; response: ShareGroupHeartbeatResponse };
  77: { request: ShareGroupDescribeRequest; response: ShareGroupDescribeResponse };
  78: { request: ShareFetchRequest; response: ShareFetchResponse };
  79: { request: ShareAcknowledgeRequest; response: ShareAcknowledgeResponse };
  80: { request: AddRaftVoterRequest; response: AddRaftVoterResponse };
  81: { request: RemoveRaftVoterRequest; response: RemoveRaftVoterResponse };
  82: { request: UpdateRaftVoterRequest; response: UpdateRaftVoterResponse };
  83: { request: InitializeShareGroupStateRequest; response: InitializeShareGroupStateResponse };
  84: { request: ReadShareGroupStateRequest; response: ReadShareGroupStateResponse };
  85: { request: WriteShareGroupStateRequest; response: WriteShareGroupStateResponse };
  86: { request: DeleteShareGroupStateRequest; response: DeleteShareGroupStateResponse };
  87: { request: ReadShareGroupStateSummaryRequest; response: ReadShareGroupStateSummaryResponse };
}

export interface ApiDefinition<K extends ApiKeyNumber = ApiKeyNumber> {
  key: K;
  name: ApiKeyName;
  minVersion: number;
  maxVersion: number;
  /** The first version using flexible encodings and header v2/v1, or null if none does. */
  firstFlexibleVersion: number | null;
  /** Kafka marks the newest version as still changing; brokers don't advertise it by default. */
  latestVersionUnstable: boolean;
  /** Which Kafka listeners accept this API (broker, controller, zkBroker). */
  listeners: readonly string[];
  encodeRequest(w: Writer, value: ApiMessages[K]['request'], version: number): void;
  decodeRequest(r: Reader, version: number): ApiMessages[K]['request'];
  defaultRequest(): ApiMessages[K]['request'];
  encodeResponse(w: Writer, value: ApiMessages[K]['response'], version: number): void;
  decodeResponse(r: Reader, version: number): ApiMessages[K]['response'];
  defaultResponse(): ApiMessages[K]['response'];
}

export const apis: { readonly [K in ApiKeyNumber]: ApiDefinition<K> } = {
  0: {
    key: 0,
    name: 'Produce',
    minVersion: 0,
    maxVersion: 11,
    firstFlexibleVersion: 9,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeProduceRequest,
    decodeRequest: decodeProduceRequest,
    defaultRequest: defaultProduceRequest,
    encodeResponse: encodeProduceResponse,
    decodeResponse: decodeProduceResponse,
    defaultResponse: defaultProduceResponse,
  },
  1: {
    key: 1,
    name: 'Fetch',
    minVersion: 0,
    maxVersion: 17,
    firstFlexibleVersion: 12,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeFetchRequest,
    decodeRequest: decodeFetchRequest,
    defaultRequest: defaultFetchRequest,
    encodeResponse: encodeFetchResponse,
    decodeResponse: decodeFetchResponse,
    defaultResponse: defaultFetchResponse,
  },
  2: {
    key: 2,
    name: 'ListOffsets',
    minVersion: 0,
    maxVersion: 10,
    firstFlexibleVersion: 6,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeListOffsetsRequest,
    decodeRequest: decodeListOffsetsRequest,
    defaultRequest: defaultListOffsetsRequest,
    encodeResponse: encodeListOffsetsResponse,
    decodeResponse: decodeListOffsetsResponse,
    defaultResponse: defaultListOffsetsResponse,
  },
  3: {
    key: 3,
    name: 'Metadata',
    minVersion: 0,
    maxVersion: 12,
    firstFlexibleVersion: 9,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeMetadataRequest,
    decodeRequest: decodeMetadataRequest,
    defaultRequest: defaultMetadataRequest,
    encodeResponse: encodeMetadataResponse,
    decodeResponse: decodeMetadataResponse,
    defaultResponse: defaultMetadataResponse,
  },
  4: {
    key: 4,
    name: 'LeaderAndIsr',
    minVersion: 0,
    maxVersion: 7,
    firstFlexibleVersion: 4,
    latestVersionUnstable: false,
    listeners: ["zkBroker"],
    encodeRequest: encodeLeaderAndIsrRequest,
    decodeRequest: decodeLeaderAndIsrRequest,
    defaultRequest: defaultLeaderAndIsrRequest,
    encodeResponse: encodeLeaderAndIsrResponse,
    decodeResponse: decodeLeaderAndIsrResponse,
    defaultResponse: defaultLeaderAndIsrResponse,
  },
  5: {
    key: 5,
    name: 'StopReplica',
    minVersion: 0,
    maxVersion: 4,
    firstFlexibleVersion: 2,
    latestVersionUnstable: false,
    listeners: ["zkBroker"],
    encodeRequest: encodeStopReplicaRequest,
    decodeRequest: decodeStopReplicaRequest,
    defaultRequest: defaultStopReplicaRequest,
    encodeResponse: encodeStopReplicaResponse,
    decodeResponse: decodeStopReplicaResponse,
    defaultResponse: defaultStopReplicaResponse,
  },
  6: {
    key: 6,
    name: 'UpdateMetadata',
    minVersion: 0,
    maxVersion: 8,
    firstFlexibleVersion: 6,
    latestVersionUnstable: false,
    listeners: ["zkBroker"],
    encodeRequest: encodeUpdateMetadataRequest,
    decodeRequest: decodeUpdateMetadataRequest,
    defaultRequest: defaultUpdateMetadataRequest,
    encodeResponse: encodeUpdateMetadataResponse,
    decodeResponse: decodeUpdateMetadataResponse,
    defaultResponse: defaultUpdateMetadataResponse,
  },
  7: {
    key: 7,
    name: 'ControlledShutdown',
    minVersion: 0,
    maxVersion: 3,
    firstFlexibleVersion: 3,
    latestVersionUnstable: false,
    listeners: ["zkBroker","controller"],
    encodeRequest: encodeControlledShutdownRequest,
    decodeRequest: decodeControlledShutdownRequest,
    defaultRequest: defaultControlledShutdownRequest,
    encodeResponse: encodeControlledShutdownResponse,
    decodeResponse: decodeControlledShutdownResponse,
    defaultResponse: defaultControlledShutdownResponse,
  },
  8: {
    key: 8,
    name: 'OffsetCommit',
    minVersion: 0,
    maxVersion: 9,
    firstFlexibleVersion: 8,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeOffsetCommitRequest,
    decodeRequest: decodeOffsetCommitRequest,
    defaultRequest: defaultOffsetCommitRequest,
    encodeResponse: encodeOffsetCommitResponse,
    decodeResponse: decodeOffsetCommitResponse,
    defaultResponse: defaultOffsetCommitResponse,
  },
  9: {
    key: 9,
    name: 'OffsetFetch',
    minVersion: 0,
    maxVersion: 9,
    firstFlexibleVersion: 6,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeOffsetFetchRequest,
    decodeRequest: decodeOffsetFetchRequest,
    defaultRequest: defaultOffsetFetchRequest,
    encodeResponse: encodeOffsetFetchResponse,
    decodeResponse: decodeOffsetFetchResponse,
    defaultResponse: defaultOffsetFetchResponse,
  },
  10: {
    key: 10,
    name: 'FindCoordinator',
    minVersion: 0,
    maxVersion: 6,
    firstFlexibleVersion: 3,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeFindCoordinatorRequest,
    decodeRequest: decodeFindCoordinatorRequest,
    defaultRequest: defaultFindCoordinatorRequest,
    encodeResponse: encodeFindCoordinatorResponse,
    decodeResponse: decodeFindCoordinatorResponse,
    defaultResponse: defaultFindCoordinatorResponse,
  },
  11: {
    key: 11,
    name: 'JoinGroup',
    minVersion: 0,
    maxVersion: 9,
    firstFlexibleVersion: 6,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeJoinGroupRequest,
    decodeRequest: decodeJoinGroupRequest,
    defaultRequest: defaultJoinGroupRequest,
    encodeResponse: encodeJoinGroupResponse,
    decodeResponse: decodeJoinGroupResponse,
    defaultResponse: defaultJoinGroupResponse,
  },
  12: {
    key: 12,
    name: 'Heartbeat',
    minVersion: 0,
    maxVersion: 4,
    firstFlexibleVersion: 4,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeHeartbeatRequest,
    decodeRequest: decodeHeartbeatRequest,
    defaultRequest: defaultHeartbeatRequest,
    encodeResponse: encodeHeartbeatResponse,
    decodeResponse: decodeHeartbeatResponse,
    defaultResponse: defaultHeartbeatResponse,
  },
  13: {
    key: 13,
    name: 'LeaveGroup',
    minVersion: 0,
    maxVersion: 5,
    firstFlexibleVersion: 4,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeLeaveGroupRequest,
    decodeRequest: decodeLeaveGroupRequest,
    defaultRequest: defaultLeaveGroupRequest,
    encodeResponse: encodeLeaveGroupResponse,
    decodeResponse: decodeLeaveGroupResponse,
    defaultResponse: defaultLeaveGroupResponse,
  },
  14: {
    key: 14,
    name: 'SyncGroup',
    minVersion: 0,
    maxVersion: 5,
    firstFlexibleVersion: 4,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeSyncGroupRequest,
    decodeRequest: decodeSyncGroupRequest,
    defaultRequest: defaultSyncGroupRequest,
    encodeResponse: encodeSyncGroupResponse,
    decodeResponse: decodeSyncGroupResponse,
    defaultResponse: defaultSyncGroupResponse,
  },
  15: {
    key: 15,
    name: 'DescribeGroups',
    minVersion: 0,
    maxVersion: 5,
    firstFlexibleVersion: 5,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeDescribeGroupsRequest,
    decodeRequest: decodeDescribeGroupsRequest,
    defaultRequest: defaultDescribeGroupsRequest,
    encodeResponse: encodeDescribeGroupsResponse,
    decodeResponse: decodeDescribeGroupsResponse,
    defaultResponse: defaultDescribeGroupsResponse,
  },
  16: {
    key: 16,
    name: 'ListGroups',
    minVersion: 0,
    maxVersion: 5,
    firstFlexibleVersion: 3,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeListGroupsRequest,
    decodeRequest: decodeListGroupsRequest,
    defaultRequest: defaultListGroupsRequest,
    encodeResponse: encodeListGroupsResponse,
    decodeResponse: decodeListGroupsResponse,
    defaultResponse: defaultListGroupsResponse,
  },
  17: {
    key: 17,
    name: 'SaslHandshake',
    minVersion: 0,
    maxVersion: 1,
    firstFlexibleVersion: null,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeSaslHandshakeRequest,
    decodeRequest: decodeSaslHandshakeRequest,
    defaultRequest: defaultSaslHandshakeRequest,
    encodeResponse: encodeSaslHandshakeResponse,
    decodeResponse: decodeSaslHandshakeResponse,
    defaultResponse: defaultSaslHandshakeResponse,
  },
  18: {
    key: 18,
    name: 'ApiVersions',
    minVersion: 0,
    maxVersion: 4,
    firstFlexibleVersion: 3,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeApiVersionsRequest,
    decodeRequest: decodeApiVersionsRequest,
    defaultRequest: defaultApiVersionsRequest,
    encodeResponse: encodeApiVersionsResponse,
    decodeResponse: decodeApiVersionsResponse,
    defaultResponse: defaultApiVersionsResponse,
  },
  19: {
    key: 19,
    name: 'CreateTopics',
    minVersion: 0,
    maxVersion: 7,
    firstFlexibleVersion: 5,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeCreateTopicsRequest,
    decodeRequest: decodeCreateTopicsRequest,
    defaultRequest: defaultCreateTopicsRequest,
    encodeResponse: encodeCreateTopicsResponse,
    decodeResponse: decodeCreateTopicsResponse,
    defaultResponse: defaultCreateTopicsResponse,
  },
  20: {
    key: 20,
    name: 'DeleteTopics',
    minVersion: 0,
    maxVersion: 6,
    firstFlexibleVersion: 4,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeDeleteTopicsRequest,
    decodeRequest: decodeDeleteTopicsRequest,
    defaultRequest: defaultDeleteTopicsRequest,
    encodeResponse: encodeDeleteTopicsResponse,
    decodeResponse: decodeDeleteTopicsResponse,
    defaultResponse: defaultDeleteTopicsResponse,
  },
  21: {
    key: 21,
    name: 'DeleteRecords',
    minVersion: 0,
    maxVersion: 2,
    firstFlexibleVersion: 2,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeDeleteRecordsRequest,
    decodeRequest: decodeDeleteRecordsRequest,
    defaultRequest: defaultDeleteRecordsRequest,
    encodeResponse: encodeDeleteRecordsResponse,
    decodeResponse: decodeDeleteRecordsResponse,
    defaultResponse: defaultDeleteRecordsResponse,
  },
  22: {
    key: 22,
    name: 'InitProducerId',
    minVersion: 0,
    maxVersion: 5,
    firstFlexibleVersion: 2,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeInitProducerIdRequest,
    decodeRequest: decodeInitProducerIdRequest,
    defaultRequest: defaultInitProducerIdRequest,
    encodeResponse: encodeInitProducerIdResponse,
    decodeResponse: decodeInitProducerIdResponse,
    defaultResponse: defaultInitProducerIdResponse,
  },
  23: {
    key: 23,
    name: 'OffsetForLeaderEpoch',
    minVersion: 0,
    maxVersion: 4,
    firstFlexibleVersion: 4,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeOffsetForLeaderEpochRequest,
    decodeRequest: decodeOffsetForLeaderEpochRequest,
    defaultRequest: defaultOffsetForLeaderEpochRequest,
    encodeResponse: encodeOffsetForLeaderEpochResponse,
    decodeResponse: decodeOffsetForLeaderEpochResponse,
    defaultResponse: defaultOffsetForLeaderEpochResponse,
  },
  24: {
    key: 24,
    name: 'AddPartitionsToTxn',
    minVersion: 0,
    maxVersion: 5,
    firstFlexibleVersion: 3,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeAddPartitionsToTxnRequest,
    decodeRequest: decodeAddPartitionsToTxnRequest,
    defaultRequest: defaultAddPartitionsToTxnRequest,
    encodeResponse: encodeAddPartitionsToTxnResponse,
    decodeResponse: decodeAddPartitionsToTxnResponse,
    defaultResponse: defaultAddPartitionsToTxnResponse,
  },
  25: {
    key: 25,
    name: 'AddOffsetsToTxn',
    minVersion: 0,
    maxVersion: 4,
    firstFlexibleVersion: 3,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeAddOffsetsToTxnRequest,
    decodeRequest: decodeAddOffsetsToTxnRequest,
    defaultRequest: defaultAddOffsetsToTxnRequest,
    encodeResponse: encodeAddOffsetsToTxnResponse,
    decodeResponse: decodeAddOffsetsToTxnResponse,
    defaultResponse: defaultAddOffsetsToTxnResponse,
  },
  26: {
    key: 26,
    name: 'EndTxn',
    minVersion: 0,
    maxVersion: 5,
    firstFlexibleVersion: 3,
    latestVersionUnstable: true,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeEndTxnRequest,
    decodeRequest: decodeEndTxnRequest,
    defaultRequest: defaultEndTxnRequest,
    encodeResponse: encodeEndTxnResponse,
    decodeResponse: decodeEndTxnResponse,
    defaultResponse: defaultEndTxnResponse,
  },
  27: {
    key: 27,
    name: 'WriteTxnMarkers',
    minVersion: 0,
    maxVersion: 1,
    firstFlexibleVersion: 1,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeWriteTxnMarkersRequest,
    decodeRequest: decodeWriteTxnMarkersRequest,
    defaultRequest: defaultWriteTxnMarkersRequest,
    encodeResponse: encodeWriteTxnMarkersResponse,
    decodeResponse: decodeWriteTxnMarkersResponse,
    defaultResponse: defaultWriteTxnMarkersResponse,
  },
  28: {
    key: 28,
    name: 'TxnOffsetCommit',
    minVersion: 0,
    maxVersion: 4,
    firstFlexibleVersion: 3,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeTxnOffsetCommitRequest,
    decodeRequest: decodeTxnOffsetCommitRequest,
    defaultRequest: defaultTxnOffsetCommitRequest,
    encodeResponse: encodeTxnOffsetCommitResponse,
    decodeResponse: decodeTxnOffsetCommitResponse,
    defaultResponse: defaultTxnOffsetCommitResponse,
  },
  29: {
    key: 29,
    name: 'DescribeAcls',
    minVersion: 0,
    maxVersion: 3,
    firstFlexibleVersion: 2,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeDescribeAclsRequest,
    decodeRequest: decodeDescribeAclsRequest,
    defaultRequest: defaultDescribeAclsRequest,
    encodeResponse: encodeDescribeAclsResponse,
    decodeResponse: decodeDescribeAclsResponse,
    defaultResponse: defaultDescribeAclsResponse,
  },
  30: {
    key: 30,
    name: 'CreateAcls',
    minVersion: 0,
    maxVersion: 3,
    firstFlexibleVersion: 2,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeCreateAclsRequest,
    decodeRequest: decodeCreateAclsRequest,
    defaultRequest: defaultCreateAclsRequest,
    encodeResponse: encodeCreateAclsResponse,
    decodeResponse: decodeCreateAclsResponse,
    defaultResponse: defaultCreateAclsResponse,
  },
  31: {
    key: 31,
    name: 'DeleteAcls',
    minVersion: 0,
    maxVersion: 3,
    firstFlexibleVersion: 2,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeDeleteAclsRequest,
    decodeRequest: decodeDeleteAclsRequest,
    defaultRequest: defaultDeleteAclsRequest,
    encodeResponse: encodeDeleteAclsResponse,
    decodeResponse: decodeDeleteAclsResponse,
    defaultResponse: defaultDeleteAclsResponse,
  },
  32: {
    key: 32,
    name: 'DescribeConfigs',
    minVersion: 0,
    maxVersion: 4,
    firstFlexibleVersion: 4,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeDescribeConfigsRequest,
    decodeRequest: decodeDescribeConfigsRequest,
    defaultRequest: defaultDescribeConfigsRequest,
    encodeResponse: encodeDescribeConfigsResponse,
    decodeResponse: decodeDescribeConfigsResponse,
    defaultResponse: defaultDescribeConfigsResponse,
  },
  33: {
    key: 33,
    name: 'AlterConfigs',
    minVersion: 0,
    maxVersion: 2,
    firstFlexibleVersion: 2,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeAlterConfigsRequest,
    decodeRequest: decodeAlterConfigsRequest,
    defaultRequest: defaultAlterConfigsRequest,
    encodeResponse: encodeAlterConfigsResponse,
    decodeResponse: decodeAlterConfigsResponse,
    defaultResponse: defaultAlterConfigsResponse,
  },
  34: {
    key: 34,
    name: 'AlterReplicaLogDirs',
    minVersion: 0,
    maxVersion: 2,
    firstFlexibleVersion: 2,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeAlterReplicaLogDirsRequest,
    decodeRequest: decodeAlterReplicaLogDirsRequest,
    defaultRequest: defaultAlterReplicaLogDirsRequest,
    encodeResponse: encodeAlterReplicaLogDirsResponse,
    decodeResponse: decodeAlterReplicaLogDirsResponse,
    defaultResponse: defaultAlterReplicaLogDirsResponse,
  },
  35: {
    key: 35,
    name: 'DescribeLogDirs',
    minVersion: 0,
    maxVersion: 4,
    firstFlexibleVersion: 2,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeDescribeLogDirsRequest,
    decodeRequest: decodeDescribeLogDirsRequest,
    defaultRequest: defaultDescribeLogDirsRequest,
    encodeResponse: encodeDescribeLogDirsResponse,
    decodeResponse: decodeDescribeLogDirsResponse,
    defaultResponse: defaultDescribeLogDirsResponse,
  },
  36: {
    key: 36,
    name: 'SaslAuthenticate',
    minVersion: 0,
    maxVersion: 2,
    firstFlexibleVersion: 2,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeSaslAuthenticateRequest,
    decodeRequest: decodeSaslAuthenticateRequest,
    defaultRequest: defaultSaslAuthenticateRequest,
    encodeResponse: encodeSaslAuthenticateResponse,
    decodeResponse: decodeSaslAuthenticateResponse,
    defaultResponse: defaultSaslAuthenticateResponse,
  },
  37: {
    key: 37,
    name: 'CreatePartitions',
    minVersion: 0,
    maxVersion: 3,
    firstFlexibleVersion: 2,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeCreatePartitionsRequest,
    decodeRequest: decodeCreatePartitionsRequest,
    defaultRequest: defaultCreatePartitionsRequest,
    encodeResponse: encodeCreatePartitionsResponse,
    decodeResponse: decodeCreatePartitionsResponse,
    defaultResponse: defaultCreatePartitionsResponse,
  },
  38: {
    key: 38,
    name: 'CreateDelegationToken',
    minVersion: 0,
    maxVersion: 3,
    firstFlexibleVersion: 2,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeCreateDelegationTokenRequest,
    decodeRequest: decodeCreateDelegationTokenRequest,
    defaultRequest: defaultCreateDelegationTokenRequest,
    encodeResponse: encodeCreateDelegationTokenResponse,
    decodeResponse: decodeCreateDelegationTokenResponse,
    defaultResponse: defaultCreateDelegationTokenResponse,
  },
  39: {
    key: 39,
    name: 'RenewDelegationToken',
    minVersion: 0,
    maxVersion: 2,
    firstFlexibleVersion: 2,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeRenewDelegationTokenRequest,
    decodeRequest: decodeRenewDelegationTokenRequest,
    defaultRequest: defaultRenewDelegationTokenRequest,
    encodeResponse: encodeRenewDelegationTokenResponse,
    decodeResponse: decodeRenewDelegationTokenResponse,
    defaultResponse: defaultRenewDelegationTokenResponse,
  },
  40: {
    key: 40,
    name: 'ExpireDelegationToken',
    minVersion: 0,
    maxVersion: 2,
    firstFlexibleVersion: 2,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeExpireDelegationTokenRequest,
    decodeRequest: decodeExpireDelegationTokenRequest,
    defaultRequest: defaultExpireDelegationTokenRequest,
    encodeResponse: encodeExpireDelegationTokenResponse,
    decodeResponse: decodeExpireDelegationTokenResponse,
    defaultResponse: defaultExpireDelegationTokenResponse,
  },
  41: {
    key: 41,
    name: 'DescribeDelegationToken',
    minVersion: 0,
    maxVersion: 3,
    firstFlexibleVersion: 2,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeDescribeDelegationTokenRequest,
    decodeRequest: decodeDescribeDelegationTokenRequest,
    defaultRequest: defaultDescribeDelegationTokenRequest,
    encodeResponse: encodeDescribeDelegationTokenResponse,
    decodeResponse: decodeDescribeDelegationTokenResponse,
    defaultResponse: defaultDescribeDelegationTokenResponse,
  },
  42: {
    key: 42,
    name: 'DeleteGroups',
    minVersion: 0,
    maxVersion: 2,
    firstFlexibleVersion: 2,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeDeleteGroupsRequest,
    decodeRequest: decodeDeleteGroupsRequest,
    defaultRequest: defaultDeleteGroupsRequest,
    encodeResponse: encodeDeleteGroupsResponse,
    decodeResponse: decodeDeleteGroupsResponse,
    defaultResponse: defaultDeleteGroupsResponse,
  },
  43: {
    key: 43,
    name: 'ElectLeaders',
    minVersion: 0,
    maxVersion: 2,
    firstFlexibleVersion: 2,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeElectLeadersRequest,
    decodeRequest: decodeElectLeadersRequest,
    defaultRequest: defaultElectLeadersRequest,
    encodeResponse: encodeElectLeadersResponse,
    decodeResponse: decodeElectLeadersResponse,
    defaultResponse: defaultElectLeadersResponse,
  },
  44: {
    key: 44,
    name: 'IncrementalAlterConfigs',
    minVersion: 0,
    maxVersion: 1,
    firstFlexibleVersion: 1,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeIncrementalAlterConfigsRequest,
    decodeRequest: decodeIncrementalAlterConfigsRequest,
    defaultRequest: defaultIncrementalAlterConfigsRequest,
    encodeResponse: encodeIncrementalAlterConfigsResponse,
    decodeResponse: decodeIncrementalAlterConfigsResponse,
    defaultResponse: defaultIncrementalAlterConfigsResponse,
  },
  45: {
    key: 45,
    name: 'AlterPartitionReassignments',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["broker","controller","zkBroker"],
    encodeRequest: encodeAlterPartitionReassignmentsRequest,
    decodeRequest: decodeAlterPartitionReassignmentsRequest,
    defaultRequest: defaultAlterPartitionReassignmentsRequest,
    encodeResponse: encodeAlterPartitionReassignmentsResponse,
    decodeResponse: decodeAlterPartitionReassignmentsResponse,
    defaultResponse: defaultAlterPartitionReassignmentsResponse,
  },
  46: {
    key: 46,
    name: 'ListPartitionReassignments',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["broker","controller","zkBroker"],
    encodeRequest: encodeListPartitionReassignmentsRequest,
    decodeRequest: decodeListPartitionReassignmentsRequest,
    defaultRequest: defaultListPartitionReassignmentsRequest,
    encodeResponse: encodeListPartitionReassignmentsResponse,
    decodeResponse: decodeListPartitionReassignmentsResponse,
    defaultResponse: defaultListPartitionReassignmentsResponse,
  },
  47: {
    key: 47,
    name: 'OffsetDelete',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: null,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeOffsetDeleteRequest,
    decodeRequest: decodeOffsetDeleteRequest,
    defaultRequest: defaultOffsetDeleteRequest,
    encodeResponse: encodeOffsetDeleteResponse,
    decodeResponse: decodeOffsetDeleteResponse,
    defaultResponse: defaultOffsetDeleteResponse,
  },
  48: {
    key: 48,
    name: 'DescribeClientQuotas',
    minVersion: 0,
    maxVersion: 1,
    firstFlexibleVersion: 1,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeDescribeClientQuotasRequest,
    decodeRequest: decodeDescribeClientQuotasRequest,
    defaultRequest: defaultDescribeClientQuotasRequest,
    encodeResponse: encodeDescribeClientQuotasResponse,
    decodeResponse: decodeDescribeClientQuotasResponse,
    defaultResponse: defaultDescribeClientQuotasResponse,
  },
  49: {
    key: 49,
    name: 'AlterClientQuotas',
    minVersion: 0,
    maxVersion: 1,
    firstFlexibleVersion: 1,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeAlterClientQuotasRequest,
    decodeRequest: decodeAlterClientQuotasRequest,
    defaultRequest: defaultAlterClientQuotasRequest,
    encodeResponse: encodeAlterClientQuotasResponse,
    decodeResponse: decodeAlterClientQuotasResponse,
    defaultResponse: defaultAlterClientQuotasResponse,
  },
  50: {
    key: 50,
    name: 'DescribeUserScramCredentials',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeDescribeUserScramCredentialsRequest,
    decodeRequest: decodeDescribeUserScramCredentialsRequest,
    defaultRequest: defaultDescribeUserScramCredentialsRequest,
    encodeResponse: encodeDescribeUserScramCredentialsResponse,
    decodeResponse: decodeDescribeUserScramCredentialsResponse,
    defaultResponse: defaultDescribeUserScramCredentialsResponse,
  },
  51: {
    key: 51,
    name: 'AlterUserScramCredentials',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeAlterUserScramCredentialsRequest,
    decodeRequest: decodeAlterUserScramCredentialsRequest,
    defaultRequest: defaultAlterUserScramCredentialsRequest,
    encodeResponse: encodeAlterUserScramCredentialsResponse,
    decodeResponse: decodeAlterUserScramCredentialsResponse,
    defaultResponse: defaultAlterUserScramCredentialsResponse,
  },
  52: {
    key: 52,
    name: 'Vote',
    minVersion: 0,
    maxVersion: 1,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["controller"],
    encodeRequest: encodeVoteRequest,
    decodeRequest: decodeVoteRequest,
    defaultRequest: defaultVoteRequest,
    encodeResponse: encodeVoteResponse,
    decodeResponse: decodeVoteResponse,
    defaultResponse: defaultVoteResponse,
  },
  53: {
    key: 53,
    name: 'BeginQuorumEpoch',
    minVersion: 0,
    maxVersion: 1,
    firstFlexibleVersion: 1,
    latestVersionUnstable: false,
    listeners: ["controller"],
    encodeRequest: encodeBeginQuorumEpochRequest,
    decodeRequest: decodeBeginQuorumEpochRequest,
    defaultRequest: defaultBeginQuorumEpochRequest,
    encodeResponse: encodeBeginQuorumEpochResponse,
    decodeResponse: decodeBeginQuorumEpochResponse,
    defaultResponse: defaultBeginQuorumEpochResponse,
  },
  54: {
    key: 54,
    name: 'EndQuorumEpoch',
    minVersion: 0,
    maxVersion: 1,
    firstFlexibleVersion: 1,
    latestVersionUnstable: false,
    listeners: ["controller"],
    encodeRequest: encodeEndQuorumEpochRequest,
    decodeRequest: decodeEndQuorumEpochRequest,
    defaultRequest: defaultEndQuorumEpochRequest,
    encodeResponse: encodeEndQuorumEpochResponse,
    decodeResponse: decodeEndQuorumEpochResponse,
    defaultResponse: defaultEndQuorumEpochResponse,
  },
  55: {
    key: 55,
    name: 'DescribeQuorum',
    minVersion: 0,
    maxVersion: 2,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["broker","controller"],
    encodeRequest: encodeDescribeQuorumRequest,
    decodeRequest: decodeDescribeQuorumRequest,
    defaultRequest: defaultDescribeQuorumRequest,
    encodeResponse: encodeDescribeQuorumResponse,
    decodeResponse: decodeDescribeQuorumResponse,
    defaultResponse: defaultDescribeQuorumResponse,
  },
  56: {
    key: 56,
    name: 'AlterPartition',
    minVersion: 0,
    maxVersion: 3,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["zkBroker","controller"],
    encodeRequest: encodeAlterPartitionRequest,
    decodeRequest: decodeAlterPartitionRequest,
    defaultRequest: defaultAlterPartitionRequest,
    encodeResponse: encodeAlterPartitionResponse,
    decodeResponse: decodeAlterPartitionResponse,
    defaultResponse: defaultAlterPartitionResponse,
  },
  57: {
    key: 57,
    name: 'UpdateFeatures',
    minVersion: 0,
    maxVersion: 2,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeUpdateFeaturesRequest,
    decodeRequest: decodeUpdateFeaturesRequest,
    defaultRequest: defaultUpdateFeaturesRequest,
    encodeResponse: encodeUpdateFeaturesResponse,
    decodeResponse: decodeUpdateFeaturesResponse,
    defaultResponse: defaultUpdateFeaturesResponse,
  },
  58: {
    key: 58,
    name: 'Envelope',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["controller","zkBroker"],
    encodeRequest: encodeEnvelopeRequest,
    decodeRequest: decodeEnvelopeRequest,
    defaultRequest: defaultEnvelopeRequest,
    encodeResponse: encodeEnvelopeResponse,
    decodeResponse: decodeEnvelopeResponse,
    defaultResponse: defaultEnvelopeResponse,
  },
  59: {
    key: 59,
    name: 'FetchSnapshot',
    minVersion: 0,
    maxVersion: 1,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["controller"],
    encodeRequest: encodeFetchSnapshotRequest,
    decodeRequest: decodeFetchSnapshotRequest,
    defaultRequest: defaultFetchSnapshotRequest,
    encodeResponse: encodeFetchSnapshotResponse,
    decodeResponse: decodeFetchSnapshotResponse,
    defaultResponse: defaultFetchSnapshotResponse,
  },
  60: {
    key: 60,
    name: 'DescribeCluster',
    minVersion: 0,
    maxVersion: 1,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker","controller"],
    encodeRequest: encodeDescribeClusterRequest,
    decodeRequest: decodeDescribeClusterRequest,
    defaultRequest: defaultDescribeClusterRequest,
    encodeResponse: encodeDescribeClusterResponse,
    decodeResponse: decodeDescribeClusterResponse,
    defaultResponse: defaultDescribeClusterResponse,
  },
  61: {
    key: 61,
    name: 'DescribeProducers',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeDescribeProducersRequest,
    decodeRequest: decodeDescribeProducersRequest,
    defaultRequest: defaultDescribeProducersRequest,
    encodeResponse: encodeDescribeProducersResponse,
    decodeResponse: decodeDescribeProducersResponse,
    defaultResponse: defaultDescribeProducersResponse,
  },
  62: {
    key: 62,
    name: 'BrokerRegistration',
    minVersion: 0,
    maxVersion: 4,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["controller"],
    encodeRequest: encodeBrokerRegistrationRequest,
    decodeRequest: decodeBrokerRegistrationRequest,
    defaultRequest: defaultBrokerRegistrationRequest,
    encodeResponse: encodeBrokerRegistrationResponse,
    decodeResponse: decodeBrokerRegistrationResponse,
    defaultResponse: defaultBrokerRegistrationResponse,
  },
  63: {
    key: 63,
    name: 'BrokerHeartbeat',
    minVersion: 0,
    maxVersion: 1,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["controller"],
    encodeRequest: encodeBrokerHeartbeatRequest,
    decodeRequest: decodeBrokerHeartbeatRequest,
    defaultRequest: defaultBrokerHeartbeatRequest,
    encodeResponse: encodeBrokerHeartbeatResponse,
    decodeResponse: decodeBrokerHeartbeatResponse,
    defaultResponse: defaultBrokerHeartbeatResponse,
  },
  64: {
    key: 64,
    name: 'UnregisterBroker',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["broker","controller"],
    encodeRequest: encodeUnregisterBrokerRequest,
    decodeRequest: decodeUnregisterBrokerRequest,
    defaultRequest: defaultUnregisterBrokerRequest,
    encodeResponse: encodeUnregisterBrokerResponse,
    decodeResponse: decodeUnregisterBrokerResponse,
    defaultResponse: defaultUnregisterBrokerResponse,
  },
  65: {
    key: 65,
    name: 'DescribeTransactions',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeDescribeTransactionsRequest,
    decodeRequest: decodeDescribeTransactionsRequest,
    defaultRequest: defaultDescribeTransactionsRequest,
    encodeResponse: encodeDescribeTransactionsResponse,
    decodeResponse: decodeDescribeTransactionsResponse,
    defaultResponse: defaultDescribeTransactionsResponse,
  },
  66: {
    key: 66,
    name: 'ListTransactions',
    minVersion: 0,
    maxVersion: 1,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeListTransactionsRequest,
    decodeRequest: decodeListTransactionsRequest,
    defaultRequest: defaultListTransactionsRequest,
    encodeResponse: encodeListTransactionsResponse,
    decodeResponse: decodeListTransactionsResponse,
    defaultResponse: defaultListTransactionsResponse,
  },
  67: {
    key: 67,
    name: 'AllocateProducerIds',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["zkBroker","controller"],
    encodeRequest: encodeAllocateProducerIdsRequest,
    decodeRequest: decodeAllocateProducerIdsRequest,
    defaultRequest: defaultAllocateProducerIdsRequest,
    encodeResponse: encodeAllocateProducerIdsResponse,
    decodeResponse: decodeAllocateProducerIdsResponse,
    defaultResponse: defaultAllocateProducerIdsResponse,
  },
  68: {
    key: 68,
    name: 'ConsumerGroupHeartbeat',
    minVersion: 0,
    maxVersion: 1,
    firstFlexibleVersion: 0,
    latestVersionUnstable: true,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeConsumerGroupHeartbeatRequest,
    decodeRequest: decodeConsumerGroupHeartbeatRequest,
    defaultRequest: defaultConsumerGroupHeartbeatRequest,
    encodeResponse: encodeConsumerGroupHeartbeatResponse,
    decodeResponse: decodeConsumerGroupHeartbeatResponse,
    defaultResponse: defaultConsumerGroupHeartbeatResponse,
  },
  69: {
    key: 69,
    name: 'ConsumerGroupDescribe',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["zkBroker","broker"],
    encodeRequest: encodeConsumerGroupDescribeRequest,
    decodeRequest: decodeConsumerGroupDescribeRequest,
    defaultRequest: defaultConsumerGroupDescribeRequest,
    encodeResponse: encodeConsumerGroupDescribeResponse,
    decodeResponse: decodeConsumerGroupDescribeResponse,
    defaultResponse: defaultConsumerGroupDescribeResponse,
  },
  70: {
    key: 70,
    name: 'ControllerRegistration',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["controller"],
    encodeRequest: encodeControllerRegistrationRequest,
    decodeRequest: decodeControllerRegistrationRequest,
    defaultRequest: defaultControllerRegistrationRequest,
    encodeResponse: encodeControllerRegistrationResponse,
    decodeResponse: decodeControllerRegistrationResponse,
    defaultResponse: defaultControllerRegistrationResponse,
  },
  71: {
    key: 71,
    name: 'GetTelemetrySubscriptions',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["broker"],
    encodeRequest: encodeGetTelemetrySubscriptionsRequest,
    decodeRequest: decodeGetTelemetrySubscriptionsRequest,
    defaultRequest: defaultGetTelemetrySubscriptionsRequest,
    encodeResponse: encodeGetTelemetrySubscriptionsResponse,
    decodeResponse: decodeGetTelemetrySubscriptionsResponse,
    defaultResponse: defaultGetTelemetrySubscriptionsResponse,
  },
  72: {
    key: 72,
    name: 'PushTelemetry',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["broker"],
    encodeRequest: encodePushTelemetryRequest,
    decodeRequest: decodePushTelemetryRequest,
    defaultRequest: defaultPushTelemetryRequest,
    encodeResponse: encodePushTelemetryResponse,
    decodeResponse: decodePushTelemetryResponse,
    defaultResponse: defaultPushTelemetryResponse,
  },
  73: {
    key: 73,
    name: 'AssignReplicasToDirs',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["controller"],
    encodeRequest: encodeAssignReplicasToDirsRequest,
    decodeRequest: decodeAssignReplicasToDirsRequest,
    defaultRequest: defaultAssignReplicasToDirsRequest,
    encodeResponse: encodeAssignReplicasToDirsResponse,
    decodeResponse: decodeAssignReplicasToDirsResponse,
    defaultResponse: defaultAssignReplicasToDirsResponse,
  },
  74: {
    key: 74,
    name: 'ListClientMetricsResources',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["broker"],
    encodeRequest: encodeListClientMetricsResourcesRequest,
    decodeRequest: decodeListClientMetricsResourcesRequest,
    defaultRequest: defaultListClientMetricsResourcesRequest,
    encodeResponse: encodeListClientMetricsResourcesResponse,
    decodeResponse: decodeListClientMetricsResourcesResponse,
    defaultResponse: defaultListClientMetricsResourcesResponse,
  },
  75: {
    key: 75,
    name: 'DescribeTopicPartitions',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["broker"],
    encodeRequest: encodeDescribeTopicPartitionsRequest,
    decodeRequest: decodeDescribeTopicPartitionsRequest,
    defaultRequest: defaultDescribeTopicPartitionsRequest,
    encodeResponse: encodeDescribeTopicPartitionsResponse,
    decodeResponse: decodeDescribeTopicPartitionsResponse,
    defaultResponse: defaultDescribeTopicPartitionsResponse,
  },
  76: {
    key: 76,
    name: 'ShareGroupHeartbeat',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: true,
    listeners: ["broker"],
    encodeRequest: encodeShareGroupHeartbeatRequest,
    decodeRequest: decodeShareGroupHeartbeatRequest,
    defaultRequest: defaultShareGroupHeartbeatRequest,
    encodeResponse: encodeShareGroupHeartbeatResponse,
    decodeResponse: decodeShareGroupHeartbeatResponse,
    defaultResponse: defaultShareGroupHeartbeatResponse,
  },
  77: {
    key: 77,
    name: 'ShareGroupDescribe',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: true,
    listeners: ["broker"],
    encodeRequest: encodeShareGroupDescribeRequest,
    decodeRequest: decodeShareGroupDescribeRequest,
    defaultRequest: defaultShareGroupDescribeRequest,
    encodeResponse: encodeShareGroupDescribeResponse,
    decodeResponse: decodeShareGroupDescribeResponse,
    defaultResponse: defaultShareGroupDescribeResponse,
  },
  78: {
    key: 78,
    name: 'ShareFetch',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: true,
    listeners: ["broker"],
    encodeRequest: encodeShareFetchRequest,
    decodeRequest: decodeShareFetchRequest,
    defaultRequest: defaultShareFetchRequest,
    encodeResponse: encodeShareFetchResponse,
    decodeResponse: decodeShareFetchResponse,
    defaultResponse: defaultShareFetchResponse,
  },
  79: {
    key: 79,
    name: 'ShareAcknowledge',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: true,
    listeners: ["broker"],
    encodeRequest: encodeShareAcknowledgeRequest,
    decodeRequest: decodeShareAcknowledgeRequest,
    defaultRequest: defaultShareAcknowledgeRequest,
    encodeResponse: encodeShareAcknowledgeResponse,
    decodeResponse: decodeShareAcknowledgeResponse,
    defaultResponse: defaultShareAcknowledgeResponse,
  },
  80: {
    key: 80,
    name: 'AddRaftVoter',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["controller","broker"],
    encodeRequest: encodeAddRaftVoterRequest,
    decodeRequest: decodeAddRaftVoterRequest,
    defaultRequest: defaultAddRaftVoterRequest,
    encodeResponse: encodeAddRaftVoterResponse,
    decodeResponse: decodeAddRaftVoterResponse,
    defaultResponse: defaultAddRaftVoterResponse,
  },
  81: {
    key: 81,
    name: 'RemoveRaftVoter',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["controller","broker"],
    encodeRequest: encodeRemoveRaftVoterRequest,
    decodeRequest: decodeRemoveRaftVoterRequest,
    defaultRequest: defaultRemoveRaftVoterRequest,
    encodeResponse: encodeRemoveRaftVoterResponse,
    decodeResponse: decodeRemoveRaftVoterResponse,
    defaultResponse: defaultRemoveRaftVoterResponse,
  },
  82: {
    key: 82,
    name: 'UpdateRaftVoter',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: false,
    listeners: ["controller"],
    encodeRequest: encodeUpdateRaftVoterRequest,
    decodeRequest: decodeUpdateRaftVoterRequest,
    defaultRequest: defaultUpdateRaftVoterRequest,
    encodeResponse: encodeUpdateRaftVoterResponse,
    decodeResponse: decodeUpdateRaftVoterResponse,
    defaultResponse: defaultUpdateRaftVoterResponse,
  },
  83: {
    key: 83,
    name: 'InitializeShareGroupState',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: true,
    listeners: ["broker"],
    encodeRequest: encodeInitializeShareGroupStateRequest,
    decodeRequest: decodeInitializeShareGroupStateRequest,
    defaultRequest: defaultInitializeShareGroupStateRequest,
    encodeResponse: encodeInitializeShareGroupStateResponse,
    decodeResponse: decodeInitializeShareGroupStateResponse,
    defaultResponse: defaultInitializeShareGroupStateResponse,
  },
  84: {
    key: 84,
    name: 'ReadShareGroupState',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: true,
    listeners: ["broker"],
    encodeRequest: encodeReadShareGroupStateRequest,
    decodeRequest: decodeReadShareGroupStateRequest,
    defaultRequest: defaultReadShareGroupStateRequest,
    encodeResponse: encodeReadShareGroupStateResponse,
    decodeResponse: decodeReadShareGroupStateResponse,
    defaultResponse: defaultReadShareGroupStateResponse,
  },
  85: {
    key: 85,
    name: 'WriteShareGroupState',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: true,
    listeners: ["broker"],
    encodeRequest: encodeWriteShareGroupStateRequest,
    decodeRequest: decodeWriteShareGroupStateRequest,
    defaultRequest: defaultWriteShareGroupStateRequest,
    encodeResponse: encodeWriteShareGroupStateResponse,
    decodeResponse: decodeWriteShareGroupStateResponse,
    defaultResponse: defaultWriteShareGroupStateResponse,
  },
  86: {
    key: 86,
    name: 'DeleteShareGroupState',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: true,
    listeners: ["broker"],
    encodeRequest: encodeDeleteShareGroupStateRequest,
    decodeRequest: decodeDeleteShareGroupStateRequest,
    defaultRequest: defaultDeleteShareGroupStateRequest,
    encodeResponse: encodeDeleteShareGroupStateResponse,
    decodeResponse: decodeDeleteShareGroupStateResponse,
    defaultResponse: defaultDeleteShareGroupStateResponse,
  },
  87: {
    key: 87,
    name: 'ReadShareGroupStateSummary',
    minVersion: 0,
    maxVersion: 0,
    firstFlexibleVersion: 0,
    latestVersionUnstable: true,
    listeners: ["broker"],
    encodeRequest: encodeReadShareGroupStateSummaryRequest,
    decodeRequest: decodeReadShareGroupStateSummaryRequest,
    defaultRequest: defaultReadShareGroupStateSummaryRequest,
    encodeResponse: encodeReadShareGroupStateSummaryResponse,
    decodeResponse: decodeReadShareGroupStateSummaryResponse,
    defaultResponse: defaultReadShareGroupStateSummaryResponse,
  },
};
