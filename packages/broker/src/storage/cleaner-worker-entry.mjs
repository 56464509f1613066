// Worker threads do not inherit the TypeScript loader the broker was started with (`--import tsx`, tsx's CLI or
// register() in bin/sluice.mjs): the cleaner thread registers it itself, then loads its TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./cleaner-worker.ts');
