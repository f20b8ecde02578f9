import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet, { strictTransportSecurity } from 'helmet';

/**
 * The Content-Security-Policy of the API and the admin app (infra/docker/nginx.conf sends
 * the same when nginx serves the admin). Scripts only from our own origin, never inline or
 * eval'd. Styles may be inline: Angular adds each component's styles as a <style> element at
 * run time and Material sets style attributes; a nonce would have to be written into the
 * built index.html on every request. The admin build does not inline critical CSS, whose
 * `onload` handler is an inline script.
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

const ONE_YEAR_SECONDS = 365 * 24 * 3600;
const hsts = strictTransportSecurity({ maxAge: ONE_YEAR_SECONDS, includeSubDomains: true });

/** HSTS only on a response that came over HTTPS (directly or from a trusted proxy): over plain HTTP it means nothing. */
function hstsOverHttps(request: Request, response: Response, next: NextFunction): void {
  if (request.secure) hsts(request, response, next);
  else next();
}

/**
 * Nothing the API answers (tokens, members, invitations) may be kept by a browser or a shared
 * cache. The admin app's own files keep their caching.
 */
const noStoreOn =
  (isApiPath: (path: string) => boolean) => (request: Request, response: Response, next: NextFunction) => {
    if (isApiPath(request.path)) response.setHeader('Cache-Control', 'no-store');
    next();
  };

/** The headers every response carries, the admin app's and errors included. */
export function securityHeaders(isApiPath: (path: string) => boolean): RequestHandler[] {
  return [
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: false,
    }),
    hstsOverHttps,
    noStoreOn(isApiPath),
  ];
}
