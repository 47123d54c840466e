// Parameters-and-examples for the idea box renderer (GOV.UK habit): one place listing the variants, iterated
// by the rendering tests so a new variant is tested the moment it is written down.
import type { Comment, DetailView, ListView, PropositionSummary, RepliesView } from "./types.ts";

export const hostile = `<script>alert("x")</script> & 'quotes' \`tick\``;

const same = (name: string) => ({ value: name, label: name });
const consultation = { slug: "velo", title: `Plan « vélo » ${hostile}`, themes: [same("Mobilité"), same(hostile)], districts: [same("Centre")] };
/** On English pages themes and districts show their English names; the values stay the stored French ones. */
const englishConsultation = { ...consultation, themes: [{ value: "Mobilité", label: "Getting around" }, same(hostile)], districts: [{ value: "Centre", label: "Town centre" }] };

export const proposition: PropositionSummary = {
  id: "11111111-1111-4111-8111-111111111111",
  status: "accepted",
  title: hostile,
  body: `Premier paragraphe ${hostile}\n\nSecond\nparagraphe`,
  theme: hostile,
  district: "Centre",
  authorName: hostile,
  createdAt: "2026-11-25T10:00:00.000Z",
  supportsCount: 3,
  commentsCount: 1,
  supported: false,
};

const open = { submissionsOpen: true, supportsOpen: true, commentsOpen: true };
const citizen = { id: "22222222-2222-4222-8222-222222222222", displayName: null };
const base = { lang: "fr" as const, consultation, sort: "recent" as const, theme: null, district: null, total: 1, items: [proposition], page: 1, pageSize: 20 };

export const listExamples: Record<string, ListView> = {
  "open, signed in": { ...base, settings: open, citizen, snapshot: false },
  "open, anonymous": { ...base, settings: open, citizen: null, snapshot: false },
  "open, build snapshot": { ...base, settings: open, citizen: null, snapshot: true },
  "finished phase": { ...base, settings: null, citizen, snapshot: false },
  "supported by the citizen": { ...base, settings: open, citizen, snapshot: false, items: [{ ...proposition, supported: true }] },
  "form shown again": {
    ...base,
    settings: open,
    citizen,
    snapshot: false,
    form: { values: { title: hostile, body: hostile }, errors: { title: "Saisissez le titre." } },
  },
  empty: { ...base, settings: open, citizen, snapshot: false, total: 0, items: [] },
  english: { ...base, lang: "en", consultation: englishConsultation, settings: open, citizen, snapshot: false },
  "second of three pages": { ...base, settings: open, citizen, snapshot: false, sort: "popular", theme: "Mobilité", total: 45, page: 2 },
};

const reply: Comment = { id: "44444444-4444-4444-8444-444444444444", parentId: "33333333-3333-4333-8333-333333333333", body: hostile, alignment: null, authorName: null, createdAt: "2026-11-25T11:00:00.000Z", replies: [], repliesCount: 0 };
const root: Comment = { id: "33333333-3333-4333-8333-333333333333", parentId: null, body: hostile, alignment: "against", authorName: hostile, createdAt: "2026-11-25T10:30:00.000Z", replies: [reply], repliesCount: 1 };
const onePage = { page: 1, pages: 1, pageSize: 20, total: 1 };
const detailBase = { lang: "fr" as const, consultation, settings: open, citizen, snapshot: false, proposition: { ...proposition, comments: [root] }, commentsPage: onePage };
/** A root whose first replies are shown, with 7 more on its replies view. */
const busyRoot: Comment = { ...root, replies: [1, 2, 3, 4, 5].map((n) => ({ ...reply, id: `44444444-4444-4444-8444-00000000000${n}` })), repliesCount: 12 };
/** A root whose two shown replies by the same author were cut by the SQL (`truncated`): each gets « Lire la suite ». */
const previewRoot: Comment = {
  ...root,
  replies: [6, 7].map((n) => ({ ...reply, id: `44444444-4444-4444-8444-00000000000${n}`, authorName: hostile, body: `Début d’une longue réponse ${hostile}`, truncated: true })),
  repliesCount: 2,
};

export const detailExamples: Record<string, DetailView> = {
  "open, signed in": detailBase,
  "comments closed": { ...detailBase, settings: { ...open, commentsOpen: false } },
  "reply shown again": {
    ...detailBase,
    form: { values: { body: hostile, alignment: "for" }, errors: { body: "Trop long." }, parentId: root.id },
  },
  "page 4 of 9, more replies": {
    ...detailBase,
    proposition: { ...proposition, commentsCount: 200, comments: [busyRoot] },
    commentsPage: { page: 4, pages: 9, pageSize: 20, total: 170 },
  },
  english: { ...detailBase, lang: "en", proposition: { ...proposition, comments: [busyRoot] } },
  "long replies shown as previews": { ...detailBase, proposition: { ...proposition, comments: [previewRoot] } },
  "long replies shown as previews, english": { ...detailBase, lang: "en", proposition: { ...proposition, comments: [previewRoot] } },
};

const repliesBase = {
  lang: "fr" as const, consultation, settings: open, citizen, snapshot: false, proposition, propositionPage: 3,
  comment: { ...root, replies: busyRoot.replies, repliesCount: 120 }, repliesPage: { page: 2, pages: 6, pageSize: 20, total: 120 },
};

export const repliesExamples: Record<string, RepliesView> = {
  "second of six pages, signed in": repliesBase,
  "first page, anonymous": { ...repliesBase, citizen: null, repliesPage: { ...repliesBase.repliesPage, page: 1 } },
  "reply shown again": { ...repliesBase, form: { values: { body: hostile }, errors: { body: "Trop long." }, parentId: root.id } },
  "comments closed, english": { ...repliesBase, lang: "en", settings: null },
};
