import { Injectable } from '@nestjs/common';
import { AppConfig } from '@mentorship/platform';
import { parse } from 'cookie';
import type { Request, Response } from 'express';
import type { SessionViewDto } from './dto/auth.dto';
import { IdentityException } from './identity.exception';

/** The cookie that carries the refresh token to the browser app, and only there. */
export const REFRESH_COOKIE = 'mm_refresh';
/** The refresh and sign-out routes, the only ones that read it. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';
/**
 * The browser app's request header: "my refresh token travels in the cookie". A custom header
 * is also the refresh route's CSRF defence: a form or image of another site cannot send one,
 * and a script of another origin cannot without a CORS preflight, which the API refuses.
 */
export const REFRESH_COOKIE_HEADER = 'x-refresh-cookie';

/**
 * The refresh token for browsers: an `HttpOnly; Secure; SameSite=Strict` cookie scoped to
 * `/api/v1/auth`, never in a response body or in storage a script can read. Other clients
 * (no header) keep the token in the body as before; rotation and reuse detection are the same.
 */
@Injectable()
export class RefreshCookie {
  private readonly allowedOrigins: Set<string>;

  constructor(private readonly config: AppConfig) {
    this.allowedOrigins = new Set([new URL(config.publicUrl).origin, ...config.corsOrigins]);
  }

  /** Whether the caller is the browser app (cookie transport). */
  wanted(request: Request): boolean {
    return request.get(REFRESH_COOKIE_HEADER) === '1';
  }

  /**
   * The token the browser app presents: from the cookie, after checking that the page sending
   * it is the API's own origin (or one configured), so no other site can use the cookie.
   */
  read(request: Request): string | null {
    const origin = request.get('origin');
    if (
      origin &&
      origin !== `${request.protocol}://${request.get('host')}` &&
      !this.allowedOrigins.has(origin)
    )
      throw IdentityException.crossSiteRefresh();
    return parse(request.get('cookie') ?? '')[REFRESH_COOKIE] ?? null;
  }

  /** Sets the cookie and answers the session without the token in it. */
  answer(response: Response, session: SessionViewDto): SessionViewDto {
    response.cookie(REFRESH_COOKIE, session.refreshToken, {
      httpOnly: true,
      secure: true,
      sameSite: 'strict',
      path: REFRESH_COOKIE_PATH,
      maxAge: this.config.refreshTokenTtlSeconds * 1000,
    });
    const { refreshToken: _stripped, ...rest } = session;
    return rest;
  }

  clear(response: Response): void {
    response.clearCookie(REFRESH_COOKIE, {
      httpOnly: true,
      secure: true,
      sameSite: 'strict',
      path: REFRESH_COOKIE_PATH,
    });
  }
}
