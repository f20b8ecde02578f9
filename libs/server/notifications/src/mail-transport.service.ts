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

/** SMTP through nodemailer; SMTP_URL says where (a local sink in tests and in the demo). */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;

  constructor(private readonly config: AppConfig) {
    this.transporter = createTransport(withTimeouts(config.smtpUrl, config.smtpTimeoutSeconds * 1000));
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
