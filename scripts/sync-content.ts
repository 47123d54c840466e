// Copies the consultations of content/ (phases and their module settings) into the database, where the SQL
// actions check them. Run by `npm start` at start and on content changes; run directly
// (`tsx scripts/sync-content.ts`) it syncs content/ into the database the environment names, as a production
// build must before citizens can act on a new consultation. Only production and local runs write (syncSkipReason).
import { getDataPort } from "../functions/lib/db/index.ts";
import type { DataPort } from "../functions/lib/db/port.ts";
import { loadContent } from "../site/_lib/content/load.ts";
import type { Consultation, ContentStore } from "../site/_lib/content/types.ts";

/** The `p_consultation` argument of the `sync_consultation` SQL action. */
export function consultationPayload(consultation: Consultation) {
  return {
    slug: consultation.slug,
    title: consultation.title,
    // French names: the keys propositions are stored under (English names are only shown).
    themes: consultation.themes.map((theme) => theme.name),
    districts: consultation.districts.map((district) => district.name),
    visibility: consultation.visibility,
    phases: consultation.phases.map((phase) => ({
      position: phase.position,
      title: phase.title,
      starts_at: phase.start.toISOString(),
      ends_at: phase.end.toISOString(),
      modules: phase.modules,
    })),
  };
}

/**
 * Why this run must not write consultations, or undefined when it may: locally (CONTEXT unset) and in Netlify's
 * production context it may. Deploy previews and branch deploys build drafts, with the same database variables
 * as production, so their sync would publish a draft's phases and settings to citizens (issue 6, point 10).
 */
export function syncSkipReason(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const context = env["CONTEXT"];
  if (!context || context === "production") return undefined;
  return `Netlify context "${context}" is not production: consultations are written into the database only by production builds and local runs`;
}

/** One consultation per slug: the French version is the reference, translations share its phases. */
export async function syncContent(port: DataPort, content: Pick<ContentStore, "consultations">): Promise<number> {
  const bySlug = new Map<string, Consultation>();
  for (const consultation of content.consultations) {
    if (consultation.lang === "fr" || !bySlug.has(consultation.slug)) bySlug.set(consultation.slug, consultation);
  }
  for (const consultation of bySlug.values()) {
    await port.call("sync_consultation", { p_consultation: consultationPayload(consultation) });
  }
  return bySlug.size;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const skipped = syncSkipReason();
  if (skipped) console.log(`Sync skipped: ${skipped}`);
  else {
    const port = await getDataPort();
    try {
      console.log(`Synced ${await syncContent(port, await loadContent("content"))} consultation(s) into the database`);
    } finally {
      await port.close();
    }
  }
}
