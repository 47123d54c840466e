// decap-cms-locales ships no types; Parlons only registers the French phrases.
declare module "decap-cms-locales" {
  export const fr: Record<string, unknown>;
}
