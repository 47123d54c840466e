-- =====================================================================================================
-- Visible text: one rule for every text citizens write and every title synced from content/. A text must
-- show something (a title of zero-width or no-break spaces is empty), and carries no control character
-- except LF in multi-line texts. The characters are listed explicitly, never as \s or [[:space:]]: those
-- follow the database's locale, and PGlite and PostgreSQL disagree (on PGlite a no-break space matches \S).
-- The list is site/_lib/text/visible.ts; tests/db/visible-text.test.ts compares it with these classes.
-- The rule sits in CHECK constraints, so it holds whatever action or later version of an action writes.
-- =====================================================================================================

-- -----------------------------------------------------------------------------------------------------
-- Helpers used by constraints
-- -----------------------------------------------------------------------------------------------------

create function private.character_class(p_kind text) returns text
language sql immutable
set search_path = ''
as $$
  -- Regular-expression class bodies, generated from site/_lib/text/visible.ts (one line per kind there).
  select case p_kind
    when 'control' then '\u0000-\u001f\u007f-\u009f'
    when 'space' then '\u0020\u00a0\u1680\u2000-\u200a\u202f\u205f\u2800\u3000'
    when 'format' then
      '\u00ad\u034f\u17b4-\u17b5\u180b-\u180f\ufe00-\ufe0f\ufff0-\ufff8\U0001bca0-\U0001bca3\U0001d173-\U0001d17a'
      '\U000e0000-\U000e0fff'
    when 'disguise' then '\u061c\u115f-\u1160\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0'
  end
$$;
comment on function private.character_class(text) is
  'The invisible characters of one kind (control, space, format, disguise) as a regular-expression class '
  'body; the same list as site/_lib/text/visible.ts.';

create function private.is_visible_text(p_text text) returns boolean
language sql immutable
set search_path = ''
as $$
  select p_text ~ ('[^' || private.character_class('control') || private.character_class('space')
                   || private.character_class('format') || private.character_class('disguise') || ']')
$$;
comment on function private.is_visible_text(text) is
  'CHECK helper: the text shows at least one character that is neither a control nor an invisible one.';

create function private.is_citizen_text(p_text text, p_max_length integer, p_multiline boolean)
returns boolean
language sql immutable
set search_path = ''
as $$
  -- LF is the one control a multi-line text keeps: the functions turn CRLF and lone CR into LF first.
  select pg_catalog.char_length(p_text) <= p_max_length
     and private.is_visible_text(p_text)
     and (case when p_multiline then pg_catalog.replace(p_text, E'\n', '') else p_text end)
         !~ ('[' || private.character_class('control') || ']')
$$;
comment on function private.is_citizen_text(text, integer, boolean) is
  'CHECK helper: visible text of at most p_max_length characters without control characters (LF allowed '
  'when p_multiline).';

create or replace function private.short_texts(p_items text[], p_max_items integer, p_max_length integer)
returns boolean
language sql immutable
set search_path = ''
as $$
  select pg_catalog.cardinality(p_items) <= p_max_items
     and not exists (
       select 1 from pg_catalog.unnest(p_items) as item
       where item is null or not private.is_citizen_text(item, p_max_length, false)
     )
$$;
comment on function private.short_texts(text[], integer, integer) is
  'CHECK helper: a bounded list of visible, one-line, bounded strings (themes of a consultation).';

create or replace function private.is_display_name(p_name text) returns boolean
language sql immutable
set search_path = ''
as $$
  -- Zero-width and bidirectional characters could hide or disguise a name next to a proposition (another
  -- citizen's name read backwards, an invisible signature), so a name refuses them anywhere.
  select p_name = pg_catalog.btrim(p_name)
     and private.is_citizen_text(p_name, 60, false)
     and p_name !~ ('[' || private.character_class('disguise') || ']')
$$;
comment on function private.is_display_name(text) is
  'CHECK helper: a trimmed, visible name of at most 60 characters without control or disguising characters.';

-- -----------------------------------------------------------------------------------------------------
-- Tables: each check is dropped and added again, so existing rows are checked against the new rule.
-- -----------------------------------------------------------------------------------------------------

alter table public.consultations
  drop constraint consultations_title_check,
  add constraint consultations_title_check check (private.is_citizen_text(title, 200, false)),
  drop constraint consultations_themes_check,
  add constraint consultations_themes_check check (private.short_texts(themes, 50, 100)),
  drop constraint consultations_districts_check,
  add constraint consultations_districts_check check (private.short_texts(districts, 100, 100));

alter table public.phases
  drop constraint phases_title_check,
  add constraint phases_title_check check (private.is_citizen_text(title, 200, false));

alter table public.propositions
  drop constraint propositions_title_check,
  add constraint propositions_title_check check (private.is_citizen_text(title, 140, false)),
  drop constraint propositions_body_check,
  add constraint propositions_body_check check (private.is_citizen_text(body, 5000, true)),
  drop constraint propositions_theme_check,
  add constraint propositions_theme_check check (private.is_citizen_text(theme, 100, false)),
  drop constraint propositions_district_check,
  add constraint propositions_district_check check (private.is_citizen_text(district, 100, false));

alter table public.comments
  drop constraint comments_body_check,
  add constraint comments_body_check check (private.is_citizen_text(body, 2000, true));

alter table public.citizens
  drop constraint citizens_display_name_check,
  add constraint citizens_display_name_check check (private.is_display_name(display_name));

-- -----------------------------------------------------------------------------------------------------
-- Actions
-- -----------------------------------------------------------------------------------------------------

-- The first version trimmed with \s, whose meaning depends on the database's locale; the listed spaces, tabs
-- and line breaks trim the same way on every engine (other controls stay, and are refused).
create or replace function public.set_display_name(p_citizen_id uuid, p_display_name text) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_citizen public.citizens := private.active_citizen(p_citizen_id);
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
  'Action: sets the name shown with a citizen''s propositions and comments (trimmed, at most 60 characters), '
  'or clears it when null or blank.';
