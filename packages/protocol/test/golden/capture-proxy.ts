/**
 * A tiny capture server for golden-bytes tests: a TCP proxy in front of a real broker that keeps every request
 * frame a client sends (without its size prefix) and passes all bytes through unchanged both ways.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { FrameReader } from '../../src/frame-reader.ts';

export class CaptureProxy {
  readonly frames: Buffer[] = [];
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;
  /** The broker's port; set once the broker is up (it must know the proxy's port first, to advertise it). */
  targetPort = 0;

  constructor() {
    this.server = createServer((client) => {
      const upstream = connect(this.targetPort, '127.0.0.1');
      const reader = new FrameReader(256 * 1024 * 1024);
      this.sockets.add(client).add(upstream);
      client.on('data', (chunk: Buffer) => {
        for (const frame of reader.push(chunk)) this.frames.push(Buffer.from(frame));
        upstream.write(chunk);
      });
      upstream.on('data', (chunk: Buffer) => client.write(chunk));
      const close = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('close', close).on('error', close);
      upstream.on('close', close).on('error', close);
    });
  }

  listen(): Promise<number> {
    return new Promise((resolve) =>
      this.server.listen(0, '127.0.0.1', () => {
        const address = this.server.address();
        this.port = typeof address === 'object' && address ? address.port : 0;
        resolve(this.port);
      }),
    );
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
