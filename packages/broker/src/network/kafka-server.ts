/**
 * A Kafka listener: accepts TCP connections (TLS ones on SSL and SASL_SSL listeners) and hands each to a
 * Connection. The broker's client listeners and the controller listener are all KafkaServers, set up
 * differently (listener.ts).
 *
 * TLS: a handshake that fails (plaintext or garbage on a TLS port, an untrusted or missing client certificate
 * under ssl.client.auth=required) is logged with its reason and the socket closed; only a completed handshake
 * becomes a Connection. Under ssl.client.auth=requested a client may come without a certificate, but one that
 * presents an untrusted certificate is refused.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { ANONYMOUS, USER_TYPE, type KafkaPrincipal } from '../security/kafka-principal.ts';
import { applyPrincipalMappingRules, subjectDistinguishedName } from '../security/ssl-principal.ts';
import type { ListenerTls } from '../security/ssl-context.ts';
import { Connection } from './connection.ts';
import type { ListenerSetup } from './listener.ts';

export class KafkaServer<C> {
  private readonly server: Server;
  private readonly connections = new Set<Connection<C>>();
  private nextConnectionId = 1;

  constructor(private readonly services: ListenerSetup<C>) {
    const tls = services.tls;
    if (tls) {
      const server = createTlsServer(tls.options, (socket) => this.acceptTls(socket, tls));
      server.on('tlsClientError', (error, socket) => {
        services.log.warn(
          `Failed authentication with ${socket.remoteAddress ?? '?'} (SSL handshake failed: ${error.message})`,
        );
        socket.destroy();
      });
      this.server = server;
    } else {
      this.server = createServer((socket) => this.accept(socket, null));
    }
    this.server.on('error', (error) => services.log.error('listener error', error));
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  private acceptTls(socket: TLSSocket, tls: ListenerTls): void {
    const certificate = socket.getPeerX509Certificate();
    if (certificate && !socket.authorized) {
      this.services.log.warn(
        `Failed authentication with ${socket.remoteAddress ?? '?'} (SSL handshake failed: client certificate not trusted: ${String(socket.authorizationError)})`,
      );
      socket.destroy();
      return;
    }
    let principal: KafkaPrincipal = ANONYMOUS;
    if (certificate) {
      try {
        const dn = subjectDistinguishedName(certificate);
        principal = { type: USER_TYPE, name: applyPrincipalMappingRules(tls.principalMappingRules, dn) };
      } catch (error) {
        this.services.log.warn(
          `Failed authentication with ${socket.remoteAddress ?? '?'} (${(error as Error).message})`,
        );
        socket.destroy();
        return;
      }
    }
    this.accept(socket, principal);
  }

  private accept(socket: Socket, tlsPrincipal: KafkaPrincipal | null): void {
    if (this.connections.size >= this.services.limits().maxConnections) {
      socket.destroy();
      return;
    }
    const connection = new Connection(
      this.nextConnectionId++,
      socket,
      this.services,
      (c) => this.connections.delete(c),
      tlsPrincipal,
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
