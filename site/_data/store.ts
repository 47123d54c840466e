// Every content file, validated against the content model: `store.settings`, `store.consultations`, …
// (Not named `content`: Eleventy reserves that name for the rendered page in layouts.)
// Runs again on each watch rebuild (see site/_config/data.ts), so edits in content/ show up.
import { loadBuildContent } from "../_config/content.ts";
import type { DataContext } from "../_config/data.ts";

export default (context: DataContext) => loadBuildContent(context);
