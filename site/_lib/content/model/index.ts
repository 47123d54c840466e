// The content model: every collection, declared once. Decap's config and the build schemas derive from it.
import { consultations } from "./consultations.ts";
import { events } from "./events.ts";
import type { Collection, FolderCollection } from "./fields.ts";
import { news } from "./news.ts";
import { pages } from "./pages.ts";
import { settings } from "./settings.ts";

export const folderCollections: readonly FolderCollection[] = [consultations, news, events, pages];
export const collections: readonly Collection[] = [settings, ...folderCollections];
export { settings as settingsCollection };
export type { Collection, FolderCollection, FileCollection, Field } from "./fields.ts";
