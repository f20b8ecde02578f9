import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig, signingKey } from '@mentorship/platform';

/** Who and what an unsubscribe link is for: one member's email of one kind, in one organization. */
export interface UnsubscribeGrant {
  organizationId: string;
  userId: string;
  kind: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KIND = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/**
 * The token in every email's unsubscribe link: `<organization>.<user>.<kind>.<HMAC>`. It works
 * without signing in (the link is the credential, as mail clients and RFC 8058 expect) and only
 * for what it names: it turns off that one kind's email and can do nothing else. It does not
 * expire: an old email's link should still work. Nothing stores it.
 */
@Injectable()
export class UnsubscribeTokens {
  private readonly key: Buffer;

  constructor(private readonly config: AppConfig) {
    this.key = signingKey(config, 'unsubscribe-token');
  }

  issue(grant: UnsubscribeGrant): string {
    return `${grant.organizationId}.${grant.userId}.${grant.kind}.${this.mac(grant)}`;
  }

  verify(token: string): UnsubscribeGrant | null {
    const parts = token.split('.');
    if (parts.length < 4) return null;
    const [organizationId, userId] = parts;
    const mac = parts[parts.length - 1];
    const kind = parts.slice(2, -1).join('.');
    if (!organizationId || !userId || !mac || !UUID.test(organizationId) || !UUID.test(userId)) return null;
    if (!KIND.test(kind)) return null;
    const grant = { organizationId, userId, kind };
    const expected = Buffer.from(this.mac(grant));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given) ? grant : null;
  }

  /** The admin app's page that shows what the link turns off and asks to confirm. */
  url(grant: UnsubscribeGrant): string {
    const url = new URL('/unsubscribe', this.config.publicUrl);
    url.searchParams.set('token', this.issue(grant));
    return url.toString();
  }

  private mac(grant: UnsubscribeGrant): string {
    return createHmac('sha256', this.key)
      .update(`unsubscribe:${grant.organizationId}:${grant.userId}:${grant.kind}`)
      .digest('base64url');
  }
}
