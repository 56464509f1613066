export * from './connection.ts';
export * from './cluster-client.ts';
export * from './partitioner.ts';
