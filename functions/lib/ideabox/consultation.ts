// A consultation as the idea box pages need it: its content (title, themes, districts) in the page's
// language and the settings of the phase open now. The SQL actions check the same rules on the database
// clock; this copy only decides which forms to show.
import type { FunctionsConsultation } from "../../../site/_lib/content/functions-content.ts";
import { termName } from "../../../site/_lib/content/terms.ts";
import type { Lang, Term } from "../../../site/_lib/content/types.ts";
import type { ConsultationRef, IdeaboxSettings } from "../../../templates/modules/ideabox/types.ts";
import { getContent } from "../content.ts";
import { AppError } from "../http/errors.ts";

export function openIdeaboxSettings(consultation: FunctionsConsultation, now: Date): IdeaboxSettings | null {
  const phase = consultation.phases.find((p) => Date.parse(p.start) <= now.getTime() && now.getTime() < Date.parse(p.end));
  const settings = phase?.modules.ideabox;
  if (!settings) return null;
  return {
    submissionsOpen: settings.submissions_open === true,
    supportsOpen: settings.supports_open === true,
    commentsOpen: settings.comments_open === true,
  };
}

/** Themes and districts as choices: the French name is the value, the label is in the page's language. */
export function consultationRef(consultation: FunctionsConsultation, lang: Lang): ConsultationRef {
  const choices = (terms: Term[]) => terms.map((term) => ({ value: term.name, label: termName(term, lang) }));
  return {
    slug: consultation.slug,
    title: consultation.title,
    themes: choices(consultation.themes),
    districts: choices(consultation.districts),
  };
}

/** The consultation in `lang`, else its French version; consultation_not_found when content has neither. */
export async function findConsultation(slug: string, lang: Lang): Promise<FunctionsConsultation> {
  const { consultations } = await getContent();
  const found =
    consultations.find((c) => c.slug === slug && c.lang === lang) ??
    consultations.find((c) => c.slug === slug && c.lang === "fr");
  if (!found) throw new AppError("consultation_not_found");
  return found;
}
