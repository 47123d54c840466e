-- =============================================================================================================
-- One round trip per action (issue 7, point 4).
-- A citizen action cost two database calls: touch_session (cookie → live session → citizen), then the action
-- with the citizen's id. Each session-bound action now takes the session id itself and resolves the live citizen
-- in the same transaction, so an HTTP action is one call, and the live-session rule (20261202140000) is checked
-- by the action that acts, not by an earlier call the functions had to remember to make. Reads that show the
-- signed-in citizen (lists, a proposition, a comment's replies) take an optional session and answer `viewer`.
-- An action that read its session live is ordered before a sign-out that commits while it runs, as it would
-- have been had it arrived a moment earlier; everything after that sign-out is refused.
-- =============================================================================================================

-- -------------------------------------------------------------------------------------------------------------
-- Helpers: the one place that turns a session id into a citizen
-- -------------------------------------------------------------------------------------------------------------

create function private.live_citizen(p_session_id uuid) returns public.citizens
language plpgsql
set search_path = ''
as $$
declare
  v_citizen public.citizens;
begin
  -- Slide the 30-day expiry, at most once a minute per session, to spare a write on every request.
  update public.sessions
     set last_seen_at = pg_catalog.now(), expires_at = pg_catalog.now() + interval '30 days'
   where id = p_session_id and revoked_at is null and expires_at > pg_catalog.now()
     and last_seen_at < pg_catalog.now() - interval '1 minute';

  select c.* into v_citizen
    from public.sessions s
    join public.citizens c on c.id = s.citizen_id
   where s.id = p_session_id and s.revoked_at is null and s.expires_at > pg_catalog.now()
     and c.deleted_at is null;
  return v_citizen;
end
$$;
comment on function private.live_citizen(uuid) is
  'The citizen of a live session (not revoked, used within 30 days), sliding its expiry; an all-null row for '
  'no session, a dead one or an erased citizen.';

create function private.acting_citizen(p_session_id uuid) returns public.citizens
language plpgsql
set search_path = ''
as $$
declare
  v_citizen public.citizens;
begin
  if p_session_id is null then
    perform private.fail('unauthenticated');
  end if;
  v_citizen := private.live_citizen(p_session_id);
  if v_citizen.id is null then
    perform private.fail('session_expired');
  end if;
  return v_citizen;
end
$$;
comment on function private.acting_citizen(uuid) is
  'The citizen acting through a session: none is unauthenticated; revoked, idle 30 days, unknown or erased is '
  'session_expired.';

create function private.viewer_json(p_citizen public.citizens) returns jsonb
language sql immutable
set search_path = ''
as $$
  select case when p_citizen.id is not null
              then pg_catalog.jsonb_build_object('id', p_citizen.id, 'display_name', p_citizen.display_name) end
$$;
comment on function private.viewer_json(public.citizens) is
  'Who reads, as the read actions answer it (`viewer`): { id, display_name }, or null for nobody.';

-- The citizens are now resolved from sessions; nothing calls it any more.
drop function private.active_citizen(uuid);

-- -------------------------------------------------------------------------------------------------------------
-- Sessions
-- -------------------------------------------------------------------------------------------------------------

create or replace function public.touch_session(p_session_id uuid) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_citizen public.citizens := private.acting_citizen(p_session_id);
begin
  return pg_catalog.jsonb_build_object(
    'citizen_id', v_citizen.id, 'display_name', v_citizen.display_name, 'session_id', p_session_id);
end
$$;
comment on function public.touch_session(uuid) is
  'Action: resolves a session cookie to its citizen and slides its expiry, for a request that makes no other '
  'call (GET /api/session); revoked or idle 30 days fails.';

-- -------------------------------------------------------------------------------------------------------------
-- Idea box
-- -------------------------------------------------------------------------------------------------------------

drop function public.submit_proposition(uuid, text, text, text, text, text, double precision, double precision);
create function public.submit_proposition(
  p_session_id uuid, p_consultation_slug text, p_title text, p_body text, p_theme text default null,
  p_district text default null, p_lng double precision default null, p_lat double precision default null
) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_citizen_id uuid := (private.acting_citizen(p_session_id)).id;
  v_consultation public.consultations;
  v_phase public.phases;
  v_theme text := nullif(pg_catalog.btrim(p_theme), '');
  v_district text := nullif(pg_catalog.btrim(p_district), '');
  v_id uuid;
begin
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
    pg_catalog.hashtextextended('submit_proposition:' || v_citizen_id || ':' || v_phase.id, 0));
  if (select pg_catalog.count(*) from public.propositions
       where citizen_id = v_citizen_id and phase_id = v_phase.id)
     >= (v_phase.modules #>> '{ideabox,max_propositions_per_citizen}')::integer then
    perform private.fail('proposition_limit_reached');
  end if;

  insert into public.propositions
    (consultation_id, phase_id, citizen_id, title, body, theme, district, lng, lat)
  values
    (v_consultation.id, v_phase.id, v_citizen_id, pg_catalog.btrim(p_title), pg_catalog.btrim(p_body),
     v_theme, v_district, p_lng, p_lat)
  returning id into v_id;
  return private.proposition_json(v_id, v_citizen_id);
end
$$;
comment on function public.submit_proposition(uuid, text, text, text, text, text, double precision, double precision)
  is 'Action: the citizen of a live session submits a proposition while submissions are open, within the '
     'per-phase maximum.';

drop function public.support_proposition(uuid, uuid);
drop function public.withdraw_support(uuid, uuid);
drop function private.set_support(uuid, uuid, boolean);
create function private.set_support(p_session_id uuid, p_proposition_id uuid, p_supported boolean)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_citizen_id uuid := (private.acting_citizen(p_session_id)).id;
  v_proposition public.propositions := private.visible_proposition(p_proposition_id);
begin
  perform private.open_ideabox_phase(v_proposition.consultation_id, 'supports_open', 'supports_closed');
  if p_supported then
    insert into public.supports (proposition_id, citizen_id) values (p_proposition_id, v_citizen_id)
    on conflict do nothing;
  else
    delete from public.supports where proposition_id = p_proposition_id and citizen_id = v_citizen_id;
  end if;
  return pg_catalog.jsonb_build_object(
    'proposition_id', p_proposition_id, 'supported', p_supported,
    'supports_count', (select pg_catalog.count(*) from public.supports where proposition_id = p_proposition_id));
end
$$;
comment on function private.set_support(uuid, uuid, boolean) is
  'Supports or withdraws while supports are open; either is idempotent, and withdrawing is refused once '
  'supports close so final counts freeze.';

create function public.support_proposition(p_session_id uuid, p_proposition_id uuid) returns jsonb
language sql
security definer
set search_path = ''
as $$
  select private.set_support(p_session_id, p_proposition_id, true)
$$;
comment on function public.support_proposition(uuid, uuid) is
  'Action: the citizen of a live session backs a proposition while supports are open; supporting twice '
  'changes nothing.';

create function public.withdraw_support(p_session_id uuid, p_proposition_id uuid) returns jsonb
language sql
security definer
set search_path = ''
as $$
  select private.set_support(p_session_id, p_proposition_id, false)
$$;
comment on function public.withdraw_support(uuid, uuid) is
  'Action: the citizen of a live session takes back a support while supports are open.';

drop function public.comment_proposition(uuid, uuid, text, uuid, text);
create function public.comment_proposition(
  p_session_id uuid, p_proposition_id uuid, p_body text, p_parent_id uuid default null,
  p_alignment text default null
) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_citizen_id uuid := (private.acting_citizen(p_session_id)).id;
  v_proposition public.propositions;
  v_parent public.comments;
  v_comment public.comments;
  v_paging record := private.comment_paging();
  v_last_minute bigint;
  v_last_day bigint;
  v_root public.comments;
  v_reply_position bigint;
begin
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

  -- One citizen's comments take turns (across every proposition), so parallel requests cannot all pass
  -- the count: each one counts after the previous one committed. Hidden comments count too: flooding is
  -- flooding, whatever moderation did since.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('comment_proposition:' || v_citizen_id, 0));
  select pg_catalog.count(*) filter (where created_at > now() - interval '1 minute'), pg_catalog.count(*)
    into v_last_minute, v_last_day
    from public.comments
   where citizen_id = v_citizen_id and created_at > now() - interval '24 hours';
  if v_last_minute >= 10 or v_last_day >= 100 then
    perform private.fail('comment_rate_limited');
  end if;

  insert into public.comments (proposition_id, parent_id, citizen_id, body, alignment)
  values (p_proposition_id, p_parent_id, v_citizen_id, pg_catalog.btrim(p_body),
          nullif(p_alignment, '')::public.comment_alignment)
  returning * into v_comment;

  -- Where the new comment shows, so a form post can land on it: the proposition's page holding the root,
  -- and for a reply past the first ones, the page of the root's replies view holding it.
  if p_parent_id is null then
    v_root := v_comment;
  else
    v_root := v_parent;
    v_reply_position := private.position_among(v_comment);
  end if;
  return private.comment_json(v_comment) || pg_catalog.jsonb_build_object('location', pg_catalog.jsonb_build_object(
    'consultation_slug', (select slug from public.consultations where id = v_proposition.consultation_id),
    'page', private.page_count(private.position_among(v_root), v_paging.roots_per_page),
    'replies_page', case when v_reply_position > v_paging.replies_shown
                         then private.page_count(v_reply_position, v_paging.replies_per_page) end));
end
$$;
comment on function public.comment_proposition(uuid, uuid, text, uuid, text) is
  'Action: the citizen of a live session comments on a proposition, or replies to a root comment, while '
  'comments are open, at most 10 comments a rolling minute and 100 a rolling day across all propositions; '
  'answers the comment and where it shows (location).';

-- Reads: a session is optional, and a dead one reads as nobody (the page is public); a live one slides.
drop function public.list_propositions(text, text, text, text, uuid, integer, integer);
create function public.list_propositions(
  p_consultation_slug text, p_sort text default 'recent', p_theme text default null,
  p_district text default null, p_session_id uuid default null, p_limit integer default 20,
  p_offset integer default 0
) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_consultation public.consultations := private.consultation_by_slug(p_consultation_slug);
  v_viewer public.citizens;
begin
  if p_sort is null or p_sort not in ('recent', 'popular')
     or p_limit is null or p_limit not between 1 and 100
     or p_offset is null or p_offset not between 0 and 100000 then
    perform private.fail('invalid_input');
  end if;
  v_viewer := private.live_citizen(p_session_id);

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
             'items', coalesce((select pg_catalog.jsonb_agg(private.proposition_json(page.id, v_viewer.id)
                                                            order by page.rank) from page), '[]'),
             'viewer', private.viewer_json(v_viewer))
  );
end
$$;
comment on function public.list_propositions(text, text, text, text, uuid, integer, integer) is
  'Action: one page of a consultation''s visible propositions, recent or popular first, filtered by '
  'theme or district, flagging those the session''s citizen supports (viewer).';

drop function public.get_proposition(uuid, uuid, integer);
create function public.get_proposition(
  p_proposition_id uuid, p_session_id uuid default null, p_page integer default 1
) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_proposition public.propositions := private.visible_proposition(p_proposition_id);
  v_viewer public.citizens := private.live_citizen(p_session_id);
  v_paging record := private.comment_paging();
  v_roots bigint;
  v_page integer;
begin
  select pg_catalog.count(*) into v_roots from public.comments
   where proposition_id = v_proposition.id and parent_id is null and status = 'published';
  v_page := private.checked_page(p_page, v_roots, v_paging.roots_per_page);
  return private.proposition_json(v_proposition.id, v_viewer.id) || pg_catalog.jsonb_build_object(
    'comments', coalesce((
      select pg_catalog.jsonb_agg(
               private.comment_json(r) || pg_catalog.jsonb_build_object(
                 'replies', private.replies_json(r.id, v_paging.replies_shown, 0, v_paging.reply_preview_length),
                 'replies_count', private.replies_count(r.id))
               order by r.created_at, r.id)
        from (select * from public.comments
               where proposition_id = v_proposition.id and parent_id is null and status = 'published'
               order by created_at, id
               limit v_paging.roots_per_page offset (v_page - 1) * v_paging.roots_per_page) r), '[]'),
    'comments_page', private.page_json(v_page, v_roots, v_paging.roots_per_page) || pg_catalog.jsonb_build_object(
      'replies_shown', v_paging.replies_shown, 'reply_preview_length', v_paging.reply_preview_length),
    'viewer', private.viewer_json(v_viewer));
end
$$;
comment on function public.get_proposition(uuid, uuid, integer) is
  'Action: a visible proposition with one page of its published root comments (oldest first), each with '
  'previews of its first replies and its replies_count; comments_page gives the paging facts, viewer the '
  'session''s citizen.';

drop function public.list_comment_replies(uuid, integer);
create function public.list_comment_replies(
  p_comment_id uuid, p_page integer default 1, p_session_id uuid default null
) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_root public.comments;
  v_viewer public.citizens;
  v_paging record := private.comment_paging();
  v_total bigint;
  v_page integer;
begin
  select * into v_root from public.comments
   where id = p_comment_id and parent_id is null and status = 'published';
  if not found then
    perform private.fail('comment_not_found');
  end if;
  perform private.visible_proposition(v_root.proposition_id);
  v_viewer := private.live_citizen(p_session_id);
  v_total := private.replies_count(v_root.id);
  v_page := private.checked_page(p_page, v_total, v_paging.replies_per_page);
  return pg_catalog.jsonb_build_object(
    'proposition', private.proposition_json(v_root.proposition_id, v_viewer.id),
    'comment', private.comment_json(v_root) || pg_catalog.jsonb_build_object('replies_count', v_total),
    'replies', private.replies_json(v_root.id, v_paging.replies_per_page, (v_page - 1) * v_paging.replies_per_page),
    'replies_page', private.page_json(v_page, v_total, v_paging.replies_per_page),
    'proposition_page', private.page_count(private.position_among(v_root), v_paging.roots_per_page),
    'viewer', private.viewer_json(v_viewer));
end
$$;
comment on function public.list_comment_replies(uuid, integer, uuid) is
  'Action: one page of a visible root comment''s published replies (oldest first), with the comment, '
  'its proposition, the proposition''s page of comments showing it (proposition_page) and the session''s '
  'citizen (viewer).';

-- -------------------------------------------------------------------------------------------------------------
-- Account and privacy
-- -------------------------------------------------------------------------------------------------------------

drop function public.set_display_name(uuid, text);
create function public.set_display_name(p_session_id uuid, p_display_name text) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_citizen public.citizens := private.acting_citizen(p_session_id);
  v_blank text := '[\t\n\v\f\r' || private.character_class('space') || ']+';
  -- Spaces, tabs and line breaks around the name are typing noise; a blank name means "stay anonymous".
  v_name text := nullif(pg_catalog.regexp_replace(p_display_name, '^' || v_blank || '|' || v_blank || '$', '', 'g'), '');
begin
  if v_name is not null and not private.is_display_name(v_name) then
    perform private.fail('invalid_input');
  end if;
  update public.citizens set display_name = v_name where id = v_citizen.id;
  return pg_catalog.jsonb_build_object('display_name', v_name);
end
$$;
comment on function public.set_display_name(uuid, text) is
  'Action: sets the name shown with the session''s citizen''s propositions and comments (trimmed, at most 60 '
  'characters), or clears it when null or blank.';

drop function public.export_citizen_data(uuid);
create function public.export_citizen_data(p_session_id uuid) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_citizen public.citizens := private.acting_citizen(p_session_id);
begin
  return pg_catalog.jsonb_build_object(
    'citizen', pg_catalog.jsonb_build_object(
      'id', v_citizen.id, 'email', v_citizen.email, 'display_name', v_citizen.display_name,
      'created_at', v_citizen.created_at),
    'identities', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'provider', i.provider, 'subject', i.subject, 'created_at', i.created_at,
               'last_used_at', i.last_used_at) order by i.created_at)
        from public.identities i where i.citizen_id = v_citizen.id), '[]'),
    'sessions', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'method', s.method, 'created_at', s.created_at, 'last_seen_at', s.last_seen_at,
               'expires_at', s.expires_at, 'revoked_at', s.revoked_at, 'user_agent', s.user_agent)
               order by s.created_at)
        from public.sessions s where s.citizen_id = v_citizen.id), '[]'),
    'sign_in_requests', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'created_at', r.created_at, 'expires_at', r.expires_at, 'used_at', r.used_at,
               'attempts', r.attempts) order by r.created_at)
        from public.sign_in_requests r where r.email operator(extensions.=) v_citizen.email), '[]'),
    'propositions', coalesce((
      select pg_catalog.jsonb_agg(private.proposition_json(p.id, v_citizen.id) order by p.created_at)
        from public.propositions p where p.citizen_id = v_citizen.id), '[]'),
    'supports', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'proposition_id', s.proposition_id, 'created_at', s.created_at) order by s.created_at)
        from public.supports s where s.citizen_id = v_citizen.id), '[]'),
    'comments', coalesce((
      select pg_catalog.jsonb_agg(private.comment_json(c) || pg_catalog.jsonb_build_object('status', c.status)
               order by c.created_at)
        from public.comments c where c.citizen_id = v_citizen.id), '[]'));
end
$$;
comment on function public.export_citizen_data(uuid) is
  'Action: everything stored about the session''s citizen (right of access), without token or code hashes.';

drop function public.delete_citizen(uuid);
create function public.delete_citizen(p_session_id uuid) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_citizen public.citizens := private.acting_citizen(p_session_id);
begin
  delete from public.rate_limit_events
   where bucket = 'sign_in_email' and key = private.hash_key(pg_catalog.lower(v_citizen.email::text));
  delete from public.sign_in_requests where email operator(extensions.=) v_citizen.email;
  delete from public.sessions where citizen_id = v_citizen.id;
  delete from public.identities where citizen_id = v_citizen.id;
  update public.citizens
     set email = null, display_name = null, deleted_at = pg_catalog.now()
   where id = v_citizen.id;
  return pg_catalog.jsonb_build_object('deleted', true);
end
$$;
comment on function public.delete_citizen(uuid) is
  'Action: erases the session''s citizen''s email, name, identities, sessions and sign-in traces (right to '
  'erasure); their propositions, supports and comments stay, attached to an anonymous tombstone.';

-- -------------------------------------------------------------------------------------------------------------
-- Grants: the re-created actions, to service_role only
-- -------------------------------------------------------------------------------------------------------------

revoke all on function
  public.submit_proposition(uuid, text, text, text, text, text, double precision, double precision),
  public.support_proposition(uuid, uuid), public.withdraw_support(uuid, uuid),
  public.comment_proposition(uuid, uuid, text, uuid, text),
  public.list_propositions(text, text, text, text, uuid, integer, integer),
  public.get_proposition(uuid, uuid, integer),
  public.list_comment_replies(uuid, integer, uuid),
  public.set_display_name(uuid, text),
  public.export_citizen_data(uuid), public.delete_citizen(uuid)
  from public, anon, authenticated;
grant execute on function
  public.submit_proposition(uuid, text, text, text, text, text, double precision, double precision),
  public.support_proposition(uuid, uuid), public.withdraw_support(uuid, uuid),
  public.comment_proposition(uuid, uuid, text, uuid, text),
  public.list_propositions(text, text, text, text, uuid, integer, integer),
  public.get_proposition(uuid, uuid, integer),
  public.list_comment_replies(uuid, integer, uuid),
  public.set_display_name(uuid, text),
  public.export_citizen_data(uuid), public.delete_citizen(uuid)
  to service_role;
