// Parameters-and-examples for the idea box renderer (GOV.UK habit): one place listing the variants, iterated
// by the rendering tests so a new variant is tested the moment it is written down.
import type { DetailView, ListView, PropositionSummary } from "./types.ts";

export const hostile = `<script>alert("x")</script> & 'quotes' \`tick\``;

const consultation = { slug: "velo", title: `Plan « vélo » ${hostile}`, themes: ["Mobilité", hostile], districts: ["Centre"] };

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
  english: { ...base, lang: "en", settings: open, citizen, snapshot: false },
  "second of three pages": { ...base, settings: open, citizen, snapshot: false, sort: "popular", theme: "Mobilité", total: 45, page: 2 },
};

const reply = { id: "44444444-4444-4444-8444-444444444444", parentId: "33333333-3333-4333-8333-333333333333", body: hostile, alignment: null, authorName: null, createdAt: "2026-11-25T11:00:00.000Z", replies: [] };
const root = { id: "33333333-3333-4333-8333-333333333333", parentId: null, body: hostile, alignment: "against" as const, authorName: hostile, createdAt: "2026-11-25T10:30:00.000Z", replies: [reply] };

export const detailExamples: Record<string, DetailView> = {
  "open, signed in": { lang: "fr", consultation, settings: open, citizen, snapshot: false, proposition: { ...proposition, comments: [root] } },
  "comments closed": { lang: "fr", consultation, settings: { ...open, commentsOpen: false }, citizen, snapshot: false, proposition: { ...proposition, comments: [root] } },
  "reply shown again": {
    lang: "fr",
    consultation,
    settings: open,
    citizen,
    snapshot: false,
    proposition: { ...proposition, comments: [root] },
    form: { values: { body: hostile, alignment: "for" }, errors: { body: "Trop long." }, parentId: root.id },
  },
};
