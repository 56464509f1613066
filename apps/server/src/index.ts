export { createSluiceServer } from './server.ts';
export type { SluiceServer, SluiceServerOptions } from './server.ts';
export { runServer } from './cli.ts';
