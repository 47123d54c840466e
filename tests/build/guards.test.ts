// What the build refuses: a brand colour pair below WCAG AA and invalid content both stop it, and the error
// names the pair, or the file and the field, instead of an Eleventy template wrapper.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, it } from "vitest";
import { buildDemo } from "./helpers.ts";

const withPrimary = (color: string) => async (contentDir: string) => {
  const file = path.join(contentDir, "settings/site.yml");
  const settings = await readFile(file, "utf8");
  await writeFile(file, settings.replace(/^  primary: .*$/m, `  primary: "${color}"`));
};

it("writes the brand colours as custom properties and the chosen font files", async () => {
  const site = await buildDemo(withPrimary("#1d5a85"), { admin: false });
  try {
    const brand = await site.read("assets/css/brand.css");
    expect(brand).toMatch(/--color-primary: #1d5a85;/i);
    const fonts = [...brand.matchAll(/url\("([^"]+)"\)/g)].map((match) => match[1] ?? "");
    expect(fonts.filter((url) => !site.fileFor(url))).toEqual([]);
  } finally {
    await site.cleanup();
  }
});

it("fails the build when a text/background pair is below WCAG AA, naming the pair", async () => {
  await expect(buildDemo(withPrimary("#ffff66"), { admin: false })).rejects.toThrow(/« Couleurs › Couleur principale » rend un texte illisible : .*#ffff66.*contraste .*WCAG AA/);
});

it("fails the build on invalid content, naming the file and the field", async () => {
  const broken = async (contentDir: string) => {
    const file = path.join(contentDir, "news/fr/marche-producteurs.md");
    await writeFile(file, (await readFile(file, "utf8")).replace(/^date: .*$/m, "date: pas une date"));
  };
  await expect(buildDemo(broken, { admin: false })).rejects.toThrow(/news\/fr\/marche-producteurs\.md.*date/);
});
