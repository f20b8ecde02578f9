import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { accessPolicyOf, AuthenticatedUser } from '@mentorship/platform';
import { IdentityException } from './identity.exception';
import { TokenService } from './token.service';

interface BearerRequest {
  headers: { authorization?: string };
  user?: AuthenticatedUser;
}

/** `Authorization: Bearer <token>`: the scheme in any case, the token the next word (as passport-jwt reads it). */
const AUTHORIZATION = /(\S+)\s+(\S+)/;

/**
 * The default-deny front door, installed globally: a route is open only if it says
 * @Public(); every other declared policy needs a valid access token; a route that declares
 * no policy is refused.
 *
 * The access token is checked here, not through passport's `AuthGuard('jwt')`: a bearer
 * check is one HMAC over the token (HS256, the key a `KeyObject` made once, expiry checked by
 * jsonwebtoken), while passport's path per request (a strategy object made for the request,
 * the authenticate closure, passport-jwt's callbacks, @nestjs/passport's promise around
 * them) cost several times that on `/me`. Passport stays the framework for strategies that
 * sign a person in (redirects, callbacks, sessions), which a bearer check is not.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const policy = accessPolicyOf(this.reflector, context);
    if (!policy) throw IdentityException.noAccessPolicy();
    if (policy.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<BearerRequest>();
    request.user = this.signedIn(request.headers.authorization);
    return true;
  }

  private signedIn(authorization: string | undefined): AuthenticatedUser {
    const [, scheme, token] = (authorization && AUTHORIZATION.exec(authorization)) || [];
    if (!token || scheme?.toLowerCase() !== 'bearer') throw IdentityException.unauthenticated();
    let claims;
    try {
      claims = this.tokens.verifyAccessToken(token);
    } catch {
      throw IdentityException.unauthenticated();
    }
    if (typeof claims.sub !== 'string' || typeof claims.email !== 'string')
      throw IdentityException.unauthenticated();
    return { id: claims.sub, email: claims.email };
  }
}
