import { ApiKey, ErrorCode, defaultDescribeClusterResponse } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

const BROKERS_ENDPOINT = 1;
const OPERATIONS_NOT_REQUESTED = -2147483648;

export const describeClusterHandler = defineHandler({
  apiKey: ApiKey.DescribeCluster,
  minVersion: 0,
  maxVersion: 1,
  errorResponse: (_request, { errorCode, errorMessage }) => ({
    ...defaultDescribeClusterResponse(),
    errorCode,
    errorMessage,
  }),
  handle({ body, apiVersion }, { services }) {
    const base = {
      throttleTimeMs: 0,
      endpointType: BROKERS_ENDPOINT,
      clusterId: services.topics.clusterId,
      controllerId: services.controllerId(),
      clusterAuthorizedOperations: OPERATIONS_NOT_REQUESTED,
    };
    if (apiVersion >= 1 && body.endpointType !== BROKERS_ENDPOINT) {
      return {
        ...base,
        errorCode: ErrorCode.UNSUPPORTED_ENDPOINT_TYPE,
        errorMessage:
          'The request was sent to an endpoint of type BROKER, but we wanted an endpoint of type CONTROLLER',
        brokers: [],
      };
    }
    return {
      ...base,
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      brokers: services
        .brokers()
        .map((b) => ({ brokerId: b.nodeId, host: b.host, port: b.port, rack: b.rack })),
    };
  },
});
