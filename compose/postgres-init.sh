#!/usr/bin/env bash
# The postgres image runs this once, as its superuser, when the data volume is first initialised (it is mounted into
# /docker-entrypoint-initdb.d). A script rather than SQL so that the roles' passwords come from the environment:
# postgres-roles.sql creates a role and a database per service. The image may source this file rather than run it,
# so it neither changes shell options nor exits.
: "${POSTGRES_INTAKE_PASSWORD:?not set: make .env first, see the README section on Docker}"
: "${POSTGRES_REVIEW_PASSWORD:?not set: make .env first, see the README section on Docker}"
: "${POSTGRES_DISTRIBUTION_PASSWORD:?not set: make .env first, see the README section on Docker}"
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname postgres \
  -v intake_password="$POSTGRES_INTAKE_PASSWORD" \
  -v review_password="$POSTGRES_REVIEW_PASSWORD" \
  -v distribution_password="$POSTGRES_DISTRIBUTION_PASSWORD" \
  -f "${POSTGRES_ROLES_SQL:-/compose/postgres-roles.sql}"
