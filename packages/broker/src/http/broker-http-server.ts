/**
 * The broker's own HTTP endpoint (sluice.http.port), so Prometheus scrapes every broker of a cluster:
 *
 *   GET /metrics             the broker's series and the process's, in Prometheus text format
 *   GET /v1/cleaner[?topic=] the log cleaner's status of each partition (Broker.cleanerStatus()) as JSON
 *
 * Read-only and unauthenticated, as Kafka's JMX exporter agent is: it binds the broker's host (loopback
 * unless told otherwise). Anything else is 404; a method other than GET or HEAD is 405.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PartitionCleanerStatus } from '../storage/cleaner-status.ts';
import type { Logger } from '../logger.ts';
import { EXPOSITION_CONTENT_TYPE } from './process-metrics.ts';

export interface BrokerHttpRoutes {
  metrics(): Promise<string>;
  cleanerStatus(): PartitionCleanerStatus[];
}

export class BrokerHttpServer {
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async listen(
    host: string,
    port: number,
    routes: BrokerHttpRoutes,
    log: Logger,
  ): Promise<BrokerHttpServer> {
    const server = createServer((req, res) => {
      serve(req, res, routes).catch((error: unknown) => {
        log.error(`HTTP ${req.method} ${req.url} failed`, error);
        if (!res.headersSent) send(res, 500, 'application/json', JSON.stringify({ error: 'internal error' }));
        else res.destroy();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new BrokerHttpServer(server, (server.address() as AddressInfo).port);
  }

  close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    return closed;
  }
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(body);
}

async function serve(req: IncomingMessage, res: ServerResponse, routes: BrokerHttpRoutes): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const known = url.pathname === '/metrics' || url.pathname === '/v1/cleaner';
  if (!known) {
    send(res, 404, 'application/json', JSON.stringify({ error: 'not found' }));
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    send(res, 405, 'application/json', JSON.stringify({ error: 'method not allowed' }));
    return;
  }
  if (url.pathname === '/metrics') {
    send(res, 200, EXPOSITION_CONTENT_TYPE, await routes.metrics());
    return;
  }
  const topic = url.searchParams.get('topic');
  const statuses = routes.cleanerStatus().filter((s) => topic === null || s.topic === topic);
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(statuses));
}
