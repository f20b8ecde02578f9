import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { accessPolicyOf } from '@mentorship/platform';
import { IdentityException } from './identity.exception';

/**
 * The default-deny front door, installed globally: a route is open only if it says
 * @Public(); every other declared policy needs a valid access token; a route that declares
 * no policy is refused.
 */
@Injectable()
export class AuthenticationGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const policy = accessPolicyOf(this.reflector, context);
    if (!policy) throw IdentityException.noAccessPolicy();
    if (policy.kind === 'public') return true;
    return super.canActivate(context);
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error || !user) throw IdentityException.unauthenticated();
    return user;
  }
}
