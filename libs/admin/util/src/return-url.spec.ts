import { DEFAULT_RETURN_URL, isInvitationReturn, safeReturnUrl } from './return-url';

describe(safeReturnUrl.name, () => {
  it('keeps paths inside this app', () => {
    expect(safeReturnUrl('/orgs/o1/members?page=2')).toBe('/orgs/o1/members?page=2');
  });

  it('refuses anything that could leave the app', () => {
    for (const url of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '',
    ]) {
      expect(safeReturnUrl(url)).toBe(DEFAULT_RETURN_URL);
    }
    expect(safeReturnUrl(null)).toBe(DEFAULT_RETURN_URL);
  });

  it('knows the invitation page by its path', () => {
    expect(isInvitationReturn('/invitations/accept?org=o&token=t')).toBe(true);
    expect(isInvitationReturn('//invitations/accept')).toBe(false);
  });
});
