/** `node --import tsx apps/server/src/main.ts`: what `npm start` runs (see cli.ts). */
import { runServer } from './cli.ts';

await runServer(process.argv.slice(2));
