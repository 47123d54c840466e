-- =====================================================================================================
-- Comment flooding (issue 6, point 6): a per-citizen rate limit on comments, checked under a lock, and
-- comments read a page at a time (root comments with previews of their first replies; a root's replies on
-- their own pages), so no answer grows with the size of a discussion: with every comment at its 2,000-character
-- limit, full replies under each root (about 240 KB of text a page) would break the 60 KB gzip bound.
-- =====================================================================================================

-- -----------------------------------------------------------------------------------------------------
-- Indexes: every paged read and the rate-limit count walk an index in the order they read.
-- -----------------------------------------------------------------------------------------------------

create index comments_roots_page_idx on public.comments (proposition_id, status, created_at, id)
  where parent_id is null;
comment on index public.comments_roots_page_idx is
  'Pages of a proposition''s root comments, oldest first (get_proposition).';

create index comments_replies_page_idx on public.comments (parent_id, status, created_at, id);
comment on index public.comments_replies_page_idx is
  'A root comment''s replies in order (preview, replies pages) and the reply foreign key''s cascade.';

-- Replaces the citizen-only index: the rate limit reads one citizen's recent comments.
drop index public.comments_citizen_id_idx;
create index comments_citizen_created_idx on public.comments (citizen_id, created_at);
comment on index public.comments_citizen_created_idx is
  'One citizen''s comments by date: the rolling-window rate limit, the export and the erasure.';

-- -----------------------------------------------------------------------------------------------------
-- Helpers
-- -----------------------------------------------------------------------------------------------------

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

create function private.page_count(p_total bigint, p_size integer) returns integer
language sql immutable
set search_path = ''
as $$
  select greatest(1, ((p_total + p_size - 1) / p_size)::integer)
$$;
comment on function private.page_count(bigint, integer) is
  'Pages needed for p_total items, at least one (an empty discussion still has its first page).';

create function private.checked_page(p_page integer, p_total bigint, p_size integer) returns integer
language plpgsql immutable
set search_path = ''
as $$
begin
  if p_page is null or p_page < 1 then
    perform private.fail('invalid_input');
  end if;
  -- Past the end shows the last page: a link to a page that emptied since (moderation) still lands.
  return least(p_page, private.page_count(p_total, p_size));
end
$$;
comment on function private.checked_page(integer, bigint, integer) is
  'A requested 1-based page, refused below 1, brought back to the last page when past the end.';

create function private.page_json(p_page integer, p_total bigint, p_size integer) returns jsonb
language sql immutable
set search_path = ''
as $$
  select pg_catalog.jsonb_build_object(
           'page', p_page, 'pages', private.page_count(p_total, p_size), 'page_size', p_size, 'total', p_total)
$$;
comment on function private.page_json(integer, bigint, integer) is
  'The one shape of paging facts in answers: page, pages, page_size, total.';

create function private.replies_json(
  p_root_id uuid, p_limit integer, p_offset integer, p_preview_length integer default null
) returns jsonb
language sql stable
set search_path = ''
as $$
  select coalesce(pg_catalog.jsonb_agg(
           case when p_preview_length is null then private.comment_json(c)
                else private.comment_json(c) || pg_catalog.jsonb_build_object(
                       'body', private.text_preview(c.body, p_preview_length),
                       'body_truncated', pg_catalog.char_length(c.body) > p_preview_length) end
           order by c.created_at, c.id), '[]')
    from (select * from public.comments
           where parent_id = p_root_id and status = 'published'
           order by created_at, id
           limit p_limit offset p_offset) c
$$;
comment on function private.replies_json(uuid, integer, integer, integer) is
  'A slice of a root comment''s published replies, oldest first; with p_preview_length, each body is cut '
  'to a preview of that many characters (body_truncated says whether it was).';

create function private.replies_count(p_root_id uuid) returns bigint
language sql stable
set search_path = ''
as $$
  select pg_catalog.count(*) from public.comments where parent_id = p_root_id and status = 'published'
$$;
comment on function private.replies_count(uuid) is 'How many published replies a root comment has.';

create function private.position_among(p_comment public.comments) returns bigint
language sql stable
set search_path = ''
as $$
  -- Same order as the pages (created_at, id), among the same siblings: roots of the proposition, or
  -- replies of the root.
  select pg_catalog.count(*) from public.comments c
   where c.status = 'published'
     and (c.created_at, c.id) <= (p_comment.created_at, p_comment.id)
     and case when p_comment.parent_id is null
              then c.proposition_id = p_comment.proposition_id and c.parent_id is null
              else c.parent_id = p_comment.parent_id end
$$;
comment on function private.position_among(public.comments) is
  '1-based rank of a comment among its published siblings, in page order, to find the page showing it.';

-- -----------------------------------------------------------------------------------------------------
-- Actions
-- -----------------------------------------------------------------------------------------------------

create or replace function public.comment_proposition(
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
  v_paging record := private.comment_paging();
  v_last_minute bigint;
  v_last_day bigint;
  v_root public.comments;
  v_reply_position bigint;
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

  -- One citizen's comments take turns (across every proposition), so parallel requests cannot all pass
  -- the count: each one counts after the previous one committed. Hidden comments count too: flooding is
  -- flooding, whatever moderation did since.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('comment_proposition:' || p_citizen_id, 0));
  select pg_catalog.count(*) filter (where created_at > now() - interval '1 minute'), pg_catalog.count(*)
    into v_last_minute, v_last_day
    from public.comments
   where citizen_id = p_citizen_id and created_at > now() - interval '24 hours';
  if v_last_minute >= 10 or v_last_day >= 100 then
    perform private.fail('comment_rate_limited');
  end if;

  insert into public.comments (proposition_id, parent_id, citizen_id, body, alignment)
  values (p_proposition_id, p_parent_id, p_citizen_id, pg_catalog.btrim(p_body),
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
  'Action: a citizen comments on a proposition, or replies to a root comment, while comments are open, '
  'at most 10 comments a rolling minute and 100 a rolling day across all propositions; answers the comment '
  'and where it shows (location).';

drop function public.get_proposition(uuid, uuid);
create function public.get_proposition(
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
                 'replies', private.replies_json(r.id, v_paging.replies_shown, 0, v_paging.reply_preview_length),
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

create function public.list_comment_replies(p_comment_id uuid, p_page integer default 1) returns jsonb
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  v_root public.comments;
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
  v_total := private.replies_count(v_root.id);
  v_page := private.checked_page(p_page, v_total, v_paging.replies_per_page);
  return pg_catalog.jsonb_build_object(
    'proposition', private.proposition_json(v_root.proposition_id, null),
    'comment', private.comment_json(v_root) || pg_catalog.jsonb_build_object('replies_count', v_total),
    'replies', private.replies_json(v_root.id, v_paging.replies_per_page, (v_page - 1) * v_paging.replies_per_page),
    'replies_page', private.page_json(v_page, v_total, v_paging.replies_per_page),
    'proposition_page', private.page_count(private.position_among(v_root), v_paging.roots_per_page));
end
$$;
comment on function public.list_comment_replies(uuid, integer) is
  'Action: one page of a visible root comment''s published replies (oldest first), with the comment, '
  'its proposition and the proposition''s page of comments showing it (proposition_page).';

revoke all on function
  public.comment_proposition(uuid, uuid, text, uuid, text),
  public.get_proposition(uuid, uuid, integer),
  public.list_comment_replies(uuid, integer)
  from public, anon, authenticated;
grant execute on function
  public.comment_proposition(uuid, uuid, text, uuid, text),
  public.get_proposition(uuid, uuid, integer),
  public.list_comment_replies(uuid, integer)
  to service_role;
