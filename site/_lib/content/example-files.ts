// The files of the rule examples, for the tests that write them (Node only): the demo file's data changed by
// the example, serialized back as Decap would store it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { parseMarkdownFile, parseYamlFile } from "./files.ts";
import { collections, type Collection } from "./model/index.ts";
import type { RuleExample } from "./rules/examples.ts";
import { stripEmpty, type Data } from "./rules/values.ts";

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

/** A content file's data as written (front matter plus `body`), before stripEmpty. */
export function readData(file: string): Data {
  const text = readFileSync(file, "utf8");
  const parsed = file.endsWith(".yml") ? parseYamlFile(text) : parseMarkdownFile(text);
  return parsed.body === undefined ? parsed.data : { ...parsed.data, body: parsed.body };
}

export function exampleFile(example: RuleExample, contentDir = "content"): ExampleFile {
  const data = readData(path.join(contentDir, example.from));
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
