import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@mentorship/platform';
import { applicationImports } from './application-imports';

/** The worker's composition root: the same services as the API, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: applicationImports(config) };
  }
}
