-- Role and databases of SpbeOps. Idempotent: safe to run on every start.
-- Used by docker-compose (/docker-entrypoint-initdb.d, run as the superuser) and by ./spbe (native).
-- The password comes from the environment variable SPBEOPS_DB_PASSWORD (psql 15's \getenv),
-- so no secret is written in this file.
\set ON_ERROR_STOP on
\getenv spbeops_pw SPBEOPS_DB_PASSWORD

SELECT 'CREATE ROLE spbeops LOGIN CREATEDB'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'spbeops') \gexec
SELECT format('ALTER ROLE spbeops PASSWORD %L', :'spbeops_pw') \gexec

-- Application data: every service owns its own schema in here (Marten).
SELECT 'CREATE DATABASE spbeops OWNER spbeops'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'spbeops') \gexec
-- Tests: each test fixture creates (and drops) its own schema, hence the owner.
SELECT 'CREATE DATABASE spbeops_test OWNER spbeops'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'spbeops_test') \gexec

-- pg_trgm serves the lists' text search (q=, ILIKE '%…%', issue 8). It is a trusted extension, so the databases'
-- owner could create it too (the services ask for it on start); creating it here means the role needs nothing.
\connect spbeops
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
\connect spbeops_test
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
