#!/bin/sh
# Runs once, when the postgres container initialises an empty data volume (docker-entrypoint-initdb.d).
# Creates the login role the API connects as: not superuser, not owner, no DDL. The owner (POSTGRES_USER)
# runs the migrations and grants this role what it needs at every API start; see apps/api/src/database/app-role.ts.
set -eu
: "${KINDRED_APP_DB_PASSWORD:?set KINDRED_APP_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$KINDRED_APP_DB_PASSWORD" -v db="$POSTGRES_DB" <<'SQL'
SELECT format('CREATE ROLE kindred_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L', :'app_password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kindred_app') \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO kindred_app', :'db') \gexec
GRANT USAGE ON SCHEMA public TO kindred_app;
SQL
