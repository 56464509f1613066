export * from './connection.ts';
export * from './cluster-client.ts';
export * from './partitioner.ts';
export * from './offset-reset.ts';
export * from './reassignments.ts';
export * from './security.ts';
export * from './client-quotas.ts';
export * from './scram-credentials.ts';
