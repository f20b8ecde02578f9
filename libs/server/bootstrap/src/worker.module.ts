import { DynamicModule, Module } from '@nestjs/common';
import { OrganizationsModule } from '@mentorship/organizations';
import {
  AppConfig,
  ConfigModule,
  DatabaseModule,
  JobsModule,
  LoggingModule,
  RedisModule,
} from '@mentorship/platform';

/** The worker's composition root: the same services as the API, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        RedisModule,
        JobsModule,
        OrganizationsModule,
      ],
    };
  }
}
