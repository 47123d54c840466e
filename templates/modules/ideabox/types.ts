// What the idea box renderer needs. Filled from the data port's jsonb by functions/lib/ideabox/view.ts and by
// the build snapshot, so the renderer never sees raw rows.
import type { Lang } from "../../../site/_lib/content/types.ts";

export type Sort = "recent" | "popular";
export type Alignment = "for" | "against" | "neutral";

/** Where a proposition stands; organizers set it, citizens see it as a labelled badge. */
export type PropositionStatus = "published" | "under_study" | "accepted" | "rejected" | "implemented";

export interface PropositionSummary {
  id: string;
  status: PropositionStatus;
  title: string;
  body: string;
  theme: string | null;
  district: string | null;
  authorName: string | null;
  createdAt: string;
  supportsCount: number;
  commentsCount: number;
  /** Whether the current citizen supports it; always false without a citizen (static snapshot). */
  supported: boolean;
}

export interface Comment {
  id: string;
  parentId: string | null;
  body: string;
  alignment: Alignment | null;
  authorName: string | null;
  createdAt: string;
  /** A reply shown under its root whose `body` is only the start (the SQL cuts it); the rest is on the replies view. */
  truncated?: boolean;
  /** Root comments: the first replies only (the rest is on the replies view); replies: empty. */
  replies: Comment[];
  /** All published replies of a root comment, shown or not. */
  repliesCount: number;
}

/** One page of a longer sequence, as the SQL actions report it. */
export interface Paging {
  /** 1-based. */
  page: number;
  pages: number;
  pageSize: number;
  total: number;
}

export interface PropositionDetail extends PropositionSummary {
  comments: Comment[];
}

/** The open phase's idea box settings; null when no open phase has the idea box (read-only). */
export interface IdeaboxSettings {
  submissionsOpen: boolean;
  supportsOpen: boolean;
  commentsOpen: boolean;
}

/** A theme or district: `value` is the stored French name, `label` the name shown in the page's language. */
export interface Choice {
  value: string;
  label: string;
}

export interface ConsultationRef {
  slug: string;
  title: string;
  themes: Choice[];
  districts: Choice[];
}

export interface Citizen {
  id: string;
  displayName: string | null;
}

/** A form shown again after an error: the citizen's values and field errors (field → message). */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  /** Error not tied to one field (e.g. phase closed). */
  summary?: string;
}

interface CommonView {
  lang: Lang;
  consultation: ConsultationRef;
  settings: IdeaboxSettings | null;
  /** null: anonymous or unknown (static snapshot renders no personal state). */
  citizen: Citizen | null;
  /** true in the static build: the citizen is unknown, forms post to the functions anyway. */
  snapshot: boolean;
  /** Already translated flash message to announce (after a 303 redirect). */
  flash?: { text: string; kind: "success" | "error" };
}

export interface ListView extends CommonView {
  sort: Sort;
  theme: string | null;
  district: string | null;
  total: number;
  items: PropositionSummary[];
  /** 1-based page of `pageSize` items. */
  page: number;
  pageSize: number;
  form?: FormState;
}

export interface DetailView extends CommonView {
  /** `comments` holds one page of root comments. */
  proposition: PropositionDetail;
  commentsPage: Paging;
  form?: FormState & { parentId: string | null };
}

/** One page of a root comment's replies, on a page of its own. */
export interface RepliesView extends CommonView {
  proposition: PropositionSummary;
  /** The root comment; its `replies` are this page's. */
  comment: Comment;
  repliesPage: Paging;
  /** The proposition's page of comments that shows this root comment. */
  propositionPage: number;
  form?: FormState & { parentId: string | null };
}
