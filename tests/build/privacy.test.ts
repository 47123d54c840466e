// The privacy page (issue 6, point 12) lists the processors and where the data lives from settings.privacy, in
// the page's language, and states the retention periods the purge applies (site/_lib/privacy/retention.ts).
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../site/_lib/content/load.ts";
import type { Lang } from "../../site/_lib/content/types.ts";
import { t } from "../../site/_lib/i18n/index.ts";
import { purgedTables, retention } from "../../site/_lib/privacy/retention.ts";
import { buildDemo, type BuiltSite } from "./helpers.ts";

let site: BuiltSite;

/** The demo's processors, renamed so that the page can only have them from settings (one with markup to escape). */
async function renameProcessors(contentDir: string): Promise<void> {
  const file = path.join(contentDir, "settings/site.yml");
  const settings = (await readFile(file, "utf8"))
    .replace("name: Netlify, Inc.", 'name: "Hébergeur <Témoin> & Fils"')
    .replace("name: Supabase, Inc.", "name: Base Témoin SAS")
    .replace("fr: Union européenne (Francfort, Allemagne)\n", "fr: Lyon (France), centre témoin\n")
    .replace("en: European Union (Frankfurt, Germany)\n", "en: Lyon (France), test centre\n")
    .replace("dpoEmail: dpo@", "dpoEmail: dpo-temoin@");
  await writeFile(file, settings);
}

beforeAll(async () => {
  site = await buildDemo(renameProcessors);
});
afterAll(() => site?.cleanup());

/** The visible text of the page's main article, one space between words. */
async function articleText(url: string): Promise<string> {
  const file = site.fileFor(url);
  expect(file, url).toBeDefined();
  const html = await site.read(file!);
  const article = html.slice(html.indexOf("<article"), html.indexOf("</article>"));
  return article
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

describe("privacy page", () => {
  const pages: Record<Lang, string> = { fr: "/confidentialite/", en: "/en/confidentialite/" };

  for (const lang of ["fr", "en"] as const) {
    it(`lists each processor from settings with where its data lives (${lang})`, async () => {
      const text = await articleText(pages[lang]);
      expect(text).toContain(t(lang, "ui.privacy.processorsTitle"));
      for (const role of ["hosting", "database", "mail"]) expect(text).toContain(t(lang, `ui.privacy.roles.${role}`));
      expect(text).toContain("Hébergeur <Témoin> & Fils");
      expect(text).toContain("Base Témoin SAS");
      expect(text).toContain("Scaleway SAS (Transactional Email)");
      expect(text).toContain(lang === "fr" ? "Lyon (France), centre témoin" : "Lyon (France), test centre");
      // Netlify's transfer safeguard is set; the mail provider has none, so nothing leaves the EU.
      expect(text).toContain(lang === "fr" ? "clauses contractuelles types" : "standard contractual clauses");
      expect(text).toContain(t(lang, "ui.privacy.noTransfer"));
      expect(text).toContain("dpo-temoin@val-de-loire-sur-mer.example");
    });

    it(`states the retention period of each purged table (${lang})`, async () => {
      const text = await articleText(pages[lang]);
      for (const table of purgedTables) {
        const { amount, unit } = retention[table];
        const period = t(lang, `ui.privacy.units.${unit}`, { n: amount });
        expect(text).toContain(t(lang, `ui.privacy.retained.${table}`, { period }));
      }
    });
  }

  it("escapes a processor's name", async () => {
    const html = await site.read(site.fileFor(pages.fr)!);
    expect(html).toContain("Hébergeur &lt;Témoin&gt; &amp; Fils");
  });

  it("still loads a settings file written before the privacy settings existed", async () => {
    const file = path.join(site.contentDir, "settings/site.yml");
    const settings = await readFile(file, "utf8");
    await writeFile(file, settings.replace(/^privacy:\n(?: {2}.*\n)+/m, ""));
    const store = await loadContent(site.contentDir);
    expect(store.settings.privacy).toBeUndefined();
    expect(store.settings.communeName).toBe("Val-de-Loire-sur-Mer");
  });

  it("adds the generated sections to the privacy page only", async () => {
    const other = await articleText("/comment-participer/");
    expect(other).not.toContain(t("fr", "ui.privacy.processorsTitle"));
    expect(other).not.toContain(t("fr", "ui.privacy.retentionTitle"));
  });
});
