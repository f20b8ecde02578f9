import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  from: string;
  to: string[];
  raw: string;
}

/**
 * How the sink answers a message: `accept` keeps it; `refuse` answers the data with a 451 (the
 * server's "try again later"); `stall` reads it and never answers, so the sender times out.
 */
export type SmtpSinkMode = 'accept' | 'refuse' | 'stall';

/** A real SMTP server on localhost that keeps what it receives, for tests and the demo. */
export interface SmtpSink {
  url: string;
  messages: ReceivedEmail[];
  /** Messages accepted so far (also those not kept). */
  received(): number;
  /** Messages refused or left stalled, in the order they came. */
  turnedAway: ReceivedEmail[];
  /** From now on answer every message this way (stalled ones are let go when the mode changes). */
  setMode(mode: SmtpSinkMode): void;
  waitFor(predicate: (email: ReceivedEmail) => boolean, timeoutMs?: number): Promise<ReceivedEmail>;
  /**
   * From now on, an accepted message's final reply waits for `resume()`: its sender sits inside
   * its SMTP conversation, as with a slow server. A message counts as received (`messages`) only
   * once it is answered with its sender still connected, as a real server accepts it.
   */
  pause(): void;
  resume(): void;
  /**
   * Messages whose reply waits for `resume()`; of one sender only with `client`, the name it
   * greets with (nodemailer's `name`: `smtp://host:port/?name=worker-a`). A sender that hangs
   * up while waiting takes its message away: it was never accepted.
   */
  held(client?: string): number;
  close(): Promise<void>;
}

export async function startSmtpSink(
  options: {
    port?: number;
    onMessage?: (email: ReceivedEmail) => void;
    /** False: count messages (`received()`) without keeping them (benchmarks of 100,000 emails). */
    keep?: boolean;
  } = {},
): Promise<SmtpSink> {
  const messages: ReceivedEmail[] = [];
  const turnedAway: ReceivedEmail[] = [];
  let mode: SmtpSinkMode = 'accept';
  // Stalled answers, released (as a refusal) when the mode changes or the sink closes.
  let stalled: (() => void)[] = [];
  const releaseStalled = () => {
    for (const release of stalled) release();
    stalled = [];
  };
  const closedSessions = new Set<string>();
  let paused = false;
  let received = 0;
  let waiting: { session: string; client: string; accept: () => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onClose(session) {
      closedSessions.add(session.id);
      waiting = waiting.filter((held) => held.session !== session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const email = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        if (mode === 'refuse') {
          turnedAway.push(email);
          callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
          return;
        }
        if (mode === 'stall') {
          turnedAway.push(email);
          stalled.push(() => callback(Object.assign(new Error('Stalled'), { responseCode: 451 })));
          return;
        }
        const accept = () => {
          // Its sender hung up (or died) before the answer: the message was never accepted.
          if (closedSessions.has(session.id)) return callback(new Error('sender gone'));
          received++;
          if (options.keep !== false) messages.push(email);
          options.onMessage?.(email);
          callback();
        };
        if (paused) waiting.push({ session: session.id, client: session.hostNameAppearsAs, accept });
        else accept();
      });
    },
  });
  // A sender that dies mid-message (the SIGKILLed worker of the fault tests) resets its
  // connection inside an SMTP transaction, which smtp-server emits as an error: its message was
  // never accepted (nor counted), and a real server carries on. Anything else still throws.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') throw error;
  });
  const resume = () => {
    paused = false;
    const answers = waiting;
    waiting = [];
    for (const held of answers) held.accept();
  };
  // The sink's sockets keep Nagle's algorithm (the senders' do not: MailTransport's
  // connectWithoutNagle). SMTP without pipelining is command and reply: the sink writes a reply
  // only once the sender's command has come, and that command ACKs whatever the sink wrote
  // before, so a reply never waits behind un-ACKed data. The sender is the side that writes
  // several times in a row (a message's parts and its final dot) with nothing coming back.
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    turnedAway,
    received: () => received,
    setMode(next) {
      mode = next;
      releaseStalled();
    },
    async waitFor(predicate, timeoutMs = 15000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = messages.find(predicate);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no matching email within ${timeoutMs} ms (received ${messages.length})`);
    },
    pause: () => void (paused = true),
    resume,
    held: (client) => waiting.filter((held) => client === undefined || held.client === client).length,
    close: () => {
      resume();
      releaseStalled();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
