import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { AppConfig, AuthenticatedUser, signingKeyObject } from '@mentorship/platform';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AccessTokenClaims } from './token.service';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // passport-jwt hands the key to jsonwebtoken unchanged; its types predate KeyObject.
      secretOrKey: signingKeyObject(config, 'access-token') as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): AuthenticatedUser {
    return { id: claims.sub, email: claims.email };
  }
}
