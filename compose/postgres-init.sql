-- Run once by the postgres image when its data volume is first initialised: one database per service that keeps a
-- projection there (POSTGRES_DB creates distribution's).
create database intake;
create database review;
