-- =============================================================================================================
-- Only a live session acts (issue 6, point 7).
-- A session that was signed out or expired could still call "sign out everywhere" and revoke the citizen's newer
-- sessions: a cookie copied before a sign-out (a shared computer, a stolen cookie) kept that power. Every other
-- session-bound action already goes through touch_session, which refuses dead sessions; sign_out now does too.
-- =============================================================================================================

create or replace function public.sign_out(p_session_id uuid, p_everywhere boolean default false) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_citizen_id uuid;
  v_revoked integer;
begin
  -- Locked so a concurrent sign-out of the same session cannot slip between the check and the update.
  select citizen_id into v_citizen_id
    from public.sessions
   where id = p_session_id and revoked_at is null and expires_at > pg_catalog.now()
     for update;
  if v_citizen_id is null then
    -- Ending a session that is already over changes nothing; ending the others needs a live one.
    if coalesce(p_everywhere, false) then
      perform private.fail('session_expired');
    end if;
    return pg_catalog.jsonb_build_object('revoked', 0);
  end if;

  update public.sessions
     set revoked_at = pg_catalog.now()
   where revoked_at is null
     and (id = p_session_id or (coalesce(p_everywhere, false) and citizen_id = v_citizen_id));
  get diagnostics v_revoked = row_count;
  return pg_catalog.jsonb_build_object('revoked', v_revoked);
end
$$;
comment on function public.sign_out(uuid, boolean) is
  'Action: revokes this live session, or every session of its citizen ("sign out everywhere"); a revoked or '
  'expired session revokes nothing and cannot sign out everywhere (session_expired).';
