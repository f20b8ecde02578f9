import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, signingKeyObject } from '@mentorship/platform';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthenticationGuard } from './authentication.guard';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { UserEntity } from './entities/user.entity';
import { JwtStrategy } from './jwt.strategy';
import { PasswordHasher } from './password-hasher.service';
import { RefreshTokenRepository } from './repositories/refresh-token.repository';
import { UserRepository } from './repositories/user.repository';
import { SignInLimiter } from './sign-in-limiter.service';
import { TokenService } from './token.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity]),
    PassportModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        // A KeyObject, made once: see signingKeyObject() for what a string or Buffer costs per call.
        const key = signingKeyObject(config, 'access-token');
        return {
          secretOrKeyProvider: () => key,
          signOptions: { expiresIn: config.accessTokenTtlSeconds, algorithm: 'HS256' as const },
          verifyOptions: { algorithms: ['HS256' as const] },
        };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    TokenService,
    PasswordHasher,
    SignInLimiter,
    JwtStrategy,
    AuthenticationGuard,
    UserRepository,
    RefreshTokenRepository,
  ],
  exports: [AuthenticationGuard, TokenService, AuthService],
})
export class IdentityModule {}
