import { f, type FolderCollection } from "./fields.ts";
import { phaseModuleTypes } from "./modules.ts";

const phase = f.objectList("phases", "Phases", {
  min: 1,
  summary: "{{fields.title}} ({{fields.start}} → {{fields.end}})",
  hint: "Dans l'ordre chronologique, sans chevauchement. Heures de Paris.",
  fields: [
    f.string("title", "Titre de la phase"),
    f.datetime("start", "Début", { i18n: "duplicate" }),
    f.datetime("end", "Fin", { i18n: "duplicate" }),
    f.markdown("description", "Description"),
    f.typedList("modules", "Modules de participation", {
      i18n: false,
      required: false,
      typeKey: "module",
      types: phaseModuleTypes(),
    }),
  ],
});

const englishName = f.string("name_en", "Nom en anglais", {
  i18n: false,
  required: false,
  hint: "Affiché sur les pages en anglais ; le nom français reste celui enregistré avec les propositions",
});

export const consultations: FolderCollection = {
  type: "folder",
  name: "consultations",
  label: "Consultations",
  labelSingular: "Consultation",
  identifierField: "title",
  fields: [
    f.string("title", "Titre"),
    f.text("summary", "Résumé", { hint: "Une ou deux phrases, reprises dans les listes et les moteurs de recherche" }),
    f.image("cover", "Image de couverture", { required: false }),
    // Themes and districts are stored under their French name with each proposition, so the English name is a
    // second field of the French file, not a translation (an English file holds no themes).
    f.objectList("themes", "Thèmes", {
      i18n: false,
      required: false,
      summary: "{{fields.name}}",
      fields: [f.string("name", "Nom", { i18n: false }), englishName],
    }),
    f.objectList("districts", "Quartiers", {
      i18n: false,
      required: false,
      summary: "{{fields.name}}",
      fields: [
        f.string("name", "Nom", { i18n: false }),
        englishName,
        f.map("polygon", "Périmètre", { i18n: false, required: false, geometry: "Polygon" }),
      ],
    }),
    f.select("visibility", "Visibilité", {
      i18n: "duplicate",
      multiple: false,
      options: [
        { value: "public", label: "Publique (listée)" },
        { value: "unlisted", label: "Non listée (accessible par son lien)" },
      ],
      required: false,
      default: "public",
    }),
    phase,
    f.markdown("body", "Présentation"),
  ],
};
