import { connect, type Socket } from 'node:net';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@mentorship/platform';
import { createTransport, type Transporter } from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. `List-Unsubscribe` on notification emails. */
  headers?: Record<string, string>;
}

/**
 * SMTP through nodemailer; SMTP_URL says where (a local sink in tests and in the demo). Pooled:
 * a few connections kept open and reused, where a transport without a pool opens a connection
 * (TCP, greeting, EHLO, maybe TLS and AUTH) for every email and closes it after. Its sockets
 * send without Nagle's delay (`connectWithoutNagle`).
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;

  constructor(private readonly config: AppConfig) {
    this.transporter = createTransport({
      ...parseConnectionUrl(pooled(withTimeouts(config.smtpUrl, config.smtpTimeoutSeconds * 1000))),
      getSocket: connectWithoutNagle,
    });
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.transporter.sendMail({ from: this.config.mailFrom, ...email });
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}

/**
 * SMTP_URL with nodemailer's three timeouts (it reads them from the query) set to `ms` unless the
 * URL sets its own: a server that accepts the connection and then stalls fails the send in time.
 */
export function withTimeouts(smtpUrl: string, ms: number): string {
  const url = new URL(smtpUrl);
  for (const option of ['connectionTimeout', 'greetingTimeout', 'socketTimeout'])
    if (!url.searchParams.has(option)) url.searchParams.set(option, String(ms));
  return url.toString();
}

/**
 * SMTP_URL with nodemailer's pool on (`pool=true`, read from the query) unless the URL says
 * otherwise: its default of at most 5 connections, each reused for up to 100 emails.
 */
export function pooled(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  return url.toString();
}

/**
 * nodemailer's `getSocket`: the TCP connection to the SMTP server, opened with `noDelay` (no
 * Nagle's algorithm), handed to nodemailer once connected (it then greets, upgrades to TLS for
 * smtps, etc. as on its own socket). nodemailer writes a message as several small writes (the
 * last of them the end-of-data dot); with Nagle on, each write after the first waits for the
 * ACK of the one before, and the server's delayed ACK holds that back about 40 ms: an email
 * took 40 ms whatever the server, some 80 emails a second at the pool's concurrency. nodemailer
 * has no option for it and opens its own sockets with Nagle on.
 */
export function connectWithoutNagle(
  options: SMTPConnection.Options,
  callback: (error: Error | null, socketOptions?: { connection: Socket }) => void,
): void {
  // Where nodemailer itself would connect (SMTPConnection's defaults).
  const secure = options.secure ?? options.port === 465;
  const socket = connect({
    host: options.host || 'localhost',
    port: Number(options.port) || (secure ? 465 : 587),
    noDelay: true,
  });
  // nodemailer's connection timeout starts once it has the socket: this one covers the connect.
  const timer = setTimeout(
    () => fail(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' })),
    options.connectionTimeout ?? 2 * 60 * 1000,
  );
  const fail = (error: Error) => {
    clearTimeout(timer);
    socket.removeListener('connect', connected);
    socket.destroy();
    callback(error);
  };
  const connected = () => {
    clearTimeout(timer);
    socket.removeListener('error', fail);
    // nodemailer attaches its own error handler in this same call, before any other event.
    callback(null, { connection: socket });
  };
  socket.once('error', fail);
  socket.once('connect', connected);
}
