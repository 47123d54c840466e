-- =====================================================================================================
-- The idea box (module `ideabox`): propositions, supports and comments, the actions citizens use, and the
-- one public view. Every rule is checked here, on the database clock, under a lock or a unique constraint.
-- =====================================================================================================

create type public.proposition_status as enum
  ('published', 'under_study', 'accepted', 'rejected', 'implemented', 'hidden');
comment on type public.proposition_status is
  'Where a proposition stands; hidden is moderation and removes it from every citizen view.';

create type public.comment_alignment as enum ('for', 'against', 'neutral');
comment on type public.comment_alignment is 'Optional stance a comment takes on the proposition.';

create type public.comment_status as enum ('published', 'hidden');
comment on type public.comment_status is 'Moderation state of a comment.';

-- -----------------------------------------------------------------------------------------------------
-- Tables
-- -----------------------------------------------------------------------------------------------------

create table public.propositions (
  id uuid primary key default gen_random_uuid(),
  consultation_id uuid not null references public.consultations (id),
  -- Null only if organizers removed the phase from content/ afterwards.
  phase_id uuid references public.phases (id) on delete set null,
  citizen_id uuid not null references public.citizens (id),
  title text not null check (pg_catalog.char_length(title) between 1 and 140 and title ~ '\S'),
  body text not null check (pg_catalog.char_length(body) between 1 and 5000 and body ~ '\S'),
  theme text check (pg_catalog.char_length(theme) between 1 and 100),
  district text check (pg_catalog.char_length(district) between 1 and 100),
  lng double precision check (lng between -180 and 180),
  lat double precision check (lat between -90 and 90),
  status public.proposition_status not null default 'published',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint propositions_point_is_whole check ((lng is null) = (lat is null))
);
comment on table public.propositions is 'Ideas citizens submit to a consultation while its idea box is open.';
create index propositions_consultation_created_idx on public.propositions (consultation_id, created_at desc);
create index propositions_citizen_phase_idx on public.propositions (citizen_id, phase_id);
create trigger propositions_touch_updated_at before update on public.propositions
  for each row execute function private.touch_updated_at();

create table public.supports (
  proposition_id uuid not null references public.propositions (id) on delete cascade,
  citizen_id uuid not null references public.citizens (id),
  created_at timestamptz not null default now(),
  primary key (proposition_id, citizen_id)
);
comment on table public.supports is
  'One row per citizen backing a proposition; the primary key makes a second support impossible.';
create index supports_citizen_id_idx on public.supports (citizen_id);

create table public.comments (
  id uuid primary key default gen_random_uuid(),
  proposition_id uuid not null references public.propositions (id) on delete cascade,
  parent_id uuid,
  citizen_id uuid not null references public.citizens (id),
  body text not null check (pg_catalog.char_length(body) between 1 and 2000 and body ~ '\S'),
  alignment public.comment_alignment,
  status public.comment_status not null default 'published',
  created_at timestamptz not null default now(),
  is_root boolean not null generated always as (parent_id is null) stored,
  replies_to_root boolean generated always as (case when parent_id is not null then true end) stored,
  unique (id, proposition_id, is_root),
  -- Threads are two levels deep: a reply's parent must be a root comment of the same proposition.
  constraint comments_reply_to_root_of_same_proposition
    foreign key (parent_id, proposition_id, replies_to_root)
    references public.comments (id, proposition_id, is_root) on delete cascade
);
comment on table public.comments is 'Discussion under a proposition: root comments and one level of replies.';
create index comments_proposition_created_idx on public.comments (proposition_id, created_at);
create index comments_citizen_id_idx on public.comments (citizen_id);

alter table public.propositions enable row level security;
alter table public.supports enable row level security;
alter table public.comments enable row level security;
revoke all on table public.propositions, public.supports, public.comments from anon, authenticated;

-- -----------------------------------------------------------------------------------------------------
-- Public view: what anyone may read, without personal data.
-- -----------------------------------------------------------------------------------------------------

-- Runs with its owner's rights (RLS is not applied through it) and is a security barrier, so a caller's
-- own functions in a WHERE clause cannot see hidden rows.
create view public.public_propositions with (security_barrier = true) as
select p.id, c.slug as consultation_slug, p.title, p.body, p.theme, p.district, p.lng, p.lat, p.status,
       p.created_at,
       (select pg_catalog.count(*) from public.supports s where s.proposition_id = p.id) as supports_count,
       (select pg_catalog.count(*) from public.comments m
         where m.proposition_id = p.id and m.status = 'published') as comments_count
  from public.propositions p
  join public.consultations c on c.id = p.consultation_id
 where p.status <> 'hidden' and c.visibility = 'public';
comment on view public.public_propositions is
  'Open data: visible propositions of public consultations with their counts, no author, no citizen id.';
revoke all on table public.public_propositions from anon, authenticated;
grant select on table public.public_propositions to anon, authenticated;

-- -----------------------------------------------------------------------------------------------------
-- Helpers
-- -----------------------------------------------------------------------------------------------------

create function private.visible_proposition(p_proposition_id uuid) returns public.propositions
language plpgsql stable
set search_path = ''
as $$
declare
  v_proposition public.propositions;
begin
  select * into v_proposition from public.propositions where id = p_proposition_id and status <> 'hidden';
  if not found then
    perform private.fail('proposition_not_found');
  end if;
  return v_proposition;
end
$$;
comment on function private.visible_proposition(uuid) is 'A proposition citizens may see, or proposition_not_found.';

create function private.proposition_json(p_proposition_id uuid, p_citizen_id uuid) returns jsonb
language sql stable
set search_path = ''
as $$
  select pg_catalog.jsonb_build_object(
           'id', p.id, 'consultation_slug', c.slug, 'title', p.title, 'body', p.body, 'theme', p.theme,
           'district', p.district, 'lng', p.lng, 'lat', p.lat, 'status', p.status, 'created_at', p.created_at,
           'supports_count', (select pg_catalog.count(*) from public.supports s where s.proposition_id = p.id),
           'comments_count', (select pg_catalog.count(*) from public.comments m
                               where m.proposition_id = p.id and m.status = 'published'),
           'supported_by_me', exists (select 1 from public.supports s
                                       where s.proposition_id = p.id and s.citizen_id = p_citizen_id),
           'author_name', a.display_name)
    from public.propositions p
    join public.consultations c on c.id = p.consultation_id
    join public.citizens a on a.id = p.citizen_id
   where p.id = p_proposition_id
$$;
comment on function private.proposition_json(uuid, uuid) is
  'The one shape of a proposition in every answer (list item, detail, creation).';

create function private.comment_json(p_comment public.comments) returns jsonb
language sql stable
set search_path = ''
as $$
  select pg_catalog.jsonb_build_object(
           'id', p_comment.id, 'proposition_id', p_comment.proposition_id, 'parent_id', p_comment.parent_id,
           'body', p_comment.body, 'alignment', p_comment.alignment, 'created_at', p_comment.created_at,
           'author_name', (select display_name from public.citizens where id = p_comment.citizen_id))
$$;
comment on function private.comment_json(public.comments) is 'The one shape of a comment in every answer.';

-- -----------------------------------------------------------------------------------------------------
-- Actions
-- -----------------------------------------------------------------------------------------------------

create function public.submit_proposition(
  p_citizen_id uuid, p_consultation_slug text, p_title text, p_body text, p_theme text default null,
  p_district text default null, p_lng double precision default null, p_lat double precision default null
) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_consultation public.consultations;
  v_phase public.phases;
  v_theme text := nullif(pg_catalog.btrim(p_theme), '');
  v_district text := nullif(pg_catalog.btrim(p_district), '');
  v_id uuid;
begin
  perform private.active_citizen(p_citizen_id);
  v_consultation := private.consultation_by_slug(p_consultation_slug);
  v_phase := private.open_ideabox_phase(v_consultation.id, 'submissions_open', 'submissions_closed');
  if v_theme is not null and not v_theme = any (v_consultation.themes) then
    perform private.fail('invalid_theme');
  end if;
  if v_district is not null and not v_district = any (v_consultation.districts) then
    perform private.fail('invalid_district');
  end if;

  -- One citizen's submissions to a phase take turns, so parallel requests cannot all pass the count.
  perform pg_catalog.pg_advisory_xact_lock(
    pg_catalog.hashtextextended('submit_proposition:' || p_citizen_id || ':' || v_phase.id, 0));
  if (select pg_catalog.count(*) from public.propositions
       where citizen_id = p_citizen_id and phase_id = v_phase.id)
     >= (v_phase.modules #>> '{ideabox,max_propositions_per_citizen}')::integer then
    perform private.fail('proposition_limit_reached');
  end if;

  insert into public.propositions
    (consultation_id, phase_id, citizen_id, title, body, theme, district, lng, lat)
  values
    (v_consultation.id, v_phase.id, p_citizen_id, pg_catalog.btrim(p_title), pg_catalog.btrim(p_body),
     v_theme, v_district, p_lng, p_lat)
  returning id into v_id;
  return private.proposition_json(v_id, p_citizen_id);
end
$$;
comment on function public.submit_proposition(uuid, text, text, text, text, text, double precision, double precision)
  is 'Action: a citizen submits a proposition while submissions are open, within the per-phase maximum.';

create function private.set_support(p_citizen_id uuid, p_proposition_id uuid, p_supported boolean)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_proposition public.propositions;
begin
  perform private.active_citizen(p_citizen_id);
  v_proposition := private.visible_proposition(p_proposition_id);
  perform private.open_ideabox_phase(v_proposition.consultation_id, 'supports_open', 'supports_closed');
  if p_supported then
    insert into public.supports (proposition_id, citizen_id) values (p_proposition_id, p_citizen_id)
    on conflict do nothing;
  else
    delete from public.supports where proposition_id = p_proposition_id and citizen_id = p_citizen_id;
  end if;
  return pg_catalog.jsonb_build_object(
    'proposition_id', p_proposition_id, 'supported', p_supported,
    'supports_count', (select pg_catalog.count(*) from public.supports where proposition_id = p_proposition_id));
end
$$;
comment on function private.set_support(uuid, uuid, boolean) is
  'Supports or withdraws while supports are open; either is idempotent, and withdrawing is refused once '
  'supports close so final counts freeze.';

create function public.support_proposition(p_citizen_id uuid, p_proposition_id uuid) returns jsonb
language sql
security definer
set search_path = ''
as $$
  select private.set_support(p_citizen_id, p_proposition_id, true)
$$;
comment on function public.support_proposition(uuid, uuid) is
  'Action: a citizen backs a proposition while supports are open; supporting twice changes nothing.';

create function public.withdraw_support(p_citizen_id uuid, p_proposition_id uuid) returns jsonb
language sql
security definer
set search_path = ''
as $$
  select private.set_support(p_citizen_id, p_proposition_id, false)
$$;
comment on function public.withdraw_support(uuid, uuid) is
  'Action: a citizen takes back a support while supports are open.';

create function public.comment_proposition(
  p_citizen_id uuid, p_proposition_id uuid, p_body text, p_parent_id uuid default null,
  p_alignment text default null
) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_proposition public.propositions;
  v_parent public.comments;
  v_comment public.comments;
begin
  perform private.active_citizen(p_citizen_id);
  v_proposition := private.visible_proposition(p_proposition_id);
  perform private.open_ideabox_phase(v_proposition.consultation_id, 'comments_open', 'comments_closed');
  if p_parent_id is not null then
    select * into v_parent from public.comments
     where id = p_parent_id and proposition_id = p_proposition_id and status = 'published';
    if not found then
      perform private.fail('comment_not_found');
    end if;
    if v_parent.parent_id is not null then
      perform private.fail('comment_too_deep');
    end if;
  end if;

  insert into public.comments (proposition_id, parent_id, citizen_id, body, alignment)
  values (p_proposition_id, p_parent_id, p_citizen_id, pg_catalog.btrim(p_body),
          nullif(p_alignment, '')::public.comment_alignment)
  returning * into v_comment;
  return private.comment_json(v_comment);
end
$$;
comment on function public.comment_proposition(uuid, uuid, text, uuid, text) is
  'Action: a citizen comments on a proposition, or replies to a root comment, while comments are open.';

create function public.list_propositions(
  p_consultation_slug text, p_sort text default 'recent', p_theme text default null,
  p_district text default null, p_citizen_id uuid default null, p_limit integer default 20,
  p_offset integer default 0
) returns jsonb
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  v_consultation public.consultations := private.consultation_by_slug(p_consultation_slug);
begin
  if p_sort is null or p_sort not in ('recent', 'popular')
     or p_limit is null or p_limit not between 1 and 100
     or p_offset is null or p_offset not between 0 and 100000 then
    perform private.fail('invalid_input');
  end if;

  return (
    with matching as (
      select p.id, p.created_at,
             (select pg_catalog.count(*) from public.supports s where s.proposition_id = p.id) as supports_count
        from public.propositions p
       where p.consultation_id = v_consultation.id and p.status <> 'hidden'
         and (p_theme is null or p.theme = p_theme)
         and (p_district is null or p.district = p_district)
    ),
    page as (
      select m.id,
             pg_catalog.row_number() over (
               order by case when p_sort = 'popular' then m.supports_count end desc nulls last,
                        m.created_at desc, m.id desc) as rank
        from matching m
       order by rank
       limit p_limit offset p_offset
    )
    select pg_catalog.jsonb_build_object(
             'total', (select pg_catalog.count(*) from matching),
             'items', coalesce((select pg_catalog.jsonb_agg(private.proposition_json(page.id, p_citizen_id)
                                                            order by page.rank) from page), '[]'))
  );
end
$$;
comment on function public.list_propositions(text, text, text, text, uuid, integer, integer) is
  'Action: one page of a consultation''s visible propositions, recent or popular first, filtered by '
  'theme or district, flagging those the citizen supports.';

create function public.get_proposition(p_proposition_id uuid, p_citizen_id uuid default null) returns jsonb
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  v_proposition public.propositions := private.visible_proposition(p_proposition_id);
begin
  return private.proposition_json(v_proposition.id, p_citizen_id) || pg_catalog.jsonb_build_object(
    'comments', coalesce((
      select pg_catalog.jsonb_agg(
               private.comment_json(r) || pg_catalog.jsonb_build_object('replies', replies.items)
               order by r.created_at, r.id)
        from public.comments r
        cross join lateral (
          select coalesce(pg_catalog.jsonb_agg(private.comment_json(c) order by c.created_at, c.id), '[]') as items
            from public.comments c
           where c.parent_id = r.id and c.status = 'published') as replies
       where r.proposition_id = v_proposition.id and r.parent_id is null and r.status = 'published'), '[]'));
end
$$;
comment on function public.get_proposition(uuid, uuid) is
  'Action: a visible proposition with its published comments, each root carrying its replies.';

revoke all on function
  public.submit_proposition(uuid, text, text, text, text, text, double precision, double precision),
  public.support_proposition(uuid, uuid), public.withdraw_support(uuid, uuid),
  public.comment_proposition(uuid, uuid, text, uuid, text),
  public.list_propositions(text, text, text, text, uuid, integer, integer),
  public.get_proposition(uuid, uuid)
  from public, anon, authenticated;
grant execute on function
  public.submit_proposition(uuid, text, text, text, text, text, double precision, double precision),
  public.support_proposition(uuid, uuid), public.withdraw_support(uuid, uuid),
  public.comment_proposition(uuid, uuid, text, uuid, text),
  public.list_propositions(text, text, text, text, uuid, integer, integer),
  public.get_proposition(uuid, uuid)
  to service_role;
