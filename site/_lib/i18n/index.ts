// UI strings, one JSON file per namespace and language. Static imports (not fs reads) so that esbuild bundles
// them into the functions as well as the build. French is the reference: a key missing in English falls back.
import type { Lang } from "../content/types.ts";
import frUi from "./fr/ui.json" with { type: "json" };
import frErrors from "./fr/errors.json" with { type: "json" };
import frIdeabox from "./fr/ideabox.json" with { type: "json" };
import frAuth from "./fr/auth.json" with { type: "json" };
import frAccount from "./fr/account.json" with { type: "json" };
import frContent from "./fr/content.json" with { type: "json" };
import enUi from "./en/ui.json" with { type: "json" };
import enErrors from "./en/errors.json" with { type: "json" };
import enIdeabox from "./en/ideabox.json" with { type: "json" };
import enAuth from "./en/auth.json" with { type: "json" };
import enAccount from "./en/account.json" with { type: "json" };
import enContent from "./en/content.json" with { type: "json" };

type Tree = { [key: string]: string | Tree };

export const messages: Record<Lang, Tree> = {
  fr: { ui: frUi, errors: frErrors, ideabox: frIdeabox, auth: frAuth, account: frAccount, content: frContent },
  en: { ui: enUi, errors: enErrors, ideabox: enIdeabox, auth: enAuth, account: enAccount, content: enContent },
};

/** Every message of a tree by its dotted key ("ui.nav.home"). */
function flatten(tree: Tree, prefix = "", into = new Map<string, string>()): Map<string, string> {
  for (const [name, node] of Object.entries(tree)) {
    if (typeof node === "string") into.set(prefix + name, node);
    else flatten(node, `${prefix}${name}.`, into);
  }
  return into;
}

// Flattened once: a large site's build translates over a hundred thousand strings.
const flat: Record<Lang, Map<string, string>> = { fr: flatten(messages.fr), en: flatten(messages.en) };

/**
 * Translates `namespace.key` into `lang`, replacing `{name}` placeholders with `params`.
 * A key missing everywhere returns the key itself so that a gap is visible, never a crash.
 */
export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const template = flat[lang].get(key) ?? flat.fr.get(key) ?? key;
  if (!template.includes("{")) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** True when the key exists in French (the reference language); used by tests to find gaps. */
export function hasMessage(key: string): boolean {
  return flat.fr.has(key);
}
