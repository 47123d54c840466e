// Decap CMS configuration generated from the content model (./model): the admin shows exactly the fields the
// build validates. Labels are French because the organizers are; English exists through Decap's i18n. No
// `pattern` here: the admin checks every field with the build's own rules (site/admin/rules), and a pattern
// would also fire, and block the save, from the English pane.
import { langs, defaultLang } from "./types.ts";
import { collections, type Collection, type Field } from "./model/index.ts";
import { routes } from "./routes.ts";

export type DecapObject = Record<string, unknown>;

function widget(field: Field, translated: boolean): DecapObject {
  const fields = (list: readonly Field[]) => list.map((child) => decapField(child, translated));
  switch (field.kind) {
    case "string":
    case "text":
    case "markdown":
      return { widget: field.kind };
    case "color":
      return { widget: "color", allowInput: true };
    case "datetime":
      // Stored without offset: the loader reads it as Europe/Paris wall-clock time.
      return { widget: "datetime", format: "YYYY-MM-DDTHH:mm", date_format: "DD/MM/YYYY", time_format: "HH:mm", picker_utc: false };
    case "date":
      return { widget: "datetime", format: "YYYY-MM-DD", date_format: "DD/MM/YYYY", time_format: false, picker_utc: false };
    case "boolean":
      return { widget: "boolean", default: field.default };
    case "integer":
    case "number":
      return {
        widget: "number",
        value_type: field.kind === "integer" ? "int" : "float",
        ...(field.min === undefined ? {} : { min: field.min }),
        ...(field.max === undefined ? {} : { max: field.max }),
        ...(field.default === undefined ? {} : { default: field.default }),
      };
    case "select":
      return {
        widget: "select",
        multiple: field.multiple,
        options: field.options.map(({ value, label }) => ({ value, label })),
        ...(field.default === undefined ? {} : { default: field.default }),
      };
    case "media":
      return { widget: "image", choose_url: false };
    case "image":
      return {
        widget: "object",
        collapsed: false,
        fields: [
          // Not "duplicate": Decap would copy the chosen picture into an English file nobody asked for; the
          // loader takes the French picture for every language.
          { name: "src", label: "Image", widget: "image", choose_url: false, required: field.required, ...(translated ? { i18n: false } : {}) },
          {
            name: "alt",
            label: "Texte alternatif",
            widget: "string",
            required: field.required,
            hint: "Décrivez ce que montre l'image ; obligatoire si une image est choisie",
            ...(translated ? { i18n: true } : {}),
          },
        ],
      };
    case "relation":
      return {
        widget: "relation",
        collection: field.collection,
        value_field: "{{slug}}",
        search_fields: ["title"],
        display_fields: ["title"],
      };
    case "map":
      return { widget: "map", type: field.geometry };
    case "object":
      return { widget: "object", fields: fields(field.fields) };
    case "list":
      return { widget: "list", field: decapField(field.of, translated), ...(field.min ? { min: field.min } : {}) };
    case "objectList":
      return {
        widget: "list",
        fields: fields(field.fields),
        ...(field.summary ? { summary: field.summary } : {}),
        ...(field.min ? { min: field.min } : {}),
      };
    case "typedList":
      return {
        widget: "list",
        typeKey: field.typeKey,
        types: field.types.map((type) => ({ name: type.name, label: type.label, widget: "object", fields: fields(type.fields) })),
      };
  }
}

/** One Decap field; `translated` says whether the collection uses i18n (then each field says how). */
export function decapField(field: Field, translated: boolean): DecapObject {
  return {
    name: field.name,
    label: field.label,
    required: field.required,
    ...(field.hint ? { hint: field.hint } : {}),
    ...(translated && field.i18n !== false ? { i18n: field.i18n } : {}),
    ...widget(field, translated),
  };
}

const sortable: Partial<Record<string, string[]>> = { news: ["date", "title"], events: ["start", "title"] };

export function decapCollection(collection: Collection): DecapObject {
  if (collection.type === "file") {
    return {
      name: collection.name,
      label: collection.label,
      editor: { preview: false },
      files: [
        {
          name: "site",
          label: collection.label,
          file: collection.file,
          fields: collection.fields.map((field) => decapField(field, false)),
        },
      ],
    };
  }
  return {
    name: collection.name,
    label: collection.label,
    label_singular: collection.labelSingular,
    folder: `content/${collection.name}`,
    create: true,
    format: "frontmatter",
    extension: "md",
    slug: "{{slug}}",
    identifier_field: collection.identifierField,
    summary: `{{${collection.identifierField}}}`,
    preview_path: `${routes[collection.name][defaultLang].slice(1)}{{slug}}/`,
    ...(sortable[collection.name] ? { sortable_fields: sortable[collection.name] } : {}),
    i18n: true,
    fields: collection.fields.map((field) => decapField(field, true)),
  };
}

export interface DecapOptions {
  /** Decap backend object (github with an OAuth endpoint, gitlab with PKCE…). */
  backend: DecapObject;
  /** Use decap-server (npx decap-server, port 8081) on the organizer's machine. */
  localBackend: boolean;
  siteUrl?: string;
}

/** The whole Decap configuration, passed to CMS.init({ config }) (no config.yml to fetch). */
export function decapConfig(options: DecapOptions): DecapObject {
  return {
    load_config_file: false,
    backend: options.backend,
    ...(options.localBackend ? { local_backend: true } : {}),
    locale: "fr",
    ...(options.siteUrl ? { site_url: options.siteUrl, display_url: options.siteUrl } : {}),
    media_folder: "content/media",
    public_folder: "/media",
    // Slugs become URLs and file names: ASCII only, accents folded (é → e).
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    i18n: { structure: "multiple_folders", locales: [...langs], default_locale: defaultLang },
    collections: collections.map(decapCollection),
  };
}
