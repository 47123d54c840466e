// Issue 6, points 3 and 4, at the SQL level (the functions' checks bypassed): every text an action writes
// refuses control characters and text made only of invisible characters, on PGlite and PostgreSQL alike,
// with the same list as site/_lib/text/visible.ts; a NUL anywhere is invalid_input, never internal.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ideaboxDefaults, openConsultation, signIn } from "../../functions/lib/db/testing.ts";
import { AppError } from "../../functions/lib/http/errors.ts";
import { type CharacterKind, characterKinds, invisibleCharacters, rangesOf } from "../../site/_lib/text/visible.ts";
import { controlCorpus as controls, frenchTitle, invisibleCorpus } from "../support/text-corpus.ts";
import { describeEachDatabase } from "./databases.ts";

/** The actions get no line-break normalisation: a CR is a control there. */
const controlCorpus = (multiline: boolean) => controls({ multiline });

/** The class body private.character_class must hold: PostgreSQL regex escapes, ranges in list order. */
function sqlClass(kind: CharacterKind): string {
  const escape = (code: number) =>
    code <= 0xffff ? `\\u${code.toString(16).padStart(4, "0")}` : `\\U${code.toString(16).padStart(8, "0")}`;
  return rangesOf([kind])
    .map((r) => (r.from === r.to ? escape(r.from) : `${escape(r.from)}-${escape(r.to)}`))
    .join("");
}

async function expectRefused(call: Promise<unknown>, label: string, codes: string[] = ["invalid_input"]) {
  const error = await call.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error, label).toBeInstanceOf(AppError);
  expect(codes, label).toContain((error as AppError).code);
}

const json = (text: string) => JSON.stringify(text);
/** An empty theme or district means "none" to submit_proposition, after its btrim of plain spaces. */
const notBlank = (text: string) => !/^ *$/.test(text);
/** set_display_name trims spaces, tabs and line breaks, so a name made only of them clears the name. */
const trimsToNothing = (text: string) =>
  [...text].every((c) => /[\t\n\v\f\r]/.test(c) || rangesOf(["space"]).some((r) => r.from <= c.codePointAt(0)! && c.codePointAt(0)! <= r.to));

describeEachDatabase("visible text", (port) => {
  it("holds the same character classes as site/_lib/text/visible.ts", async () => {
    for (const kind of characterKinds) {
      const [row] = await port().sql<{ class: string }>("select private.character_class($1) as class", [kind]);
      expect(row!.class, kind).toBe(sqlClass(kind));
    }
  });

  it("finds no listed code point visible, and a visible letter among them visible", async () => {
    const codes = invisibleCharacters.flatMap((r) => Array.from({ length: r.to - r.from + 1 }, (_, i) => r.from + i)).filter((c) => c !== 0);
    const visible = await port().sql<{ code: number }>(
      "select code from pg_catalog.unnest($1::int[]) as code where private.is_visible_text(pg_catalog.chr(code))",
      [codes],
    );
    expect(visible).toEqual([]);
    const [row] = await port().sql<{ french: boolean; nbsp: boolean }>(
      "select private.is_visible_text($1) as french, private.is_visible_text($2) as nbsp",
      ["\u00ab\u00a0Bonjour\u202f!\u00a0\u00bb", "\u00a0\u00a0"],
    );
    expect(row).toEqual({ french: true, nbsp: false });
  });

  describe("through the actions", () => {
    let slug: string;
    let citizenId: string;
    let sessionId: string;
    let propositionId: string;
    const count = async (table: string) =>
      Number((await port().sql<{ n: number }>(`select count(*)::int as n from public.${table}`))[0]!.n);

    beforeAll(async () => {
      const db = port();
      slug = (await openConsultation(db, { ideabox: { ...ideaboxDefaults, max_propositions_per_citizen: 100 } })).slug;
      ({ citizen_id: citizenId, session_id: sessionId } = await signIn(db));
      propositionId = (
        await db.call<{ id: string }>("submit_proposition", {
          p_session_id: sessionId, p_consultation_slug: slug, p_title: "Base", p_body: "Texte de base",
        })
      ).id;
    });

    const submit = (values: Record<string, string>) =>
      port().call("submit_proposition", {
        p_session_id: sessionId, p_consultation_slug: slug, p_title: "Titre", p_body: "Texte", ...values,
      });

    it("refuses invisible or control text in a proposition's title, body, theme and district, and stores nothing", async () => {
      const before = await count("propositions");
      const cases: [string, string[], string[]][] = [
        ["p_title", [...invisibleCorpus, ...controlCorpus(false)], ["invalid_input"]],
        ["p_body", [...invisibleCorpus, ...controlCorpus(true)], ["invalid_input"]],
        ["p_theme", [...invisibleCorpus.filter(notBlank), ...controlCorpus(false)], ["invalid_input", "invalid_theme"]],
        ["p_district", [...invisibleCorpus.filter(notBlank), ...controlCorpus(false)], ["invalid_input", "invalid_district"]],
      ];
      for (const [field, corpus, codes] of cases) {
        await Promise.all(corpus.map((text) => expectRefused(submit({ [field]: text }), `${field} ${json(text)}`, codes)));
      }
      expect(await count("propositions")).toBe(before);
    });

    it("refuses them in a comment, and stores nothing", async () => {
      const before = await count("comments");
      await Promise.all(
        [...invisibleCorpus, ...controlCorpus(true)].map((text) =>
          expectRefused(
            port().call("comment_proposition", { p_session_id: sessionId, p_proposition_id: propositionId, p_body: text }),
            json(text),
          ),
        ),
      );
      expect(await count("comments")).toBe(before);
    });

    it("refuses them in a display name, and keeps the citizen anonymous", async () => {
      // A name of spaces and controls only is trimmed to nothing and clears the name on purpose.
      await Promise.all(
        [...invisibleCorpus, ...controlCorpus(false), "Jo\u200bB.", "\u202eesreveR"].map((text) => {
          const call = port().call("set_display_name", { p_session_id: sessionId, p_display_name: text });
          return trimsToNothing(text)
            ? expect(call, json(text)).resolves.toEqual({ display_name: null })
            : expectRefused(call, json(text));
        }),
      );
      const [row] = await port().sql<{ display_name: string | null }>("select display_name from public.citizens where id = $1", [citizenId]);
      expect(row!.display_name).toBeNull();
    });

    it("refuses them in a synced consultation's title, phase title, themes and districts", async () => {
      const consultation = (values: Record<string, unknown>, phaseTitle = "Idées") => ({
        slug: `invisible-${randomUUID().slice(0, 8)}`,
        title: "Consultation",
        themes: ["Mobilité"],
        districts: ["Centre"],
        visibility: "public",
        phases: [
          {
            position: 0,
            title: phaseTitle,
            starts_at: new Date(Date.now() - 86_400_000).toISOString(),
            ends_at: new Date(Date.now() + 86_400_000).toISOString(),
            modules: { ideabox: ideaboxDefaults },
          },
        ],
        ...values,
      });
      const before = await count("consultations");
      const syncs = [...invisibleCorpus, ...controlCorpus(false)].flatMap((text) => [
        [consultation({ title: text }), `title ${json(text)}`] as const,
        [consultation({ themes: [text] }), `theme ${json(text)}`] as const,
        [consultation({ districts: [text] }), `district ${json(text)}`] as const,
        [consultation({}, text), `phase ${json(text)}`] as const,
      ]);
      await Promise.all(syncs.map(([value, label]) => expectRefused(port().call("sync_consultation", { p_consultation: value }), label)));
      expect(await count("consultations")).toBe(before);
    });

    it("answers invalid_input, not internal, for a NUL in any text or slug", async () => {
      const nul = "a\u0000b";
      await expectRefused(submit({ p_title: nul }), "title");
      await expectRefused(submit({ p_body: nul }), "body");
      await expectRefused(submit({ p_theme: nul }), "theme");
      await expectRefused(port().call("comment_proposition", { p_session_id: sessionId, p_proposition_id: propositionId, p_body: nul }), "comment");
      await expectRefused(port().call("set_display_name", { p_session_id: sessionId, p_display_name: nul }), "name");
      await expectRefused(port().call("list_propositions", { p_consultation_slug: nul }), "list slug");
      await expectRefused(port().call("list_propositions", { p_consultation_slug: slug, p_theme: nul }), "list theme");
    });

    it("accepts visible text written with French spaces and line breaks", async () => {
      const title = frenchTitle;
      const body = "Premi\u00e8re ligne\u00a0;\nseconde ligne\u202f?\n\n\u2014 Fin";
      const created = await port().call<{ id: string; title: string; body: string }>("submit_proposition", {
        p_session_id: sessionId, p_consultation_slug: slug, p_title: title, p_body: body, p_theme: "mobilite",
      });
      expect(created).toMatchObject({ title, body });
      const comment = await port().call<{ body: string }>("comment_proposition", {
        p_session_id: sessionId, p_proposition_id: created.id, p_body: "D\u2019accord\u202f!\nVraiment.",
      });
      expect(comment.body).toBe("D\u2019accord\u202f!\nVraiment.");
      const named = await port().call<{ display_name: string }>("set_display_name", { p_session_id: sessionId, p_display_name: "Jo\u00a0B. \u2764\ufe0f" });
      expect(named.display_name).toBe("Jo\u00a0B. \u2764\ufe0f");
      await port().call("set_display_name", { p_session_id: sessionId, p_display_name: null });
    });
  });
});
