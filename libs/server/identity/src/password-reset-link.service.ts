import { createHash, createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig, signingKey } from '@mentorship/platform';

/**
 * A reset link's token is derived from the reset's id with a key of its own (HMAC), so neither
 * the outbox, Redis nor the database ever holds it: the email job recomputes it from the id,
 * and the database keeps only its SHA-256 to find the reset by.
 */
@Injectable()
export class PasswordResetLinks {
  private readonly key: Buffer;

  constructor(private readonly config: AppConfig) {
    this.key = signingKey(config, 'password-reset-token');
  }

  tokenOf(resetId: string): string {
    return createHmac('sha256', this.key).update(resetId).digest('base64url');
  }

  static hashOf(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  urlOf(resetId: string): string {
    const link = new URL('/reset-password', this.config.publicUrl);
    link.searchParams.set('token', this.tokenOf(resetId));
    return link.toString();
  }
}
