import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { JobWorkerService, loadAppConfig } from '@mentorship/platform';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from '@mentorship/bootstrap';

async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM closes the BullMQ workers after their running jobs finish.
  app.enableShutdownHooks();
  // Refuses to start unless every job name has exactly one handler.
  await app.get(JobWorkerService).start();
  app.get(Logger).log('worker started');
}

bootstrap().catch((error) => {
  console.error(error);
  process.exit(1);
});
