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
    this.transporter = createTransport(config.smtpUrl);
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.transporter.sendMail({ from: this.config.mailFrom, ...email });
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
