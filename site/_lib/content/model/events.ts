import { f, type FolderCollection } from "./fields.ts";

export const events: FolderCollection = {
  type: "folder",
  name: "events",
  label: "Agenda",
  labelSingular: "Événement",
  identifierField: "title",
  fields: [
    f.string("title", "Titre"),
    f.datetime("start", "Début", { i18n: "duplicate" }),
    f.datetime("end", "Fin", { i18n: "duplicate" }),
    f.string("place", "Lieu", { required: false }),
    f.string("onlineLink", "Lien de participation en ligne", { i18n: "duplicate", required: false, format: "url" }),
    f.text("summary", "Résumé", { required: false }),
    f.relation("consultation", "Consultation liée", { i18n: "duplicate", required: false, collection: "consultations" }),
    f.markdown("body", "Description"),
  ],
};
