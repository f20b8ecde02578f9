import { createServer, Socket } from 'node:net';

/** A TCP proxy on localhost in front of a server, whose line a test can cut and restore. */
export interface TcpProxy {
  /** The port to connect to instead of the target's. */
  port: number;
  /** `url` (postgres://…@host:port/…) with its host and port turned to the proxy. */
  through(url: string): string;
  /** Drops every open connection and refuses new ones until `restore()`: the server seems gone. */
  cut(): void;
  restore(): void;
  /** Connections passed through so far (a cut one included). */
  connections(): number;
  close(): Promise<void>;
}

/**
 * node:net, both ways, nothing parsed: what a process on the far side of a failed network sees.
 * Used to take Postgres away from a worker without stopping the shared Postgres.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let isCut = false;
  let passed = 0;
  const server = createServer((client) => {
    if (isCut) return client.destroy();
    passed++;
    const upstream = new Socket();
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      // A reset is the point of a cut; either side's error just ends the pair.
      socket.on('error', () => undefined);
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    upstream.connect(target.port, target.host, () => {
      client.pipe(upstream);
      upstream.pipe(client);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    through(url) {
      const parsed = new URL(url);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(port);
      return parsed.toString();
    },
    cut() {
      isCut = true;
      for (const socket of open) socket.destroy();
    },
    restore() {
      isCut = false;
    },
    connections: () => passed,
    close() {
      isCut = true;
      for (const socket of open) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
