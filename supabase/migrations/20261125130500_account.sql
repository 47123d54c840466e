-- =====================================================================================================
-- Account: the name a citizen chooses to sign their propositions and comments. Without one they appear
-- as « Une personne »; the name is optional and can be cleared at any time.
-- =====================================================================================================

-- -----------------------------------------------------------------------------------------------------
-- Helpers
-- -----------------------------------------------------------------------------------------------------

create function private.is_display_name(p_name text) returns boolean
language sql immutable
set search_path = ''
as $$
  -- Control, zero-width and bidirectional-override characters could hide or disguise a name next to a
  -- proposition (another citizen's name read backwards, an invisible signature), so they are refused.
  select pg_catalog.char_length(p_name) between 1 and 60
     and p_name ~ '\S'
     and p_name = pg_catalog.btrim(p_name)
     and p_name !~ '[\u0001-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]'
$$;
comment on function private.is_display_name(text) is
  'CHECK helper: a trimmed, non-blank name of at most 60 characters without control or invisible characters.';

-- -----------------------------------------------------------------------------------------------------
-- Tables
-- -----------------------------------------------------------------------------------------------------

-- Replaces the first migration's looser check (80 characters, any character). No action wrote a name
-- before this migration, so every existing row is null and passes.
alter table public.citizens
  drop constraint citizens_display_name_check,
  add constraint citizens_display_name_check check (private.is_display_name(display_name));

-- -----------------------------------------------------------------------------------------------------
-- Actions
-- -----------------------------------------------------------------------------------------------------

create function public.set_display_name(p_citizen_id uuid, p_display_name text) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_citizen public.citizens := private.active_citizen(p_citizen_id);
  -- Spaces, tabs and line breaks around the name are typing noise; a blank name means "stay anonymous".
  v_name text := nullif(pg_catalog.regexp_replace(p_display_name, '^\s+|\s+$', '', 'g'), '');
begin
  if v_name is not null and not private.is_display_name(v_name) then
    perform private.fail('invalid_input');
  end if;
  update public.citizens set display_name = v_name where id = v_citizen.id;
  return pg_catalog.jsonb_build_object('display_name', v_name);
end
$$;
comment on function public.set_display_name(uuid, text) is
  'Action: sets the name shown with a citizen''s propositions and comments (trimmed, at most 60 characters), '
  'or clears it when null or blank.';

revoke all on function public.set_display_name(uuid, text) from public, anon, authenticated;
grant execute on function public.set_display_name(uuid, text) to service_role;
