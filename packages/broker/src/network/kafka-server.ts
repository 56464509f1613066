/**
 * A Kafka listener: accepts TCP connections and hands each to a Connection. The broker's client listener and the
 * controller listener are both KafkaServers, set up differently (listener.ts).
 */
import { createServer, type Server, type Socket } from 'node:net';
import { Connection } from './connection.ts';
import type { ListenerSetup } from './listener.ts';

export class KafkaServer<C> {
  private readonly server: Server;
  private readonly connections = new Set<Connection<C>>();
  private nextConnectionId = 1;

  constructor(private readonly services: ListenerSetup<C>) {
    this.server = createServer((socket) => this.accept(socket));
    this.server.on('error', (error) => services.log.error('listener error', error));
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  private accept(socket: Socket): void {
    if (this.connections.size >= this.services.limits().maxConnections) {
      socket.destroy();
      return;
    }
    const connection = new Connection(this.nextConnectionId++, socket, this.services, (c) =>
      this.connections.delete(c),
    );
    this.connections.add(connection);
  }

  /** Binds host:port (port 0 picks a free one) and resolves with the bound port. */
  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen({ host, port, backlog: 1024 }, () => {
        this.server.off('error', reject);
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const connection of [...this.connections]) connection.close('broker shutting down');
    await closed;
  }
}
