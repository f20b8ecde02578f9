import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { safeReturnUrl } from '@mentorship/admin/util';
import { SessionStore } from './session.store';

/** Pages behind sign-in; the sign-in page brings the user back afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  if (inject(SessionStore).signedIn()) return true;
  return inject(Router).createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
};

/**
 * Sign-in and sign-up are for signed-out users only. Someone already signed in goes straight
 * to where the page would have sent them (e.g. back to an invitation link).
 */
export const signedOutGuard: CanActivateFn = (route) =>
  inject(SessionStore).signedIn()
    ? inject(Router).parseUrl(safeReturnUrl(route.queryParamMap.get('returnUrl')))
    : true;
