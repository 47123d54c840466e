-- =====================================================================================================
-- Bootstrap 01: the `auth` helpers Supabase provides, so the same migrations and policies run everywhere.
-- They read the JWT claims PostgREST stores in settings: `request.jwt.claims` (JSON, current PostgREST)
-- and `request.jwt.claim.<name>` (older PostgREST). Never run against Supabase. Idempotent.
-- =====================================================================================================

create schema if not exists auth;
comment on schema auth is 'Stand-in for the Supabase Auth schema: only the claim helpers policies may use.';

create or replace function auth.jwt() returns jsonb
language sql stable
set search_path = ''
as $$
  select coalesce(
    nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb,
    pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'sub', nullif(pg_catalog.current_setting('request.jwt.claim.sub', true), ''),
      'role', nullif(pg_catalog.current_setting('request.jwt.claim.role', true), '')
    ))
  )
$$;
comment on function auth.jwt() is 'Claims of the current request JWT, as on Supabase.';

create or replace function auth.uid() returns uuid
language sql stable
set search_path = ''
as $$
  select coalesce(
    nullif(pg_catalog.current_setting('request.jwt.claim.sub', true), ''),
    nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'
  )::uuid
$$;
comment on function auth.uid() is 'Subject of the current request JWT (the Supabase Auth user id), or null.';

create or replace function auth.role() returns text
language sql stable
set search_path = ''
as $$
  select coalesce(
    nullif(pg_catalog.current_setting('request.jwt.claim.role', true), ''),
    nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb ->> 'role'
  )
$$;
comment on function auth.role() is 'Role claim of the current request JWT (anon, authenticated, service_role), or null.';

grant usage on schema auth to anon, authenticated, service_role;
grant execute on function auth.jwt(), auth.uid(), auth.role() to anon, authenticated, service_role;
