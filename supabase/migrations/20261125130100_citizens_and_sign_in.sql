-- =====================================================================================================
-- Citizens, identities, sign-in requests, sessions and rate limits.
-- Sign-in is owned by the functions: they generate the link token and the 6-digit code, mail them and pass
-- only their hashes (lowercase hex SHA-256 or HMAC-SHA-256, 64 characters) to the actions below.
-- =====================================================================================================

-- -----------------------------------------------------------------------------------------------------
-- Tables
-- -----------------------------------------------------------------------------------------------------

create table public.citizens (
  id uuid primary key default gen_random_uuid(),
  email extensions.citext unique
    check (pg_catalog.char_length(email::text) <= 254 and email::text ~ '^[^@\s]+@[^@\s]+$'),
  display_name text check (pg_catalog.char_length(display_name) between 1 and 80 and display_name ~ '\S'),
  created_at timestamptz not null default now(),
  deleted_at timestamptz,
  -- A deleted citizen is a tombstone: no email, no name, only the id its anonymized contributions keep.
  constraint citizens_deleted_have_no_personal_data
    check ((deleted_at is null) = (email is not null) and (deleted_at is null or display_name is null))
);
comment on table public.citizens is
  'People who take part. The email (case-insensitive) is the account; deletion keeps an anonymous tombstone.';

create table public.identities (
  id uuid primary key default gen_random_uuid(),
  citizen_id uuid not null references public.citizens (id) on delete cascade,
  provider text not null check (provider ~ '^[a-z][a-z0-9_:-]{1,39}$'),
  subject text not null check (pg_catalog.char_length(subject) between 1 and 254),
  created_at timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  unique (provider, subject)
);
comment on table public.identities is
  'How a citizen proves who they are (email, franceconnect, oidc:<name>, sms): a new sign-in method adds '
  'identities, never a new session shape.';
create index identities_citizen_id_idx on public.identities (citizen_id);

create table public.sign_in_requests (
  id uuid primary key default gen_random_uuid(),
  email extensions.citext not null
    check (pg_catalog.char_length(email::text) <= 254 and email::text ~ '^[^@\s]+@[^@\s]+$'),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  code_hash text not null check (code_hash ~ '^[0-9a-f]{64}$'),
  ip_hash text not null check (ip_hash ~ '^[0-9a-f]{64}$'),
  attempts smallint not null default 0 check (attempts between 0 and 5),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '15 minutes',
  used_at timestamptz,
  check (expires_at = created_at + interval '15 minutes')
);
comment on table public.sign_in_requests is
  'One mailed link + code pair. Single use (used_at), 15 minutes, at most 5 wrong codes; hashes only.';
create index sign_in_requests_email_idx on public.sign_in_requests (email, created_at desc);
create index sign_in_requests_expires_at_idx on public.sign_in_requests (expires_at);

create table public.sessions (
  id uuid primary key default gen_random_uuid(),
  citizen_id uuid not null references public.citizens (id) on delete cascade,
  identity_id uuid not null references public.identities (id) on delete cascade,
  method text not null check (method ~ '^[a-z][a-z0-9_:-]{1,39}$'),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '30 days',
  revoked_at timestamptz,
  user_agent text check (pg_catalog.char_length(user_agent) <= 400)
);
comment on table public.sessions is
  'Server-side sessions behind the signed cookie: the row is the truth for revocation and sliding expiry.';
create index sessions_citizen_id_idx on public.sessions (citizen_id);

create table public.rate_limit_events (
  bucket text not null check (bucket in ('sign_in_email', 'sign_in_ip')),
  key text not null check (key ~ '^[0-9a-f]{64}$'),
  at timestamptz not null default now()
);
comment on table public.rate_limit_events is
  'Recent sign-in requests per hashed email and hashed IP, counted to refuse floods; purged after an hour.';
create index rate_limit_events_bucket_key_at_idx on public.rate_limit_events (bucket, key, at);
create index rate_limit_events_at_idx on public.rate_limit_events (at);

-- -----------------------------------------------------------------------------------------------------
-- Access: RLS on, no policy, no privilege for the API roles. Only the actions below touch these tables.
-- -----------------------------------------------------------------------------------------------------

alter table public.citizens enable row level security;
alter table public.identities enable row level security;
alter table public.sign_in_requests enable row level security;
alter table public.sessions enable row level security;
alter table public.rate_limit_events enable row level security;
revoke all on table public.citizens, public.identities, public.sign_in_requests, public.sessions,
  public.rate_limit_events from anon, authenticated;

-- -----------------------------------------------------------------------------------------------------
-- Helpers
-- -----------------------------------------------------------------------------------------------------

create function private.active_citizen(p_citizen_id uuid) returns public.citizens
language plpgsql
set search_path = ''
as $$
declare
  v_citizen public.citizens;
begin
  select * into v_citizen from public.citizens where id = p_citizen_id and deleted_at is null;
  if not found then
    perform private.fail('unauthenticated');
  end if;
  return v_citizen;
end
$$;
comment on function private.active_citizen(uuid) is
  'Returns the acting citizen; a deleted or unknown citizen (stale session) is unauthenticated.';

create function private.open_email_session(p_email text, p_method text, p_user_agent text) returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_citizen_id uuid;
  v_identity_id uuid;
  v_session_id uuid;
begin
  insert into public.citizens (email) values (p_email)
  on conflict (email) do update set email = excluded.email
  returning id into v_citizen_id;

  insert into public.identities (citizen_id, provider, subject) values (v_citizen_id, 'email', p_email)
  on conflict (provider, subject) do update set last_used_at = pg_catalog.now()
  returning id into v_identity_id;

  insert into public.sessions (citizen_id, identity_id, method, user_agent)
  values (v_citizen_id, v_identity_id, p_method, pg_catalog.left(p_user_agent, 400))
  returning id into v_session_id;

  return pg_catalog.jsonb_build_object('citizen_id', v_citizen_id, 'session_id', v_session_id);
end
$$;
comment on function private.open_email_session(text, text, text) is
  'After a proven email: finds or creates the citizen and its email identity, then opens a session.';

-- -----------------------------------------------------------------------------------------------------
-- Actions
-- -----------------------------------------------------------------------------------------------------

create function public.request_sign_in(p_email text, p_ip_hash text, p_token_hash text, p_code_hash text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  -- Per hour: 5 mails to one address, 30 requests from one network address.
  c_max_per_email constant integer := 5;
  c_max_per_ip constant integer := 30;
  v_email text := pg_catalog.lower(pg_catalog.btrim(p_email));
  v_email_key text;
  v_request public.sign_in_requests;
begin
  if v_email is null or p_ip_hash is null or pg_catalog.char_length(v_email) > 254 then
    perform private.fail('invalid_input');
  end if;
  v_email_key := private.hash_key(v_email);

  -- Count and record under locks so parallel requests cannot all pass the limit. Email lock first, IP lock
  -- second, always in this order, so two requests never wait on each other in a cycle.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('sign_in_email:' || v_email_key, 0));
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('sign_in_ip:' || p_ip_hash, 0));

  delete from public.rate_limit_events where at < pg_catalog.now() - interval '1 hour';
  delete from public.sign_in_requests where expires_at < pg_catalog.now() - interval '1 day';

  if (select pg_catalog.count(*) from public.rate_limit_events
       where bucket = 'sign_in_email' and key = v_email_key and at > pg_catalog.now() - interval '1 hour')
       >= c_max_per_email
  or (select pg_catalog.count(*) from public.rate_limit_events
       where bucket = 'sign_in_ip' and key = p_ip_hash and at > pg_catalog.now() - interval '1 hour')
       >= c_max_per_ip
  then
    perform private.fail('rate_limited');
  end if;

  insert into public.rate_limit_events (bucket, key)
  values ('sign_in_email', v_email_key), ('sign_in_ip', p_ip_hash);

  insert into public.sign_in_requests (email, token_hash, code_hash, ip_hash)
  values (v_email, p_token_hash, p_code_hash, p_ip_hash)
  returning * into v_request;

  return pg_catalog.jsonb_build_object('request_id', v_request.id, 'expires_at', v_request.expires_at);
end
$$;
comment on function public.request_sign_in(text, text, text, text) is
  'Action: records a mailed link + code (hashes) after the per-email and per-IP hourly limits.';

create function public.consume_sign_in_link(p_token_hash text, p_user_agent text default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_request public.sign_in_requests;
begin
  select * into v_request from public.sign_in_requests where token_hash = p_token_hash for update;
  if not found or v_request.used_at is not null then
    perform private.fail('sign_in_link_invalid');
  end if;
  if v_request.expires_at <= pg_catalog.now() then
    perform private.fail('sign_in_expired');
  end if;
  update public.sign_in_requests set used_at = pg_catalog.now() where id = v_request.id;
  return private.open_email_session(v_request.email::text, 'email_link', p_user_agent);
end
$$;
comment on function public.consume_sign_in_link(text, text) is
  'Action: signs in with a mailed link, once, within 15 minutes; the same request''s code dies with it.';

create function public.consume_sign_in_code(p_email text, p_code_hash text, p_user_agent text default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  c_max_attempts constant integer := 5;
  v_request public.sign_in_requests;
begin
  -- Only the latest request's code counts, so attempts cannot be spread over several live codes.
  -- citext equality must be named: with an empty search_path a bare `=` would compare as case-sensitive text.
  select * into v_request from public.sign_in_requests
   where email operator(extensions.=) pg_catalog.btrim(p_email)::extensions.citext
   order by created_at desc
   limit 1
   for update;
  if not found then
    perform private.fail('sign_in_code_invalid');
  end if;
  if v_request.attempts >= c_max_attempts then
    perform private.fail('sign_in_too_many_attempts');
  end if;
  if v_request.used_at is not null then
    perform private.fail('sign_in_code_invalid');
  end if;
  if v_request.expires_at <= pg_catalog.now() then
    perform private.fail('sign_in_expired');
  end if;

  if v_request.code_hash is distinct from p_code_hash then
    -- The counted attempt must survive the refusal, so this is returned, not raised (a raise would roll it
    -- back); the data port turns a result carrying `error` into the same AppError as a raise.
    update public.sign_in_requests
       set attempts = attempts + 1,
           used_at = case when attempts + 1 >= c_max_attempts then pg_catalog.now() end
     where id = v_request.id
     returning * into v_request;
    return pg_catalog.jsonb_build_object(
      'error', case when v_request.attempts >= c_max_attempts
                    then 'sign_in_too_many_attempts' else 'sign_in_code_invalid' end,
      'attempts_left', c_max_attempts - v_request.attempts);
  end if;

  update public.sign_in_requests set used_at = pg_catalog.now() where id = v_request.id;
  return private.open_email_session(v_request.email::text, 'email_code', p_user_agent);
end
$$;
comment on function public.consume_sign_in_code(text, text, text) is
  'Action: signs in with the 6-digit code of the latest request for an email (case-insensitive); '
  '5 wrong codes burn the request.';

create function public.touch_session(p_session_id uuid) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_result jsonb;
begin
  -- Slide the 30-day expiry, at most once a minute per session, to spare a write on every request.
  update public.sessions
     set last_seen_at = pg_catalog.now(), expires_at = pg_catalog.now() + interval '30 days'
   where id = p_session_id and revoked_at is null and expires_at > pg_catalog.now()
     and last_seen_at < pg_catalog.now() - interval '1 minute';

  select pg_catalog.jsonb_build_object(
           'citizen_id', s.citizen_id, 'display_name', c.display_name, 'session_id', s.id)
    into v_result
    from public.sessions s
    join public.citizens c on c.id = s.citizen_id
   where s.id = p_session_id and s.revoked_at is null and s.expires_at > pg_catalog.now()
     and c.deleted_at is null;
  if v_result is null then
    perform private.fail('session_expired');
  end if;
  return v_result;
end
$$;
comment on function public.touch_session(uuid) is
  'Action: resolves a session cookie to its citizen and slides its expiry; revoked or idle 30 days fails.';

create function public.sign_out(p_session_id uuid, p_everywhere boolean default false) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_revoked integer;
begin
  update public.sessions
     set revoked_at = pg_catalog.now()
   where revoked_at is null
     and (id = p_session_id
          or (coalesce(p_everywhere, false)
              and citizen_id = (select citizen_id from public.sessions where id = p_session_id)));
  get diagnostics v_revoked = row_count;
  return pg_catalog.jsonb_build_object('revoked', v_revoked);
end
$$;
comment on function public.sign_out(uuid, boolean) is
  'Action: revokes this session, or every session of its citizen ("sign out everywhere").';

revoke all on function public.request_sign_in(text, text, text, text), public.consume_sign_in_link(text, text),
  public.consume_sign_in_code(text, text, text), public.touch_session(uuid), public.sign_out(uuid, boolean)
  from public, anon, authenticated;
grant execute on function public.request_sign_in(text, text, text, text), public.consume_sign_in_link(text, text),
  public.consume_sign_in_code(text, text, text), public.touch_session(uuid), public.sign_out(uuid, boolean)
  to service_role;
