// The Decap configuration and the build schemas come from one model; these tests prove they still agree:
// same field paths, same required-ness, and a field Decap requires is one the build rejects when missing.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { decapCollection, type DecapObject } from "./decap.ts";
import { parseMarkdownFile, parseYamlFile, stripEmpty } from "./files.ts";
import { collections, folderCollections, settingsCollection, type Collection } from "./model/index.ts";
import { collectionSchema } from "./schemas.ts";
import { validateFile } from "./validate.ts";

type Tree = Map<string, { required: boolean }>;

function decapTree(fields: DecapObject[], prefix = "", out: Tree = new Map()): Tree {
  for (const field of fields) {
    const key = `${prefix}${String(field["name"])}`;
    out.set(key, { required: field["required"] !== false });
    const children = field["fields"] as DecapObject[] | undefined;
    const types = field["types"] as DecapObject[] | undefined;
    if (field["widget"] === "list" && children) decapTree(children, `${key}[].`, out);
    else if (children) decapTree(children, `${key}.`, out);
    if (types) {
      out.set(`${key}[].${String(field["typeKey"])}`, { required: true });
      for (const type of types) decapTree(type["fields"] as DecapObject[], `${key}[].`, out);
    }
  }
  return out;
}

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def; optin?: string } })._zod;

function zodTree(schema: z.ZodType, prefix = "", out: Tree = new Map()): Tree {
  const def = defOf(schema).def;
  switch (def.type) {
    case "optional":
    case "default":
      return zodTree(def["innerType"] as z.ZodType, prefix, out);
    case "pipe":
      return zodTree(def["in"] as z.ZodType, prefix, out);
    case "array":
      return zodTree(def["element"] as z.ZodType, prefix.replace(/\.$/, "[]."), out);
    case "union":
      for (const option of def["options"] as z.ZodType[]) zodTree(option, prefix, out);
      return out;
    case "object":
      for (const [key, child] of Object.entries(def["shape"] as Record<string, z.ZodType>)) {
        out.set(`${prefix}${key}`, { required: defOf(child).optin === undefined });
        zodTree(child, `${prefix}${key}.`, out);
      }
      return out;
    default:
      return out;
  }
}

const decapFields = (collection: Collection) => {
  const decap = decapCollection(collection);
  const files = decap["files"] as DecapObject[] | undefined;
  return (files ? files[0]!["fields"] : decap["fields"]) as DecapObject[];
};

describe.each(collections.map((c) => [c.name, c] as const))("collection %s", (_name, collection) => {
  it("has the same field paths and required-ness in Decap and in the build schema", () => {
    const decap = decapTree(decapFields(collection));
    const schema = zodTree(collectionSchema(collection));
    const describe = (node?: { required: boolean }) => (node ? (node.required ? "required" : "optional") : "absent");
    const mismatches = [...new Set([...decap.keys(), ...schema.keys()])]
      .filter((key) => describe(decap.get(key)) !== describe(schema.get(key)))
      .map((key) => `${key}: Decap ${describe(decap.get(key))}, schema ${describe(schema.get(key))}`);
    expect(mismatches.join("\n")).toBe("");
    expect(decap.size).toBeGreaterThan(2);
  });
});

describe("a field Decap requires is rejected by the build when missing", async () => {
  const samples: [string, Collection, string][] = [
    ...folderCollections.map((c): [string, Collection, string] => [c.name, c, ""]),
    ["settings", settingsCollection, "content/settings/site.yml"],
  ];
  const demo: Record<string, string> = {
    consultations: "content/consultations/fr/plan-velo.md",
    news: "content/news/fr/lancement-plan-velo.md",
    events: "content/events/fr/balade-urbaine-velo.md",
    pages: "content/pages/fr/mentions-legales.md",
    settings: "content/settings/site.yml",
  };
  for (const [name, collection] of samples) {
    const file = demo[name]!;
    const text = await readFile(file, "utf8");
    const parsed = file.endsWith(".yml") ? parseYamlFile(text) : parseMarkdownFile(text);
    const raw = stripEmpty(parsed.body === undefined ? parsed.data : { ...parsed.data, body: parsed.body }) as Record<string, unknown>;
    it(`${name}: the demo entry is valid`, () => {
      expect(validateFile(collection, file, raw)).toMatchObject({ ok: true });
    });
    for (const field of decapFields(collection)) {
      const key = String(field["name"]);
      it(`${name}.${key}: ${field["required"] ? "required" : "optional"} in both`, () => {
        const { [key]: _removed, ...rest } = raw;
        if (field["required"]) {
          const result = validateFile(collection, file, rest);
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.issues).toContainEqual(expect.objectContaining({ file, path: [key], code: expect.stringMatching(/^(required|list_too_short)$/) }));
          }
        } else {
          // The schema alone: collection rules may still tie optional fields together (place or online link).
          expect(collectionSchema(collection).safeParse(rest).error?.issues).toBeUndefined();
        }
      });
    }
  }
});
