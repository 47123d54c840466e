-- =====================================================================================================
-- Consultations and their phases, copied from content/ (the Git source of truth) by sync_consultation at
-- build time and when the local server starts. The rows exist so the actions can check, on the database
-- clock, which phase is open and what its module settings allow.
-- =====================================================================================================

-- -----------------------------------------------------------------------------------------------------
-- Helpers used by constraints
-- -----------------------------------------------------------------------------------------------------

create function private.valid_phase_modules(p_modules jsonb) returns boolean
language sql immutable
set search_path = ''
as $$
  select case
    when pg_catalog.jsonb_typeof(p_modules) <> 'object' or pg_catalog.octet_length(p_modules::text) > 10000
      then false
    when p_modules -> 'ideabox' is null then true
    when pg_catalog.jsonb_typeof(p_modules #> '{ideabox,submissions_open}') is distinct from 'boolean'
      or pg_catalog.jsonb_typeof(p_modules #> '{ideabox,supports_open}') is distinct from 'boolean'
      or pg_catalog.jsonb_typeof(p_modules #> '{ideabox,comments_open}') is distinct from 'boolean'
      or pg_catalog.jsonb_typeof(p_modules #> '{ideabox,max_propositions_per_citizen}') is distinct from 'number'
      then false
    else (select m between 1 and 100 and m = pg_catalog.trunc(m)
            from (select (p_modules #>> '{ideabox,max_propositions_per_citizen}')::numeric as m) as setting)
  end
$$;
comment on function private.valid_phase_modules(jsonb) is
  'CHECK helper: module settings keyed by module id; ideabox settings complete and typed as in its manifest '
  '(site/_lib/modules/ideabox.ts), whose defaults the content loader fills in before syncing.';

-- -----------------------------------------------------------------------------------------------------
-- Tables
-- -----------------------------------------------------------------------------------------------------

create table public.consultations (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and pg_catalog.char_length(slug) <= 100),
  title text not null check (pg_catalog.char_length(title) between 1 and 200 and title ~ '\S'),
  themes text[] not null default '{}' check (private.short_texts(themes, 50, 100)),
  districts text[] not null default '{}' check (private.short_texts(districts, 100, 100)),
  visibility text not null default 'public' check (visibility in ('public', 'unlisted')),
  synced_at timestamptz not null default now()
);
comment on table public.consultations is
  'Consultations as last synced from content/: what the actions need (slug, themes, districts, visibility).';

create table public.phases (
  id uuid primary key default gen_random_uuid(),
  consultation_id uuid not null references public.consultations (id) on delete cascade,
  position smallint not null check (position between 0 and 49),
  title text not null check (pg_catalog.char_length(title) between 1 and 200 and title ~ '\S'),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  modules jsonb not null default '{}' check (private.valid_phase_modules(modules)),
  check (ends_at > starts_at),
  unique (consultation_id, position),
  -- Deferred so a sync can move several phases; sync_consultation checks it before returning.
  constraint phases_no_overlap
    exclude using gist (consultation_id with =, tstzrange(starts_at, ends_at) with &&)
    deferrable initially deferred
);
comment on table public.phases is
  'Time slots of a consultation, never overlapping, each with per-module settings (modules->''ideabox'').';

alter table public.consultations enable row level security;
alter table public.phases enable row level security;
revoke all on table public.consultations, public.phases from anon, authenticated;

-- -----------------------------------------------------------------------------------------------------
-- Helpers used by the actions
-- -----------------------------------------------------------------------------------------------------

create function private.consultation_by_slug(p_slug text) returns public.consultations
language plpgsql stable
set search_path = ''
as $$
declare
  v_consultation public.consultations;
begin
  select * into v_consultation from public.consultations where slug = p_slug;
  if not found then
    perform private.fail('consultation_not_found');
  end if;
  return v_consultation;
end
$$;
comment on function private.consultation_by_slug(text) is 'The consultation of a slug, or consultation_not_found.';

create function private.open_ideabox_phase(p_consultation_id uuid, p_setting text, p_closed_code text)
returns public.phases
language plpgsql stable
set search_path = ''
as $$
declare
  v_phase public.phases;
begin
  select * into v_phase from public.phases
   where consultation_id = p_consultation_id and starts_at <= pg_catalog.now() and pg_catalog.now() < ends_at;
  if not found or v_phase.modules -> 'ideabox' is null then
    perform private.fail('phase_closed');
  end if;
  if not (v_phase.modules -> 'ideabox' -> p_setting)::boolean then
    perform private.fail(p_closed_code);
  end if;
  return v_phase;
end
$$;
comment on function private.open_ideabox_phase(uuid, text, text) is
  'The phase open now (database clock) if it runs the idea box and its boolean setting p_setting is on; '
  'else phase_closed or p_closed_code.';

-- -----------------------------------------------------------------------------------------------------
-- Actions
-- -----------------------------------------------------------------------------------------------------

create function public.sync_consultation(p_consultation jsonb) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_id uuid;
  v_phases jsonb := coalesce(p_consultation -> 'phases', '[]');
begin
  if pg_catalog.jsonb_typeof(p_consultation) is distinct from 'object'
     or pg_catalog.octet_length(p_consultation::text) > 200000
     or pg_catalog.jsonb_typeof(coalesce(p_consultation -> 'themes', '[]')) <> 'array'
     or pg_catalog.jsonb_typeof(coalesce(p_consultation -> 'districts', '[]')) <> 'array'
     or pg_catalog.jsonb_typeof(v_phases) <> 'array'
     or (select pg_catalog.count(distinct p ->> 'position') <> pg_catalog.count(*)
           from pg_catalog.jsonb_array_elements(v_phases) p)
  then
    perform private.fail('invalid_input');
  end if;

  insert into public.consultations as c (slug, title, themes, districts, visibility, synced_at)
  values (
    p_consultation ->> 'slug',
    p_consultation ->> 'title',
    array(select pg_catalog.jsonb_array_elements_text(p_consultation -> 'themes')),
    -- Districts arrive as names or as content objects { name, polygon }: only names are needed here.
    array(select coalesce(d ->> 'name', d #>> '{}')
            from pg_catalog.jsonb_array_elements(p_consultation -> 'districts') d),
    coalesce(p_consultation ->> 'visibility', 'public'),
    pg_catalog.now()
  )
  on conflict (slug) do update
    set title = excluded.title, themes = excluded.themes, districts = excluded.districts,
        visibility = excluded.visibility, synced_at = excluded.synced_at
  returning c.id into v_id;

  -- Phases are matched by position, so propositions keep the phase they were submitted in.
  delete from public.phases
   where consultation_id = v_id
     and position not in (select (p ->> 'position')::smallint from pg_catalog.jsonb_array_elements(v_phases) p);

  insert into public.phases as ph (consultation_id, position, title, starts_at, ends_at, modules)
  select v_id, (p ->> 'position')::smallint, p ->> 'title', (p ->> 'starts_at')::timestamptz,
         (p ->> 'ends_at')::timestamptz, coalesce(p -> 'modules', '{}')
    from pg_catalog.jsonb_array_elements(v_phases) p
  on conflict (consultation_id, position) do update
    set title = excluded.title, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
        modules = excluded.modules;

  set constraints public.phases_no_overlap immediate;
  return pg_catalog.jsonb_build_object('id', v_id);
end
$$;
comment on function public.sync_consultation(jsonb) is
  'Action: upserts a consultation from content/ and replaces its phases (matched by position).';

revoke all on function public.sync_consultation(jsonb) from public, anon, authenticated;
grant execute on function public.sync_consultation(jsonb) to service_role;
