-- =====================================================================================================
-- The build's idea-box snapshot (issue 7, point 5): the first page of every consultation's propositions in
-- one call. The build renders that page into each consultation page; one list_propositions call per page
-- cost a transaction and a round trip each (400 on a commune with 200 consultations in two languages).
-- =====================================================================================================

create function public.build_snapshot(p_sort text, p_limit integer) returns jsonb
language sql stable
security definer
set search_path = ''
as $$
  -- list_propositions itself, so a snapshot page is exactly the first page the functions serve.
  select coalesce(
           pg_catalog.jsonb_object_agg(
             c.slug,
             public.list_propositions(p_consultation_slug => c.slug, p_sort => p_sort, p_limit => p_limit)),
           '{}')
    from public.consultations c
$$;
comment on function public.build_snapshot(text, integer) is
  'Action: the first page of visible propositions of every synced consultation, keyed by slug, for the '
  'build''s snapshot (a consultation absent from the result has none).';

revoke all on function public.build_snapshot(text, integer) from public, anon, authenticated;
grant execute on function public.build_snapshot(text, integer) to service_role;
