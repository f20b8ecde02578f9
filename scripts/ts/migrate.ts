// Applies pending migrations as the owner role. Run through scripts/migrate.mjs.
import 'reflect-metadata';
import { CONTEXTS } from '@mentorship/bootstrap';
import { runMigrations } from '@mentorship/platform';

const ownerUrl = process.env['DATABASE_OWNER_URL'];
if (!ownerUrl) throw new Error('DATABASE_OWNER_URL is not set');

runMigrations(ownerUrl, CONTEXTS)
  .then((applied) => {
    console.log(
      applied.length === 0 ? 'Migrations: up to date.' : `Migrations applied: ${applied.join(', ')}`,
    );
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
