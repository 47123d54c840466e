// The content model: every collection, declared once. Decap's config and the build schemas derive from it.
import type { Collection } from "./fields.ts";
import { folderCollections } from "./folders.ts";
import { settings } from "./settings.ts";

export const collections: readonly Collection[] = [settings, ...folderCollections];
export { folderCollections, settings as settingsCollection };
export type { Collection, FolderCollection, FileCollection, Field } from "./fields.ts";
