import { createHmac } from 'node:crypto';
import { AppConfig, signingKey } from '@mentorship/platform';
import { InvitationTokens } from './invitation-tokens.service';

describe(InvitationTokens.name, () => {
  const config = Object.assign(new AppConfig(), {
    tokenSecret: 's'.repeat(40),
    publicUrl: 'https://mentoring.example.org',
  });
  const tokens = new InvitationTokens(config);
  const org = '5f0c1a8e-8a47-4c3e-9d55-2f5e7d8f9a10';
  const invitation = '0b8f8f3c-2d1e-4a5b-8c7d-6e5f4a3b2c1d';

  it('verifies its own tokens for the same organization only', () => {
    const token = tokens.issue(org, invitation);
    expect(tokens.verify(org, token)).toBe(invitation);
    expect(tokens.verify('7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', token)).toBeNull();
  });

  it('refuses tampered, truncated and foreign-secret tokens', () => {
    const token = tokens.issue(org, invitation);
    expect(tokens.verify(org, token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBeNull();
    expect(tokens.verify(org, invitation)).toBeNull();
    expect(tokens.verify(org, 'garbage')).toBeNull();
    const other = new InvitationTokens(Object.assign(new AppConfig(), { tokenSecret: 'o'.repeat(40) }));
    expect(tokens.verify(org, other.issue(org, invitation))).toBeNull();
  });

  it('signs with a key of its own: neither TOKEN_SECRET itself nor the access-token key', () => {
    const mac = tokens.issue(org, invitation).split('.')[1];
    const macWith = (key: string | Buffer) =>
      createHmac('sha256', key).update(`invitation:${org}:${invitation}`).digest('base64url');
    expect(macWith(signingKey(config, 'invitation-token'))).toBe(mac);
    expect(macWith(config.tokenSecret)).not.toBe(mac);
    expect(macWith(signingKey(config, 'access-token'))).not.toBe(mac);
  });

  it('builds the accept link on the public URL', () => {
    const url = new URL(tokens.acceptUrl(org, invitation));
    expect(url.origin + url.pathname).toBe('https://mentoring.example.org/invitations/accept');
    expect(tokens.verify(org, url.searchParams.get('token')!)).toBe(invitation);
  });
});
