-- =====================================================================================================
-- Retention (issue 6, point 12): the technical traces of signing in are erased once they no longer serve.
-- The periods are declared once in site/_lib/privacy/retention.ts, which the privacy page shows;
-- tests/db/retention.test.ts ages rows on each side of every period to keep this function in step with it.
-- `npm run purge` calls it; in production a scheduled job must call it daily.
-- =====================================================================================================

create function public.purge_expired_data() returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_sign_in_requests integer;
  v_rate_limit_events integer;
  v_sessions integer;
begin
  -- Sign-in requests (email, hashes of the link, the code and the IP address): 24 hours after they expire.
  delete from public.sign_in_requests where expires_at < pg_catalog.now() - interval '24 hours';
  get diagnostics v_sign_in_requests = row_count;

  -- Rate-limit events, every bucket: 24 hours, as long as the longest window a limit counts over.
  delete from public.rate_limit_events where at < pg_catalog.now() - interval '24 hours';
  get diagnostics v_rate_limit_events = row_count;

  -- Sessions: 30 days after they end, by sign-out or by expiry (30 days without use).
  delete from public.sessions
   where expires_at < pg_catalog.now() - interval '30 days'
      or revoked_at < pg_catalog.now() - interval '30 days';
  get diagnostics v_sessions = row_count;

  return pg_catalog.jsonb_build_object(
    'sign_in_requests', v_sign_in_requests,
    'rate_limit_events', v_rate_limit_events,
    'sessions', v_sessions);
end
$$;
comment on function public.purge_expired_data() is
  'Action: deletes sign-in requests 24 hours after expiry, rate-limit events after 24 hours and sessions 30 days '
  'after they end (periods of site/_lib/privacy/retention.ts); returns the count deleted per table.';

revoke all on function public.purge_expired_data() from public, anon, authenticated;
grant execute on function public.purge_expired_data() to service_role;
