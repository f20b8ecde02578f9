-- Roles and database for the Docker Compose stack, the same shape scripts/services.mjs
-- creates elsewhere (see scripts/lib/provision-database.mjs):
--   mentorship_owner    LOGIN, owns the database and every table, runs the migrations
--   mentorship_runtime  NOLOGIN group the migrations grant table privileges to
--   mentorship_app      LOGIN member of mentorship_runtime; owns nothing, no BYPASSRLS,
--                       so row-level security binds the API and the worker
-- The postgres image runs this once, as postgres, on an empty data volume.
-- Passwords come from the container's environment (psql 15's \getenv), defaults below.
\set ON_ERROR_STOP on
\set owner_password mentorship_owner
\set app_password mentorship_app
\getenv owner_password OWNER_DB_PASSWORD
\getenv app_password APP_DB_PASSWORD

CREATE ROLE mentorship_owner WITH LOGIN NOSUPERUSER CREATEDB NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE mentorship_runtime WITH NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
CREATE ROLE mentorship_app WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS INHERIT PASSWORD :'app_password';
GRANT mentorship_runtime TO mentorship_app;

CREATE DATABASE mentorship OWNER mentorship_owner ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE mentorship FROM PUBLIC;
-- TEMPORARY: the analytics rollup reads a match's steps once into a temporary table.
GRANT CONNECT, TEMPORARY ON DATABASE mentorship TO mentorship_runtime;

\connect mentorship
-- Nobody but the owner creates objects; the runtime group may only use what it is granted.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO mentorship_owner;
GRANT USAGE ON SCHEMA public TO mentorship_runtime;
