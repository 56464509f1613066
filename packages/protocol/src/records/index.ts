export * from './batch-header.ts';
export * from './legacy-message-set.ts';
export * from './consumer-offsets.ts';
export * from './record-batch.ts';
export * from './transaction-log.ts';
