import 'reflect-metadata';
import { ApiModule } from '@mentorship/bootstrap';
import { createHttpApp, loadAppConfig } from '@mentorship/platform';

async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  const app = await createHttpApp(ApiModule.forRoot(config), config);
  await app.listen(config.port, config.host);
}

bootstrap().catch((error) => {
  console.error(error);
  process.exit(1);
});
