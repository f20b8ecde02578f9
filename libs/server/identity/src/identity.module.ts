import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@mentorship/notifications';
import { AppConfig, signingKeyObject } from '@mentorship/platform';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthenticationGuard } from './authentication.guard';
import { PasswordResetEntity } from './entities/password-reset.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { UserEntity } from './entities/user.entity';
import { PasswordHasher } from './password-hasher.service';
import { PasswordResetEmailJob } from './jobs/password-reset-email.job';
import { PasswordResetLinks } from './password-reset-link.service';
import { PasswordResetLimiter } from './password-reset-limiter.service';
import { RefreshCookie } from './refresh-cookie.service';
import { PasswordResetRepository } from './repositories/password-reset.repository';
import { RefreshTokenRepository } from './repositories/refresh-token.repository';
import { UserRepository } from './repositories/user.repository';
import { SignInLimiter } from './sign-in-limiter.service';
import { TokenService } from './token.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity, PasswordResetEntity]),
    NotificationsModule,
    // The framework for strategies that sign a person in; bearer tokens are checked by AuthenticationGuard.
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
  controllers: [AuthController, AccountController],
  providers: [
    AuthService,
    AccountService,
    PasswordResetLimiter,
    PasswordResetLinks,
    PasswordResetEmailJob,
    RefreshCookie,
    PasswordResetRepository,
    TokenService,
    PasswordHasher,
    SignInLimiter,
    AuthenticationGuard,
    UserRepository,
    RefreshTokenRepository,
  ],
  exports: [AuthenticationGuard, TokenService, AuthService],
})
export class IdentityModule {}
