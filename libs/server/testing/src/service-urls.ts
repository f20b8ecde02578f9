/**
 * Where the test services are. The same variables and defaults as scripts/services.mjs,
 * which has already created the roles by the time tests run.
 */
export const serviceUrls = {
  admin: process.env['DATABASE_ADMIN_URL'] ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres',
  app: process.env['DATABASE_URL'] ?? 'postgres://mentorship_app:mentorship_app@127.0.0.1:5432/mentorship',
  owner:
    process.env['DATABASE_OWNER_URL'] ??
    'postgres://mentorship_owner:mentorship_owner@127.0.0.1:5432/mentorship',
  redis: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
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
