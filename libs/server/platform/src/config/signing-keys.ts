import { hkdfSync } from 'node:crypto';
import type { AppConfig } from './app-config';

/** What a key signs. Each gets its own, so a token of one kind can never pass for another. */
export type SigningPurpose = 'access-token' | 'invitation-token';

/** A 256-bit key for `purpose`, derived from TOKEN_SECRET with HKDF-SHA256. */
export function signingKey(config: Pick<AppConfig, 'tokenSecret'>, purpose: SigningPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', config.tokenSecret, '', `mentorship-map ${purpose}`, 32));
}
