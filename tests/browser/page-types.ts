// One URL per page type a citizen meets, static and function-rendered, taken from the demo content and the
// seeded demo database (startTestSite({ seed: true })): the one list the axe suite, the layout-shift test and
// `npm run bench:lighthouse` walk through, so a new page type is audited by all three once it is added here.
import type { DataPort } from "../../functions/lib/db/port.ts";
import { routes } from "../../site/_config/routes.ts";
import type { ContentStore } from "../../site/_lib/content/types.ts";
import { urls } from "../../templates/modules/ideabox/urls.ts";
import { openConsultation } from "./site.ts";

export interface PageType {
  name: string;
  url: string;
  status: number;
}

interface Listed {
  items: { id: string }[];
}
interface Detail {
  comments: { id: string; replies: unknown[] }[];
}

/** The seeded idea box's first proposition that has a comment with replies, so every page below it has content. */
async function discussedProposition(port: DataPort, slug: string): Promise<{ proposition: string; comment: string }> {
  const { items } = await port.call<Listed>("list_propositions", { p_consultation_slug: slug, p_sort: "popular" });
  for (const { id } of items) {
    const { comments } = await port.call<Detail>("get_proposition", { p_proposition_id: id });
    const discussed = comments.find((comment) => comment.replies.length > 0);
    if (discussed) return { proposition: id, comment: discussed.id };
  }
  throw new Error(`The demo seed has no proposition of "${slug}" with replies: start the site with { seed: true }`);
}

export async function pageTypes(store: ContentStore, port: DataPort): Promise<PageType[]> {
  const fr = <T extends { lang: string }>(items: T[]) => items.find((item) => item.lang === "fr");
  const english = [...store.pages, ...store.news, ...store.consultations].find((entry) => entry.lang === "en");
  const consultation = openConsultation(store);
  const { proposition, comment } = await discussedProposition(port, consultation.slug);
  const list: [string, string | undefined, number][] = [
    ["home", "/", 200],
    ["consultations", routes.consultations.fr, 200],
    ["consultation", consultation.url, 200],
    ["propositions (function)", urls.list("fr", consultation.slug), 200],
    ["proposition (function)", urls.detail("fr", consultation.slug, proposition), 200],
    ["replies (function)", urls.replies("fr", consultation.slug, proposition, comment), 200],
    ["news", routes.news.fr, 200],
    ["article", fr(store.news)?.url, 200],
    ["agenda", routes.agenda.fr, 200],
    ["event", fr(store.events)?.url, 200],
    ["static page", fr(store.pages)?.url, 200],
    ["accessibility statement", routes.accessibility.fr, 200],
    ["site map", routes.siteMap.fr, 200],
    ["English page", english?.url, 200],
    // English lists show untranslated entries with French titles inside English links (issue 8).
    ["English home", routes.home.en, 200],
    ["sign-in (function)", urls.signIn("fr", "/"), 200],
    ["404", "/cette-page-n-existe-pas/", 404],
    ["English 404", "/en/this-page-does-not-exist/", 404],
  ];
  return list.map(([name, url, status]) => {
    if (!url) throw new Error(`The demo content has no ${name}`);
    return { name, url, status };
  });
}
