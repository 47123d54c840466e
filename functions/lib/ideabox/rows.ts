// The data port's jsonb shapes (private.proposition_json, comment_json) turned into the renderer's types.
import type { Alignment, Citizen, Comment, Paging, PropositionDetail, PropositionStatus, PropositionSummary } from "../../../templates/modules/ideabox/types.ts";

/** private.viewer_json: what the read actions answer as `viewer`, the live session's citizen. */
export interface ViewerRow {
  id: string;
  display_name: string | null;
}

export interface PropositionRow {
  id: string;
  consultation_slug: string;
  title: string;
  body: string;
  theme: string | null;
  district: string | null;
  lng: number | null;
  lat: number | null;
  status: PropositionStatus;
  created_at: string;
  supports_count: number;
  comments_count: number;
  supported_by_me: boolean;
  author_name: string | null;
}

export interface CommentRow {
  id: string;
  proposition_id: string;
  parent_id: string | null;
  body: string;
  alignment: Alignment | null;
  created_at: string;
  author_name: string | null;
  /** A reply shown under its root (get_proposition): whether `body` is a preview of a longer text. */
  body_truncated?: boolean;
  /** Root comments: the first replies, and how many there are in all. */
  replies?: CommentRow[];
  replies_count?: number;
}

/** private.page_json */
export interface PagingRow {
  page: number;
  pages: number;
  page_size: number;
  total: number;
}

/** get_proposition: one page of root comments. */
export interface PropositionDetailRow extends PropositionRow {
  comments: CommentRow[];
  comments_page: PagingRow;
  viewer: ViewerRow | null;
}

/** list_comment_replies */
export interface RepliesRow {
  proposition: PropositionRow;
  comment: CommentRow;
  replies: CommentRow[];
  replies_page: PagingRow;
  proposition_page: number;
  viewer: ViewerRow | null;
}

export interface PropositionPage {
  total: number;
  items: PropositionRow[];
  viewer: ViewerRow | null;
}

export function toCitizen(viewer: ViewerRow | null): Citizen | null {
  return viewer ? { id: viewer.id, displayName: viewer.display_name } : null;
}

export function toSummary(row: PropositionRow): PropositionSummary {
  return {
    id: row.id,
    status: row.status,
    title: row.title,
    body: row.body,
    theme: row.theme,
    district: row.district,
    authorName: row.author_name,
    createdAt: row.created_at,
    supportsCount: Number(row.supports_count),
    commentsCount: Number(row.comments_count),
    supported: row.supported_by_me === true,
  };
}

function toComment(row: CommentRow): Comment {
  return {
    id: row.id,
    parentId: row.parent_id,
    body: row.body,
    alignment: row.alignment,
    authorName: row.author_name,
    createdAt: row.created_at,
    truncated: row.body_truncated === true,
    replies: (row.replies ?? []).map(toComment),
    repliesCount: Number(row.replies_count ?? 0),
  };
}

export function toPaging(row: PagingRow): Paging {
  return { page: Number(row.page), pages: Number(row.pages), pageSize: Number(row.page_size), total: Number(row.total) };
}

export function toDetail(row: PropositionDetailRow): PropositionDetail {
  return { ...toSummary(row), comments: row.comments.map(toComment) };
}

/** The root comment carrying this page's replies. */
export function toRepliesComment(row: RepliesRow): Comment {
  return toComment({ ...row.comment, replies: row.replies });
}
