import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuthenticationGuard, IdentityModule } from '@mentorship/identity';
import { OrganizationAccessGuard, OrganizationsModule } from '@mentorship/organizations';
import {
  AppConfig,
  ConfigModule,
  DatabaseModule,
  HealthModule,
  JobsModule,
  LoggingModule,
  RedisModule,
  TenantTransactionInterceptor,
} from '@mentorship/platform';

/** The API's composition root: platform, bounded contexts, and the request pipeline. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        RedisModule,
        JobsModule,
        HealthModule,
        IdentityModule,
        OrganizationsModule,
      ],
      providers: [
        // Order matters: who you are, then what you may do in the route's organization.
        { provide: APP_GUARD, useExisting: AuthenticationGuard },
        { provide: APP_GUARD, useExisting: OrganizationAccessGuard },
        { provide: APP_INTERCEPTOR, useClass: TenantTransactionInterceptor },
      ],
    };
  }
}
