// Writes the API's OpenAPI document (JSON) to the path given as the first argument.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { ApiModule } from '@mentorship/bootstrap';
import { buildOpenApiDocument, createHttpApp, loadAppConfig } from '@mentorship/platform';

async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) throw new Error('usage: openapi-document.ts <output.json>');
  const config = loadAppConfig(process.env, { logLevel: 'silent' });
  const app = await createHttpApp(ApiModule.forRoot(config), config);
  writeFileSync(target, JSON.stringify(buildOpenApiDocument(app), null, 2));
  await app.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
