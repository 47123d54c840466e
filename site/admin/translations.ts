// Decap writes a file for every locale of an entry it saves, as soon as that locale holds any data: the GitHub
// backend and decap-server read a missing English file as an empty one, Decap then fills in the "duplicate"
// fields from French, and the first save of a French-only entry created an English file of copied values
// (issue 8). The configured backend is wrapped so that it never writes a translation without translated text;
// the build ignores such a file anyway (site/_lib/content/translate.ts). An English file that exists is kept
// as it was if a translator empties it: delete it in the repository to withdraw a translation.
import type { CmsConfig } from "decap-cms-core";
import { fileData, parseMarkdownFile } from "../_lib/content/files.ts";
import { folderCollections } from "../_lib/content/model/folders.ts";
import { isTranslated } from "../_lib/content/translate.ts";
import { defaultLang } from "../_lib/content/types.ts";

export interface DataFile {
  path: string;
  raw: string;
}

/** content/<collection>/<lang>/<slug>.md, as the generated config's folders (site/_lib/content/decap.ts) say. */
const localeFile = /^content\/([^/]+)\/([^/]+)\/[^/]+\.md$/;

/** Whether a file Decap is about to write is anything but a translation without translated text. */
export function worthWriting(file: DataFile): boolean {
  const [, name, lang] = localeFile.exec(file.path) ?? [];
  const collection = folderCollections.find((candidate) => candidate.name === name);
  if (!collection || lang === defaultLang) return true;
  try {
    return isTranslated(collection.fields, fileData(parseMarkdownFile(file.raw)));
  } catch {
    return true; // not ours to judge: Decap wrote it, the build will say what is wrong
  }
}

interface BackendImplementation {
  persistEntry(entry: { dataFiles: DataFile[] }, options: unknown): Promise<unknown>;
}

interface Registry {
  getBackend(name: string): { init: (...args: any[]) => unknown } | undefined;
}

/** The backends this configuration uses: its own, and Decap's proxy when it talks to decap-server. */
export function configuredBackends(config: CmsConfig): string[] {
  return [config.backend.name, ...(config.local_backend ? ["proxy"] : [])];
}

/** Wraps each named backend (CMS.getBackend returns the registry's own record) before CMS.init. */
export function skipUntranslatedFiles(cms: Registry, names: string[]): void {
  for (const name of names) {
    const backend = cms.getBackend(name);
    if (!backend) continue;
    const init = backend.init;
    backend.init = (...args: unknown[]) => {
      const implementation = init(...args) as BackendImplementation;
      const persistEntry = implementation.persistEntry.bind(implementation);
      implementation.persistEntry = (entry, options) => persistEntry({ ...entry, dataFiles: entry.dataFiles.filter(worthWriting) }, options);
      return implementation;
    };
  }
}
