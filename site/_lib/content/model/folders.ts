// The translated collections (one Markdown file per language), apart from the settings: the admin bundle needs
// them in the browser, where the settings model cannot go (its font list reads files).
import { consultations } from "./consultations.ts";
import { events } from "./events.ts";
import type { FolderCollection } from "./fields.ts";
import { news } from "./news.ts";
import { pages } from "./pages.ts";

export const folderCollections: readonly FolderCollection[] = [consultations, news, events, pages];
