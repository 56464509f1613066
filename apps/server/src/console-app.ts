import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nextModule from 'next';

// next is CommonJS with `module.exports = createServer`; its types declare an ES default export, which NodeNext
// types as the module namespace. The runtime value of the default import is the function itself.
const next = nextModule as unknown as typeof nextModule.default;

export const CONSOLE_DIR = fileURLToPath(new URL('../../console', import.meta.url));

export class ConsoleNotBuiltError extends Error {
  constructor(dir: string) {
    super(
      `the console has no production build in ${join(dir, '.next')}: ` +
        'run `npx turbo run build --filter=@sluice/console` (npm start does this for you)',
    );
    this.name = 'ConsoleNotBuiltError';
  }
}

export interface ConsoleApp {
  handle: ReturnType<ReturnType<typeof next>['getRequestHandler']>;
  close(): Promise<void>;
}

/** Checked before anything starts, so a missing build fails at once with the command that fixes it. */
export function assertConsoleBuilt(dir: string): void {
  if (!existsSync(join(dir, '.next', 'BUILD_ID'))) throw new ConsoleNotBuiltError(dir);
}

/** The Next.js production server for apps/console, as a request handler the Sluice http server delegates to. */
export async function loadConsoleApp(options: {
  dir: string;
  hostname: string;
  port: number;
}): Promise<ConsoleApp> {
  const app = next({ dev: false, dir: options.dir, hostname: options.hostname, port: options.port });
  await app.prepare();
  return { handle: app.getRequestHandler(), close: () => app.close() };
}
