-- =====================================================================================================
-- Bootstrap 00: the API roles Supabase creates in every project.
-- Run by our migration runner on PGlite and plain PostgreSQL before the migrations, never against
-- Supabase (which already has them). Idempotent: it runs at every start.
-- =====================================================================================================

do $$
begin
  -- anon: the role of requests carrying only the publishable key. Our migrations give it public views only.
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  -- authenticated: the role of requests carrying a Supabase Auth user JWT. Parlons does not use it yet.
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  -- service_role: the server secret key. Our functions act as this role; it bypasses RLS like on Supabase.
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
end
$$;

-- The adapters switch to these roles with `set role`, which needs membership when the login role is not a
-- superuser (a self-hosted DATABASE_URL may use an ordinary owner role).
do $$
begin
  if not pg_catalog.pg_has_role(current_user, 'service_role', 'member') then
    execute pg_catalog.format('grant anon, authenticated, service_role to %I', current_user);
  end if;
end
$$;

-- Supabase lets the API roles use the public schema, and gives them every new table, sequence and function
-- of the migration role by default. We copy those defaults on purpose: migrations must revoke explicitly,
-- so tests on PGlite and plain PostgreSQL catch a forgotten revoke exactly as production would expose it.
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
