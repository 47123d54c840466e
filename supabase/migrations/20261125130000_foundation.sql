-- =====================================================================================================
-- Foundation: extensions and the private schema for helpers.
-- =====================================================================================================

-- Supabase keeps extensions out of the exposed `public` schema; we follow it on every database.
create schema if not exists extensions;
create extension if not exists pgcrypto with schema extensions;
create extension if not exists citext with schema extensions;
create extension if not exists btree_gist with schema extensions;

create schema if not exists private;
comment on schema private is
  'Helpers of the SQL actions. Not exposed by PostgREST, not usable by the API roles.';
revoke all on schema private from public, anon, authenticated, service_role;

-- -----------------------------------------------------------------------------------------------------
-- Helpers
-- -----------------------------------------------------------------------------------------------------

create function private.fail(p_code text) returns void
language plpgsql
set search_path = ''
as $$
begin
  raise exception '%', p_code using errcode = 'P0001';
end
$$;
comment on function private.fail(text) is
  'Raises a domain error: the message is the machine code the data port turns into an AppError.';

create function private.short_texts(p_items text[], p_max_items integer, p_max_length integer) returns boolean
language sql immutable
set search_path = ''
as $$
  select pg_catalog.cardinality(p_items) <= p_max_items
     and not exists (
       select 1 from pg_catalog.unnest(p_items) as item
       where item is null or item !~ '\S' or pg_catalog.char_length(item) > p_max_length
     )
$$;
comment on function private.short_texts(text[], integer, integer) is
  'CHECK helper: a bounded list of non-blank, bounded strings (themes of a consultation).';

create function private.hash_key(p_value text) returns text
language sql immutable
set search_path = ''
as $$
  select pg_catalog.encode(extensions.digest(p_value, 'sha256'), 'hex')
$$;
comment on function private.hash_key(text) is
  'SHA-256 hex of a personal value (an email) used only as a lookup key, so it is not stored in clear.';

create function private.touch_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := pg_catalog.now();
  return new;
end
$$;
comment on function private.touch_updated_at() is 'Keeps updated_at true whatever code path writes the row.';
