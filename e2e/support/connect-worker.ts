/**
 * The Kafka Connect worker the Connect spec starts itself: `sluice connect standalone` against the e2e
 * server's broker, its REST listener on the port playwright.config.ts handed the console as SLUICE_CONNECT_URL.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startStandaloneWorker,
  type StandaloneWorker,
} from '../../packages/connect/src/testing/worker-process.ts';
import { BOOTSTRAP } from './processes.ts';

export const CONNECT_URL = `http://127.0.0.1:${process.env.SLUICE_E2E_CONNECT_PORT}`;

export function startConnectWorker(): Promise<StandaloneWorker> {
  return startStandaloneWorker({
    bootstrap: BOOTSTRAP,
    dir: mkdtempSync(join(tmpdir(), 'sluice-e2e-connect-')),
    restPort: Number(process.env.SLUICE_E2E_CONNECT_PORT),
  });
}
