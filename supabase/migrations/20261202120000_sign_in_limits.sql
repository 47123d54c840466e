-- =====================================================================================================
-- Sign-in limits that let a public meeting in and keep sprays out (issue 6, point 11).
-- A town hall puts a hundred residents behind the mairie's one address within minutes, so an address is
-- limited by the number of distinct emails it asks for, not by its number of requests:
--   * below a soft threshold (20 distinct emails in 10 minutes) nothing changes;
--   * past it, a request carries a solved proof of work (verified by the functions, spent once here), or,
--     for browsers without JavaScript, is still accepted with a stricter per-email limit (1 mail per email
--     per 10 minutes instead of 5 an hour); a JSON client, which runs code, is asked for the proof instead;
--   * a hard ceiling (300 distinct emails or 600 requests an hour) stops a spray whatever it carries;
--   * wrong codes are capped per address too (100 an hour), on top of the 5 attempts per mailed code.
-- Addresses arrive as HMACs of their network key (an IPv6 /64, an IPv4 address), computed by the functions.
-- =====================================================================================================

-- -----------------------------------------------------------------------------------------------------
-- Rate-limit events: new buckets, and the email behind an address's request, hashed with the address
-- -----------------------------------------------------------------------------------------------------

alter table public.rate_limit_events drop constraint rate_limit_events_bucket_check;
alter table public.rate_limit_events add constraint rate_limit_events_bucket_check
  check (bucket in ('sign_in_email', 'sign_in_ip', 'sign_in_code_failure', 'sign_in_proof'));

-- Hashed with the address, so the value can count an address's distinct emails but never find an email.
alter table public.rate_limit_events add column detail text check (detail ~ '^[0-9a-f]{64}$');
comment on column public.rate_limit_events.detail is
  'For sign_in_ip events: SHA-256 of the address key and the email key together, to count distinct emails '
  'per address without storing anything that finds an email.';
comment on table public.rate_limit_events is
  'Recent sign-in events (requests per hashed email and per hashed address, wrong codes per address, spent '
  'proofs of work), counted to refuse floods; older than an hour they count for nothing.';

-- -----------------------------------------------------------------------------------------------------
-- Actions
-- -----------------------------------------------------------------------------------------------------

-- New arguments change the signatures, so the old functions go rather than linger as overloads.
drop function public.request_sign_in(text, text, text, text);
drop function public.consume_sign_in_code(text, text, text);

create function public.request_sign_in(
  p_email text,
  p_ip_hash text,
  p_token_hash text,
  p_code_hash text,
  p_proof text default null,
  p_can_prove boolean default false
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  c_max_per_email constant integer := 5;          -- mails to one email, per hour
  c_soft_distinct constant integer := 20;         -- distinct emails from one address, per 10 minutes
  c_max_distinct constant integer := 300;         -- distinct emails from one address, per hour
  c_max_per_address constant integer := 600;      -- requests from one address, per hour
  v_email text := pg_catalog.lower(pg_catalog.btrim(p_email));
  v_email_key text;
  v_pair text;
  v_proved boolean;
  v_request public.sign_in_requests;
begin
  if v_email is null or p_ip_hash is null or pg_catalog.char_length(v_email) > 254 then
    perform private.fail('invalid_input');
  end if;
  v_email_key := private.hash_key(v_email);
  v_pair := private.hash_key(p_ip_hash || ':' || v_email_key);

  -- Count and record under locks so parallel requests cannot all pass a limit. Email lock first, address
  -- lock second, always in this order, so two requests never wait on each other in a cycle.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('sign_in_email:' || v_email_key, 0));
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('sign_in_ip:' || p_ip_hash, 0));

  delete from public.rate_limit_events where at < pg_catalog.now() - interval '1 hour';
  delete from public.sign_in_requests where expires_at < pg_catalog.now() - interval '1 day';

  if (select pg_catalog.count(*) from public.rate_limit_events
       where bucket = 'sign_in_email' and key = v_email_key) >= c_max_per_email
  then
    perform private.fail('rate_limited');
  end if;

  -- The hard ceilings. An email this address already asked for does not count as a new one.
  if (select pg_catalog.count(*) from public.rate_limit_events
       where bucket = 'sign_in_ip' and key = p_ip_hash) >= c_max_per_address
  or (not exists (select 1 from public.rate_limit_events
                   where bucket = 'sign_in_ip' and key = p_ip_hash and detail = v_pair)
      and (select pg_catalog.count(distinct detail) from public.rate_limit_events
            where bucket = 'sign_in_ip' and key = p_ip_hash) >= c_max_distinct)
  then
    perform private.fail('rate_limited');
  end if;

  -- A proof counts once: a replayed one is no proof. It is spent even below the threshold, so that a
  -- proof solved for a quiet moment cannot be saved for a busy one.
  v_proved := p_proof is not null
    and not exists (select 1 from public.rate_limit_events where bucket = 'sign_in_proof' and key = p_proof);
  if v_proved then
    insert into public.rate_limit_events (bucket, key) values ('sign_in_proof', p_proof);
  end if;

  if not v_proved
     and (select pg_catalog.count(distinct detail) from public.rate_limit_events
           where bucket = 'sign_in_ip' and key = p_ip_hash and at > pg_catalog.now() - interval '10 minutes')
         >= c_soft_distinct
  then
    if coalesce(p_can_prove, false) then
      perform private.fail('challenge_required');
    end if;
    if exists (select 1 from public.rate_limit_events
                where bucket = 'sign_in_email' and key = v_email_key
                  and at > pg_catalog.now() - interval '10 minutes') then
      perform private.fail('rate_limited');
    end if;
  end if;

  insert into public.rate_limit_events (bucket, key, detail)
  values ('sign_in_email', v_email_key, null), ('sign_in_ip', p_ip_hash, v_pair);

  insert into public.sign_in_requests (email, token_hash, code_hash, ip_hash)
  values (v_email, p_token_hash, p_code_hash, p_ip_hash)
  returning * into v_request;

  return pg_catalog.jsonb_build_object('request_id', v_request.id, 'expires_at', v_request.expires_at);
end
$$;
comment on function public.request_sign_in(text, text, text, text, text, boolean) is
  'Action: records a mailed link + code (hashes) within the per-email limit and the per-address soft '
  'threshold (then a proof of work, or 1 mail per email per 10 minutes) and hard ceilings. p_proof is a '
  'challenge the functions verified, spent here once; p_can_prove asks a scripted client for a proof.';

create function public.consume_sign_in_code(
  p_email text,
  p_code_hash text,
  p_ip_hash text,
  p_user_agent text default null
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  c_max_attempts constant integer := 5;
  c_max_failures_per_address constant integer := 100;  -- wrong codes from one address, per hour
  v_request public.sign_in_requests;
begin
  if p_ip_hash is null then
    perform private.fail('invalid_input');
  end if;
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('sign_in_code_ip:' || p_ip_hash, 0));
  if (select pg_catalog.count(*) from public.rate_limit_events
       where bucket = 'sign_in_code_failure' and key = p_ip_hash
         and at > pg_catalog.now() - interval '1 hour') >= c_max_failures_per_address
  then
    perform private.fail('sign_in_code_rate_limited');
  end if;

  -- Only the latest request's code counts, so attempts cannot be spread over several live codes.
  -- citext equality must be named: with an empty search_path a bare `=` would compare as case-sensitive text.
  select * into v_request from public.sign_in_requests
   where email operator(extensions.=) pg_catalog.btrim(p_email)::extensions.citext
   order by created_at desc
   limit 1
   for update;
  if not found then
    -- A guess at an email that asked for nothing is still a guess: counted, so returned rather than raised
    -- (a raise would roll the count back; the data port turns `error` into the same AppError).
    insert into public.rate_limit_events (bucket, key) values ('sign_in_code_failure', p_ip_hash);
    return pg_catalog.jsonb_build_object('error', 'sign_in_code_invalid');
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
    insert into public.rate_limit_events (bucket, key) values ('sign_in_code_failure', p_ip_hash);
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
comment on function public.consume_sign_in_code(text, text, text, text) is
  'Action: signs in with the 6-digit code of the latest request for an email (case-insensitive); '
  '5 wrong codes burn the request, 100 wrong codes an hour stop the address (its mailed links still work).';

revoke all on function public.request_sign_in(text, text, text, text, text, boolean),
  public.consume_sign_in_code(text, text, text, text) from public, anon, authenticated;
grant execute on function public.request_sign_in(text, text, text, text, text, boolean),
  public.consume_sign_in_code(text, text, text, text) to service_role;
