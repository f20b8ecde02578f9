import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The set-up's defaults (scripts/services.mjs reads the same file). */
const DEFAULTS: Record<string, string> = JSON.parse(
  readFileSync(join(__dirname, '../../../../infra/local-services.json'), 'utf8'),
);
const pick = (name: string) => process.env[name] || DEFAULTS[name]!;

/**
 * Where the test services are: the environment (`npm test` passes what scripts/services.mjs
 * resolved), else the set-up's defaults, so the roles it created are the ones used here.
 */
export const serviceUrls = {
  admin: pick('DATABASE_ADMIN_URL'),
  app: pick('DATABASE_URL'),
  owner: pick('DATABASE_OWNER_URL'),
  redis: pick('REDIS_URL'),
};

/** The same URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}
