// The files of the rule examples, for the tests that write them (Node only): the demo file's data changed by
// the example, serialized back as Decap would store it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { parseMarkdownFile, parseYamlFile } from "../files.ts";
import { collections, type Collection } from "../model/index.ts";
import type { RuleExample } from "./examples.ts";
import { stripEmpty, type Data } from "./values.ts";

export interface ExampleFile {
  collection: Collection;
  /** Path under content/. */
  file: string;
  /** The file's new text. */
  text: string;
  /** What rules read: the changed data through stripEmpty. */
  data: Data;
  /** The entry's slug (its file name), for folder collections. */
  slug: string | undefined;
}

export function collectionOfFile(file: string): Collection {
  const name = file.startsWith("settings/") ? "settings" : file.split("/")[0];
  const collection = collections.find((candidate) => candidate.name === name);
  if (!collection) throw new Error(`no collection for ${file}`);
  return collection;
}

export function serialize(file: string, data: Data): string {
  if (file.endsWith(".yml")) return stringify(data);
  const { body, ...front } = data;
  return `---\n${stringify(front)}---\n${typeof body === "string" ? body : ""}\n`;
}

export function exampleFile(example: RuleExample, contentDir = "content"): ExampleFile {
  const text = readFileSync(path.join(contentDir, example.from), "utf8");
  const parsed = example.from.endsWith(".yml") ? parseYamlFile(text) : parseMarkdownFile(text);
  const data: Data = structuredClone(parsed.body === undefined ? parsed.data : { ...parsed.data, body: parsed.body });
  example.edit(data);
  const file = example.as ?? example.from;
  const collection = collectionOfFile(file);
  return {
    collection,
    file,
    text: serialize(file, data),
    data: stripEmpty(data) as Data,
    slug: collection.type === "folder" ? path.basename(file, ".md") : undefined,
  };
}
