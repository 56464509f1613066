import { ApiKey, ErrorCode, defaultDescribeClusterResponse } from '@sluice/protocol';
import {
  AclOperation,
  CLUSTER_NAME,
  OPERATIONS_NOT_REQUESTED,
  ResourceType,
} from '../security/acl-operations.ts';
import { authorizeCluster, authorizedOperationsFor } from './authorization.ts';
import { defineHandler } from './handler.ts';

/** Kafka's EndpointType ids (KIP-919): a broker serves BROKER; CONTROLLER is for controllers. */
const BROKERS_ENDPOINT = 1;
const CONTROLLERS_ENDPOINT = 2;

export const describeClusterHandler = defineHandler({
  apiKey: ApiKey.DescribeCluster,
  minVersion: 0,
  maxVersion: 1,
  errorResponse: (_request, { errorCode, errorMessage }) => ({
    ...defaultDescribeClusterResponse(),
    errorCode,
    errorMessage,
  }),
  handle({ body }, context) {
    const { services, listenerName } = context;
    // Kafka's AuthHelper.computeDescribeClusterResponse: an endpoint type other than BROKER is refused before
    // anything else is computed. v0 carries no endpoint type (it decodes as BROKER).
    if (body.endpointType !== BROKERS_ENDPOINT) {
      const known = body.endpointType === CONTROLLERS_ENDPOINT;
      return {
        ...defaultDescribeClusterResponse(),
        errorCode: known ? ErrorCode.MISMATCHED_ENDPOINT_TYPE : ErrorCode.UNSUPPORTED_ENDPOINT_TYPE,
        errorMessage: known
          ? 'The request was sent to an endpoint of type BROKER, but we wanted an endpoint of type CONTROLLER'
          : `Unsupported endpoint type ${body.endpointType}`,
      };
    }
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      endpointType: BROKERS_ENDPOINT,
      clusterId: services.topics.clusterId,
      controllerId: services.controllerId(),
      brokers: services
        .brokers(listenerName)
        .map((b) => ({ brokerId: b.nodeId, host: b.host, port: b.port, rack: b.rack })),
      // As Kafka: 0 for a principal that may not describe the cluster.
      clusterAuthorizedOperations: body.includeClusterAuthorizedOperations
        ? authorizeCluster(context, AclOperation.DESCRIBE, false)
          ? authorizedOperationsFor(context, ResourceType.CLUSTER, CLUSTER_NAME)
          : 0
        : OPERATIONS_NOT_REQUESTED,
    };
  },
});
