-- One role and one database per service that keeps a projection in PostgreSQL, run once by postgres-init.sh as the
-- superuser when the data volume is first initialised. Each role logs in and owns its database, so Flyway can make
-- its schema there, and may do nothing else: not a superuser, no databases or roles of its own. CONNECT is taken
-- from PUBLIC, so no role reaches a database it does not own (the superuser excepted). psql variables hold the
-- passwords: :'intake_password' is quoted as an SQL literal.
create role intake login password :'intake_password' nosuperuser nocreatedb nocreaterole noreplication nobypassrls;
create database intake owner intake;
revoke all on database intake from public;

create role review login password :'review_password' nosuperuser nocreatedb nocreaterole noreplication nobypassrls;
create database review owner review;
revoke all on database review from public;

create role distribution login password :'distribution_password' nosuperuser nocreatedb nocreaterole noreplication
  nobypassrls;
create database distribution owner distribution;
revoke all on database distribution from public;

-- The maintenance database too: the services' roles have no business there.
revoke all on database postgres from public;
