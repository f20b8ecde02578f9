/** Where a signed-out visitor goes once signed in, unless a page asked to come back. */
export const DEFAULT_RETURN_URL = '/orgs';

/** Only paths inside this app: a return URL must not send the user to another site. */
export function safeReturnUrl(url: string | null | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')
    ? url
    : DEFAULT_RETURN_URL;
}

/** The invitation page sends people through sign-in/sign-up with its own URL as the return URL. */
export function isInvitationReturn(url: string | null | undefined): boolean {
  return safeReturnUrl(url).startsWith('/invitations/accept');
}
