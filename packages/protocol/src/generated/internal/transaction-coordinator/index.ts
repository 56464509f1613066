// Generated index of internal/transaction-coordinator. DO NOT EDIT.
export * from './transaction-log-key.ts';
export * from './transaction-log-value.ts';
