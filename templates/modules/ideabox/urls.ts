// Every URL the idea box links or posts to, in one place, so pages, fragments and functions agree.
import type { Lang } from "../../../site/_lib/content/types.ts";

const prefix = (lang: Lang) => (lang === "fr" ? "" : `/${lang}`);
const seg = encodeURIComponent;

export const urls = {
  list: (lang: Lang, slug: string) => `${prefix(lang)}/consultations/${seg(slug)}/propositions/`,
  detail: (lang: Lang, slug: string, id: string) =>
    `${prefix(lang)}/consultations/${seg(slug)}/propositions/${seg(id)}/`,
  /** A root comment's replies, a page at a time. */
  replies: (lang: Lang, slug: string, id: string, commentId: string) =>
    `${prefix(lang)}/consultations/${seg(slug)}/propositions/${seg(id)}/reponses/${seg(commentId)}/`,
  signIn: (lang: Lang, returnTo: string) =>
    `${prefix(lang)}/connexion/?return_to=${encodeURIComponent(returnTo)}`,
  /** The citizen's account page (name, data, sign-out, erasure), linked from the signed-in bar. */
  account: (lang: Lang) => `${prefix(lang)}/compte/`,
  /** `url` at a 1-based page (page 1 is the plain URL), then `hash`. */
  page: (url: string, page: number, hash = "") => `${url}${page > 1 ? `?page=${page}` : ""}${hash}`,
  apiList: (slug: string) => `/api/consultations/${seg(slug)}/propositions`,
  apiSupport: (id: string) => `/api/propositions/${seg(id)}/support`,
  apiComments: (id: string) => `/api/propositions/${seg(id)}/comments`,
  apiReplies: (commentId: string) => `/api/comments/${seg(commentId)}/replies`,
  /** The live fragment the client refreshes from. */
  fragment: (lang: Lang, slug: string) =>
    `/api/consultations/${seg(slug)}/propositions?format=fragment&lang=${lang}`,
};
