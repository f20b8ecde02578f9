import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig, BoundedContext } from '@mentorship/platform';
import { CONTEXTS } from './contexts';
import { applicationImports } from './application-imports';

/** The worker's composition root: the same services as the API, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, contexts: readonly BoundedContext[] = CONTEXTS): DynamicModule {
    return { module: WorkerModule, imports: applicationImports(config, [], contexts) };
  }
}
