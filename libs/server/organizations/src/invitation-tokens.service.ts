import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig, signingKey } from '@mentorship/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Invitation tokens are `<invitation id>.<HMAC of organization and id>`: the worker can
 * rebuild the link from the invitation alone, and neither Postgres nor Redis ever holds a
 * usable token.
 */
@Injectable()
export class InvitationTokens {
  /** A key of their own: an access token's key can never sign an invitation, nor the reverse. */
  private readonly key: Buffer;

  constructor(private readonly config: AppConfig) {
    this.key = signingKey(config, 'invitation-token');
  }

  issue(organizationId: string, invitationId: string): string {
    return `${invitationId}.${this.mac(organizationId, invitationId)}`;
  }

  /** The invitation id the token is valid for in this organization, or null. */
  verify(organizationId: string, token: string): string | null {
    const [invitationId, mac] = token.split('.');
    if (!invitationId || !mac || !UUID.test(invitationId)) return null;
    const expected = Buffer.from(this.mac(organizationId, invitationId));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given) ? invitationId : null;
  }

  acceptUrl(organizationId: string, invitationId: string): string {
    const url = new URL('/invitations/accept', this.config.publicUrl);
    url.searchParams.set('org', organizationId);
    url.searchParams.set('token', this.issue(organizationId, invitationId));
    return url.toString();
  }

  private mac(organizationId: string, invitationId: string): string {
    return createHmac('sha256', this.key)
      .update(`invitation:${organizationId}:${invitationId}`)
      .digest('base64url');
  }
}
