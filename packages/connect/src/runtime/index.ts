/** The Connect worker runtime: the standalone and distributed workers, their REST API and herders. */
export * from './connect-worker.ts';
export * from './herder.ts';
export * from './worker-config.ts';
export * from './rest/connect-rest-server.ts';
