// The idea box's Eleventy plugin: the async shortcode `{% ideabox consultation, lang %}` renders the
// build-time snapshot of a consultation's propositions with the same renderer the functions use, so readers
// without JavaScript, search engines and finished consultations see them; the client then refreshes it live.
import { functionsConsultation } from "../_lib/content/functions-content.ts";
import type { Consultation, Lang } from "../_lib/content/types.ts";
import { renderList } from "../../templates/modules/ideabox/render.ts";
import { consultationRef, openIdeaboxSettings } from "../../functions/lib/ideabox/consultation.ts";
import { listPropositions, pageSize } from "../../functions/lib/ideabox/views.ts";
import type { PropositionPage } from "../../functions/lib/ideabox/rows.ts";
import { toSummary } from "../../functions/lib/ideabox/rows.ts";
import { AppError } from "../../functions/lib/http/errors.ts";
import type { SiteOptions } from "./options.ts";

const firstPage = { sort: "recent", theme: null, district: null, page: 1 } as const;

/** The snapshot's HTML. A consultation the database does not know yet (never synced) shows an empty list. */
export async function renderSnapshot(consultation: Consultation, lang: Lang, now: Date): Promise<string> {
  let page: PropositionPage = { total: 0, items: [], viewer: null };
  try {
    page = await listPropositions(consultation.slug, firstPage, null);
  } catch (error) {
    if (!(error instanceof AppError && error.code === "consultation_not_found")) throw error;
  }
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
  eleventyConfig.addAsyncShortcode("ideabox", (consultation: Consultation, lang: Lang) =>
    renderSnapshot(consultation, lang ?? consultation.lang, clock()),
  );
}
