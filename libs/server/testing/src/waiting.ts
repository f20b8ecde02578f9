import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';

/**
 * A TCP port nobody listens on right now, for a process a test starts. Drawn below Linux's
 * ephemeral range (32768-60999), not from `listen(0)`: a port from that range is free again once
 * it is handed out, and in the seconds before the child listens on it (the demo spec's child
 * migrates and seeds first) another test's `listen(0)` or outgoing connection can be given the
 * same port — the demo spec once signed in to another test's API that way and got 401.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + randomInt(12_000);
    if (await canListen(port)) return port;
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Polls `check` until it holds; a bound on a hang, not a judgement of speed (a thrown error
 * or a rejected promise counts as "not yet").
 */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 45_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await Promise.resolve()
        .then(check)
        .catch(() => false)
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}
