import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { TenancyService } from '../tenancy/tenancy.service';
import { DatabaseNotifications } from './database-notifications';
import { UnitOfWork } from './repositories/unit-of-work';

/**
 * The application's connection pool, as the application role. Schema changes happen only
 * through migrations run by the owner role (scripts/migrate.mjs): synchronize stays off.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        type: 'postgres' as const,
        url: config.databaseUrl,
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: false,
        extra: { max: config.databasePoolSize },
        logging: false,
      }),
    }),
  ],
  providers: [TenancyService, UnitOfWork, DatabaseNotifications],
  exports: [TenancyService, UnitOfWork, DatabaseNotifications],
})
export class DatabaseModule {}
