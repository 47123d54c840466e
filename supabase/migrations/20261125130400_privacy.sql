-- =====================================================================================================
-- Privacy (GDPR articles 15 and 17): a citizen can export everything stored about them, and delete their
-- account. Deletion removes personal data and keeps contributions, anonymized, so counts stay true.
-- =====================================================================================================

create function public.export_citizen_data(p_citizen_id uuid) returns jsonb
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  v_citizen public.citizens := private.active_citizen(p_citizen_id);
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
  'Action: everything stored about a citizen (right of access), without token or code hashes.';

create function public.delete_citizen(p_citizen_id uuid) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_citizen public.citizens := private.active_citizen(p_citizen_id);
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
  'Action: erases a citizen''s email, name, identities, sessions and sign-in traces (right to erasure); '
  'their propositions, supports and comments stay, attached to an anonymous tombstone.';

revoke all on function public.export_citizen_data(uuid), public.delete_citizen(uuid)
  from public, anon, authenticated;
grant execute on function public.export_citizen_data(uuid), public.delete_citizen(uuid) to service_role;
