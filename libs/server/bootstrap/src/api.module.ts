import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthenticationGuard } from '@mentorship/identity';
import { AppConfig, BoundedContext, HealthModule } from '@mentorship/platform';
import { CONTEXTS } from './contexts';
import { applicationImports } from './application-imports';

/** The API's composition root: platform, bounded contexts, and the request pipeline. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, contexts: readonly BoundedContext[] = CONTEXTS): DynamicModule {
    return {
      module: ApiModule,
      imports: applicationImports(config, [HealthModule], contexts),
      providers: [
        // Who you are (guard, no database). What you may do in the route's organization is
        // checked by the guard each tenant route's policy decorator puts on it
        // (`TenantRouteGuard`), in the request's one tenant transaction.
        { provide: APP_GUARD, useExisting: AuthenticationGuard },
      ],
    };
  }
}
