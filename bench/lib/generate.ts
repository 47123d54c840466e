// A large commune for the build benchmark: the demo's settings, media and pages, plus generated
// consultations, news and events written in the same file format as content/ (Decap's folder collections).
import { cp, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "yaml";
import { pick, type Corpus } from "./corpus.ts";

export interface LargeSiteSize {
  consultations: number;
  news: number;
  events: number;
}

export const largeSite: LargeSiteSize = { consultations: 200, news: 5000, events: 1000 };

const day = 24 * 60 * 60 * 1000;

/** "2026-09-14T18:00", the Paris wall-clock format organizers type (the offset is irrelevant here). */
function wallClock(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

async function writeEntry(dir: string, slug: string, data: Record<string, unknown>, body: string): Promise<void> {
  await writeFile(join(dir, `${slug}.md`), `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}\n`);
}

export async function generateLargeContent(
  demoContentDir: string,
  outDir: string,
  corpus: Corpus,
  size: LargeSiteSize = largeSite,
  now = Date.now(),
): Promise<void> {
  await cp(demoContentDir, outDir, { recursive: true });
  const folders = {
    consultations: join(outDir, "consultations", "fr"),
    news: join(outDir, "news", "fr"),
    events: join(outDir, "events", "fr"),
  };
  for (const folder of Object.values(folders)) await mkdir(folder, { recursive: true });

  const consultationSlugs: string[] = [];
  for (let i = 0; i < size.consultations; i++) {
    const slug = `consultation-${i}`;
    consultationSlugs.push(slug);
    const opinion = pick(corpus.opinions, i);
    // A third finished, a third open, a third upcoming: every timeline state gets rendered.
    const start = now + ((i % 3) - 1) * 60 * day - 30 * day;
    const themes = [0, 1, 2].map((k) => pick(corpus.projects, i * 3 + k).theme);
    await writeEntry(
      folders.consultations,
      slug,
      {
        title: pick(corpus.projects, i).title.slice(0, 120) || `Consultation ${i}`,
        summary: pick(corpus.arguments, i).slice(0, 240),
        themes: [...new Set(themes)].map((name) => ({ name, name_en: `${name} (en)` })),
        districts: [0, 1, 2].map((k) => {
          const name = `${pick(corpus.projects, i + k).district} (${k})`;
          return { name, name_en: `${name} (en)` };
        }),
        visibility: "public",
        phases: [
          {
            title: "Boîte à idées",
            start: wallClock(start),
            end: wallClock(start + 45 * day),
            description: pick(corpus.arguments, i + 1),
            modules: [
              {
                module: "ideabox",
                submissions_open: true,
                supports_open: true,
                comments_open: true,
                max_propositions_per_citizen: 3,
              },
            ],
          },
          {
            title: "Analyse et réponse",
            start: wallClock(start + 45 * day),
            end: wallClock(start + 75 * day),
            description: pick(corpus.arguments, i + 2),
          },
        ],
      },
      opinion.body,
    );
  }

  for (let i = 0; i < size.news; i++) {
    const opinion = pick(corpus.opinions, i + 7);
    await writeEntry(
      folders.news,
      `actualite-${i}`,
      {
        title: opinion.title,
        date: new Date(now - i * (day / 4)).toISOString().slice(0, 10),
        summary: pick(corpus.arguments, i).slice(0, 240),
        ...(i % 4 === 0 ? { consultation: pick(consultationSlugs, i) } : {}),
      },
      opinion.body,
    );
  }

  for (let i = 0; i < size.events; i++) {
    const start = now + (i - size.events / 2) * (day / 2);
    const project = pick(corpus.projects, i + 11);
    await writeEntry(
      folders.events,
      `evenement-${i}`,
      {
        title: `Réunion publique : ${project.title}`.slice(0, 140),
        start: wallClock(start),
        end: wallClock(start + 2 * 60 * 60 * 1000),
        place: `Salle des fêtes, ${project.district}`,
        summary: pick(corpus.arguments, i + 3).slice(0, 240),
        ...(i % 3 === 0 ? { consultation: pick(consultationSlugs, i) } : {}),
      },
      pick(corpus.arguments, i + 5),
    );
  }
}
