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

/**
 * HSTS only on a response that came over HTTPS (directly or from a trusted proxy): over plain
 * HTTP it means nothing. A plain connection without `X-Forwarded-Proto` is not secure whoever
 * sent it, so express's `request.secure` (which checks the peer against `trust proxy`, parsing
 * its address) is asked only when a proxy may have said otherwise.
 */
function hstsOverHttps(request: Request, response: Response, next: NextFunction): void {
  const maybeSecure =
    (request.socket as { encrypted?: boolean }).encrypted === true ||
    request.headers['x-forwarded-proto'] !== undefined;
  if (maybeSecure && request.secure) hsts(request, response, next);
  else next();
}

/**
 * The headers a helmet middleware sets, read once: with no per-request directive (no nonce),
 * helmet answers every request with the same headers, yet runs its dozen middlewares and
 * rebuilds the CSP string each time (about a tenth of `/health`'s CPU profile).
 */
export function headersSetBy(middleware: RequestHandler): [string, string][] {
  const headers: [string, string][] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => void headers.push([name, String(value)]),
    removeHeader: () => undefined,
  };
  let failed: unknown;
  middleware({ headers: {} } as Request, recorder as unknown as Response, (error?: unknown) => {
    failed = error;
  });
  if (failed) throw failed;
  return headers;
}

/**
 * The headers every response carries, the admin app's and errors included: helmet's, read once;
 * `Cache-Control: no-store` on every API answer (tokens, members, invitations: nothing a browser
 * or a shared cache may keep; the admin app's own files keep their caching); HSTS over HTTPS.
 * One middleware, not three: each router layer costs every request a match and a hop.
 */
export function securityHeaders(isApiPath: (path: string) => boolean): RequestHandler {
  const fixed = headersSetBy(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: false,
    }),
  );
  return (request: Request, response: Response, next: NextFunction) => {
    for (const [name, value] of fixed) response.setHeader(name, value);
    if (isApiPath(request.path)) response.setHeader('Cache-Control', 'no-store');
    hstsOverHttps(request, response, next);
  };
}
