import { ApiKey, ErrorCode } from '@sluice/protocol';
import { AclOperation } from '../security/acl-operations.ts';
import { partitionKey } from '../transactions/transaction-metadata.ts';
import { authorizeCluster } from './authorization.ts';
import { defineHandler } from './handler.ts';

/**
 * WriteTxnMarkers: a transaction coordinator (or an admin aborting a hanging transaction, as
 * kafka-transactions.sh abort does) asks this broker to write COMMIT or ABORT markers to partitions it leads.
 * Answered per partition once each marker is committed. Needs ClusterAction.
 */
export const writeTxnMarkersHandler = defineHandler({
  apiKey: ApiKey.WriteTxnMarkers,
  minVersion: 0,
  maxVersion: 1,
  errorResponse: ({ body }, { errorCode }) => ({
    markers: body.markers.map(({ producerId, topics }) => ({
      producerId,
      topics: topics.map(({ name, partitionIndexes }) => ({
        name,
        partitions: partitionIndexes.map((partitionIndex) => ({ partitionIndex, errorCode })),
      })),
    })),
  }),
  async handle({ body }, context) {
    const refused = !authorizeCluster(context, AclOperation.CLUSTER_ACTION);
    const markers = await Promise.all(
      body.markers.map(async (marker) => {
        const partitions = marker.topics.flatMap(({ name, partitionIndexes }) =>
          partitionIndexes.map((partition) => ({ topic: name, partition })),
        );
        const results = refused
          ? new Map<string, number>()
          : await context.services.txnMarkers.write(
              {
                producerId: marker.producerId,
                producerEpoch: marker.producerEpoch,
                coordinatorEpoch: marker.coordinatorEpoch,
                commit: marker.transactionResult,
              },
              partitions,
            );
        return {
          producerId: marker.producerId,
          topics: marker.topics.map(({ name, partitionIndexes }) => ({
            name,
            partitions: partitionIndexes.map((partitionIndex) => ({
              partitionIndex,
              errorCode: refused
                ? ErrorCode.CLUSTER_AUTHORIZATION_FAILED
                : (results.get(partitionKey({ topic: name, partition: partitionIndex })) ??
                  ErrorCode.UNKNOWN_SERVER_ERROR),
            })),
          })),
        };
      }),
    );
    return { markers };
  },
});
