// The admin never writes an English file without translated text (issue 8, point 4), whatever Decap copied into it.
import { describe, expect, it } from "vitest";
import { configuredBackends, skipUntranslatedFiles, worthWriting, type DataFile } from "./translations.ts";

const file = (path: string, raw: string): DataFile => ({ path, raw });
const copiedOnly = file("content/consultations/en/place-du-marche.md", "---\nvisibility: public\ncover:\n  src: /media/a.jpg\n  alt: ''\n---\n");
const translated = file("content/consultations/en/place-du-marche.md", "---\ntitle: Market square\nvisibility: public\n---\n");

describe("files the admin writes", () => {
  it("skips an English file holding only values Decap copied from French, or nothing", () => {
    expect(worthWriting(copiedOnly)).toBe(false);
    expect(worthWriting(file("content/news/en/marche.md", "\n"))).toBe(false);
    expect(worthWriting(file("content/news/en/marche.md", "---\ndate: 2026-06-05\n---\n\n"))).toBe(false);
  });

  it("writes a translation with any translated text, every French file and the settings", () => {
    expect(worthWriting(translated)).toBe(true);
    expect(worthWriting(file("content/pages/en/a-propos.md", "---\n---\nOnly a body."))).toBe(true);
    expect(worthWriting(file("content/consultations/fr/place-du-marche.md", "\n"))).toBe(true);
    expect(worthWriting(file("content/settings/site.yml", "communeName: X\n"))).toBe(true);
  });

  it("wraps the configured backends' persistEntry, local proxy included", async () => {
    const written: string[][] = [];
    const record = { init: () => ({ persistEntry: async (entry: { dataFiles: DataFile[] }) => written.push(entry.dataFiles.map((f) => f.raw)) }) };
    const names = configuredBackends({ backend: { name: "github" }, local_backend: true } as never);
    expect(names).toEqual(["github", "proxy"]);
    skipUntranslatedFiles({ getBackend: (name) => (name === "proxy" ? record : undefined) }, names);
    const french = file("content/consultations/fr/place-du-marche.md", "---\ntitle: Place\n---\n");
    const backend = record.init() as { persistEntry(entry: { dataFiles: DataFile[] }, options: unknown): Promise<unknown> };
    await backend.persistEntry({ dataFiles: [french, copiedOnly] }, {});
    await backend.persistEntry({ dataFiles: [french, translated] }, {});
    expect(written).toEqual([[french.raw], [french.raw, translated.raw]]);
  });
});
