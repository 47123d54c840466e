// The idea box's Eleventy plugin: the async shortcode `{% ideabox consultation, lang %}` renders the
// build-time snapshot of a consultation's propositions with the same renderer the functions use, so readers
// without JavaScript, search engines and finished consultations see them; the client then refreshes it live.
import { functionsConsultation } from "../_lib/content/functions-content.ts";
import type { Consultation, Lang } from "../_lib/content/types.ts";
import { renderList } from "../../templates/modules/ideabox/render.ts";
import { consultationRef, openIdeaboxSettings } from "../../functions/lib/ideabox/consultation.ts";
import { firstPages, pageSize } from "../../functions/lib/ideabox/views.ts";
import type { PropositionPage } from "../../functions/lib/ideabox/rows.ts";
import { toSummary } from "../../functions/lib/ideabox/rows.ts";
import type { SiteOptions } from "./options.ts";

const firstPage = { sort: "recent", theme: null, district: null, page: 1 } as const;
const noPropositions: PropositionPage = { total: 0, items: [], viewer: null };

/** The snapshot's HTML from the consultation's first page (none when the database does not know it yet). */
export function renderSnapshot(consultation: Consultation, lang: Lang, now: Date, page = noPropositions): string {
  const live = functionsConsultation(consultation);
  return renderList({
    lang,
    consultation: consultationRef(live, lang),
    settings: openIdeaboxSettings(live, now),
    citizen: null,
    snapshot: true,
    ...firstPage,
    pageSize,
    total: Number(page.total),
    items: page.items.map(toSummary),
  }).value;
}

export default function ideaboxPlugin(eleventyConfig: any, options?: Partial<SiteOptions>): void {
  const clock = options?.clock ?? (() => new Date());
  // Every consultation's first page in one database call per build (a large commune has hundreds of
  // consultation pages), made by the first page that needs it. Dropped before each build: a watch rebuild
  // shows the propositions submitted since.
  let pages: Promise<Record<string, PropositionPage>> | undefined;
  eleventyConfig.on("eleventy.before", () => {
    pages = undefined;
  });
  eleventyConfig.addAsyncShortcode("ideabox", async (consultation: Consultation, lang: Lang) => {
    pages ??= firstPages(firstPage.sort);
    return renderSnapshot(consultation, lang ?? consultation.lang, clock(), (await pages)[consultation.slug]);
  });
}
