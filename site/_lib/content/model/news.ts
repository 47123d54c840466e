import { f, type FolderCollection } from "./fields.ts";

export const news: FolderCollection = {
  type: "folder",
  name: "news",
  label: "Actualités",
  labelSingular: "Actualité",
  identifierField: "title",
  fields: [
    f.string("title", "Titre"),
    f.date("date", "Date de publication", { i18n: "duplicate" }),
    f.text("summary", "Résumé", { required: false }),
    f.image("image", "Image", { required: false }),
    f.relation("consultation", "Consultation liée", { i18n: "duplicate", required: false, collection: "consultations" }),
    f.markdown("body", "Texte"),
  ],
};
