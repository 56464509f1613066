// Generated index of internal/raft. DO NOT EDIT.
export * from './quorum-state-data.ts';
