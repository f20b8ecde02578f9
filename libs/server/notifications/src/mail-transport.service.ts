import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@mentorship/platform';
import { createTransport, type Transporter } from 'nodemailer';

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
 * (TCP, greeting, EHLO, maybe TLS and AUTH) for every email and closes it after.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;

  constructor(private readonly config: AppConfig) {
    this.transporter = createTransport(
      pooled(withTimeouts(config.smtpUrl, config.smtpTimeoutSeconds * 1000)),
    );
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
