-- =====================================================================================================
-- Comment pages at their worst (issue 6, point 6): with every comment at its 2,000-character limit, 20 roots
-- with 5 full replies each (about 240 KB of text) and 50 full replies a page broke the 60 KB gzip bound.
-- The replies shown under each root become previews (their full text is on the replies view), and the
-- replies view shows 20 replies a page.
-- =====================================================================================================

-- -----------------------------------------------------------------------------------------------------
-- Helpers
-- -----------------------------------------------------------------------------------------------------

-- Gains an output column, which create or replace cannot do. Its callers are PL/pgSQL (bound at run time).
drop function private.comment_paging();
create function private.comment_paging(
  out roots_per_page integer, out replies_shown integer, out replies_per_page integer,
  out reply_preview_length integer
)
language sql immutable
set search_path = ''
as $$
  -- replies_shown <= replies_per_page: the replies shown under a root are all on its replies view's first
  -- page, where « Lire la suite » leads.
  select 20, 5, 20, 280
$$;
comment on function private.comment_paging() is
  'The one statement of comment page sizes: root comments per page of a proposition, replies shown under '
  'each root there, replies per page of a root''s replies view, and the characters of a shown reply''s '
  'preview. Answers carry them (page_size; replies_shown and reply_preview_length in comments_page).';

create function private.text_preview(p_text text, p_length integer) returns text
language sql immutable
set search_path = ''
as $$
  -- Cut after the last whole word that fits, unless that loses more than half the preview (one long word).
  select case when pg_catalog.char_length(p_text) <= p_length then p_text
              else coalesce((select w from pg_catalog.substring(pg_catalog.left(p_text, p_length + 1), '^(.*\S)\s') w
                              where pg_catalog.char_length(w) > p_length / 2),
                            pg_catalog.rtrim(pg_catalog.left(p_text, p_length))) end
$$;
comment on function private.text_preview(text, integer) is
  'The start of a text, at most p_length characters, cut at a word boundary when one is near the end.';

create function private.reply_previews_json(p_root_id uuid, p_limit integer, p_length integer) returns jsonb
language sql stable
set search_path = ''
as $$
  select coalesce(pg_catalog.jsonb_agg(
           private.comment_json(c) || pg_catalog.jsonb_build_object(
             'body', private.text_preview(c.body, p_length),
             'body_truncated', pg_catalog.char_length(c.body) > p_length)
           order by c.created_at, c.id), '[]')
    from (select * from public.comments
           where parent_id = p_root_id and status = 'published'
           order by created_at, id
           limit p_limit) c
$$;
comment on function private.reply_previews_json(uuid, integer, integer) is
  'A root comment''s first published replies, oldest first, each body cut to a preview of p_length '
  'characters (body_truncated says whether it was cut).';

-- -----------------------------------------------------------------------------------------------------
-- Actions
-- -----------------------------------------------------------------------------------------------------

create or replace function public.get_proposition(
  p_proposition_id uuid, p_citizen_id uuid default null, p_page integer default 1
) returns jsonb
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  v_proposition public.propositions := private.visible_proposition(p_proposition_id);
  v_paging record := private.comment_paging();
  v_roots bigint;
  v_page integer;
begin
  select pg_catalog.count(*) into v_roots from public.comments
   where proposition_id = v_proposition.id and parent_id is null and status = 'published';
  v_page := private.checked_page(p_page, v_roots, v_paging.roots_per_page);
  return private.proposition_json(v_proposition.id, p_citizen_id) || pg_catalog.jsonb_build_object(
    'comments', coalesce((
      select pg_catalog.jsonb_agg(
               private.comment_json(r) || pg_catalog.jsonb_build_object(
                 'replies', private.reply_previews_json(r.id, v_paging.replies_shown, v_paging.reply_preview_length),
                 'replies_count', private.replies_count(r.id))
               order by r.created_at, r.id)
        from (select * from public.comments
               where proposition_id = v_proposition.id and parent_id is null and status = 'published'
               order by created_at, id
               limit v_paging.roots_per_page offset (v_page - 1) * v_paging.roots_per_page) r), '[]'),
    'comments_page', private.page_json(v_page, v_roots, v_paging.roots_per_page) || pg_catalog.jsonb_build_object(
      'replies_shown', v_paging.replies_shown, 'reply_preview_length', v_paging.reply_preview_length));
end
$$;
comment on function public.get_proposition(uuid, uuid, integer) is
  'Action: a visible proposition with one page of its published root comments (oldest first), each with '
  'previews of its first replies and its replies_count; comments_page gives the paging facts.';
