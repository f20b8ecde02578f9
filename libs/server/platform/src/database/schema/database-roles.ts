/**
 * The NOLOGIN group role the application's login role is a member of. Migrations grant it
 * exactly the privileges the API and the worker need; scripts/lib/provision-database.mjs and
 * infra/postgres/init.sql create it under this name.
 */
export const RUNTIME_ROLE = 'mentorship_runtime';
