import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { SessionStore } from './session.store';

/** Pages behind sign-in; the sign-in page brings the user back afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  if (inject(SessionStore).signedIn()) return true;
  return inject(Router).createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
};

/** The sign-in page is for signed-out users only. */
export const signedOutGuard: CanActivateFn = () =>
  inject(SessionStore).signedIn() ? inject(Router).createUrlTree(['/orgs']) : true;
