import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, switchMap, throwError } from 'rxjs';
import { PUBLIC_ENDPOINT } from '@mentorship/admin/data-access-api';
import { SessionStore } from './session.store';

/**
 * Adds the bearer token, and answers a 401 by refreshing the access token and retrying the
 * request once. When the refresh is refused the session is over: back to the sign-in page.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (request.context.get(PUBLIC_ENDPOINT)) return next(request);
  const session = inject(SessionStore);
  const router = inject(Router);
  const sentToken = session.accessToken();

  return next(withBearer(request, sentToken)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) return throwError(() => error);
      // Another request refreshed while this one was in flight: just use the newer token.
      const current = session.accessToken();
      if (current && current !== sentToken) return next(withBearer(request, current));
      if (!session.hasRefreshToken()) return throwError(() => error);
      return session.refreshAccessToken().pipe(
        catchError(() => {
          if (!session.signedIn()) {
            void router.navigate(['/sign-in'], { queryParams: { returnUrl: router.url } });
          }
          return throwError(() => error);
        }),
        switchMap((fresh) => next(withBearer(request, fresh))),
      );
    }),
  );
};

function withBearer(request: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}
