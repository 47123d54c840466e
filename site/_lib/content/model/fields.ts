// A small declarative field language: each collection is described once with these fields, and the Decap CMS
// configuration (../decap.ts), the rules (../rules, run by the editor and the build) and the build-time zod
// schemas (../schemas.ts) all read it, so the editor and the validator cannot drift apart.

/**
 * Decap i18n mode of a field in a translated collection: `true` is translated per language, `"duplicate"` is
 * copied from French and not editable in English, `false` lives in the French file only. Decap accepts "duplicate" on scalar fields only, not on
 * lists and objects.
 */
export type I18nMode = true | "duplicate" | false;

interface Base {
  name: string;
  /** Label shown to organizers in Decap (the admin is in French). */
  label: string;
  hint?: string;
  required: boolean;
  i18n: I18nMode;
}

/** `link`: a path on this site or an http(s) URL. */
export type StringFormat = "email" | "url" | "slug" | "path" | "link";

export type Field =
  | (Base & { kind: "string"; format?: StringFormat })
  | (Base & { kind: "text" })
  | (Base & { kind: "markdown" })
  | (Base & { kind: "color" })
  /** Europe/Paris wall-clock date and time, stored as "YYYY-MM-DDTHH:mm", turned into an instant at build. */
  | (Base & { kind: "datetime" })
  /** Calendar day, stored as "YYYY-MM-DD". */
  | (Base & { kind: "date" })
  | (Base & { kind: "boolean"; default: boolean })
  | (Base & { kind: "integer"; default?: number; min?: number; max?: number })
  | (Base & { kind: "number"; default?: number; min?: number; max?: number })
  | (Base & { kind: "select"; options: readonly Option[]; multiple: boolean; default?: string | string[] })
  /** A media path chosen in Decap, e.g. /media/logo.svg. */
  | (Base & { kind: "media" })
  /** An image path with its alternative text, stored as { src, alt }. */
  | (Base & { kind: "image" })
  /** The slug of an entry of another folder collection. */
  | (Base & { kind: "relation"; collection: string })
  /** A GeoJSON geometry drawn in Decap's map widget, stored as a JSON string. */
  | (Base & { kind: "map"; geometry: "Polygon" })
  | (Base & { kind: "object"; fields: Field[] })
  | (Base & { kind: "list"; of: Field; min?: number })
  | (Base & { kind: "objectList"; fields: Field[]; min?: number; summary?: string })
  /** Decap "variable types" list: each item names its type in `typeKey`. */
  | (Base & { kind: "typedList"; typeKey: string; types: TypedListType[] });

/** The two parts of an `image` field, as the editor labels them. */
export const imageParts = {
  src: { label: "Image" },
  alt: { label: "Texte alternatif", hint: "Décrivez ce que montre l'image ; obligatoire si une image est choisie" },
} as const;

export interface Option {
  value: string;
  label: string;
}

export interface TypedListType {
  name: string;
  label: string;
  fields: Field[];
}

export type FieldKind = Field["kind"];

type Extra<K extends FieldKind> = Omit<Extract<Field, { kind: K }>, keyof Base | "kind">;
type Opts = Partial<Pick<Base, "hint" | "required" | "i18n">>;

/** Builds a field; fields are required and translated unless told otherwise. */
function make<K extends FieldKind>(kind: K) {
  return (name: string, label: string, extra: Extra<K> & Opts = {} as Extra<K> & Opts): Extract<Field, { kind: K }> => {
    const { hint, required = true, i18n = true, ...rest } = extra;
    return { kind, name, label, required, i18n, ...(hint === undefined ? {} : { hint }), ...rest } as Extract<
      Field,
      { kind: K }
    >;
  };
}

export const f = {
  string: make("string"),
  text: make("text"),
  markdown: make("markdown"),
  color: make("color"),
  datetime: make("datetime"),
  date: make("date"),
  boolean: make("boolean"),
  integer: make("integer"),
  number: make("number"),
  select: make("select"),
  media: make("media"),
  image: make("image"),
  relation: make("relation"),
  map: make("map"),
  object: make("object"),
  list: make("list"),
  objectList: make("objectList"),
  typedList: make("typedList"),
};

interface CollectionBase {
  name: string;
  label: string;
  fields: Field[];
}

/** A collection of Markdown entries, one folder per language: content/<name>/<lang>/<slug>.md. */
export interface FolderCollection extends CollectionBase {
  type: "folder";
  name: "consultations" | "news" | "events" | "pages";
  labelSingular: string;
  /** Field shown in Decap's list and used to build new slugs. */
  identifierField: string;
}

/** A single YAML file, not translated (bilingual values are explicit fields). */
export interface FileCollection extends CollectionBase {
  type: "file";
  /** Path from the project root. */
  file: string;
}

export type Collection = FolderCollection | FileCollection;
