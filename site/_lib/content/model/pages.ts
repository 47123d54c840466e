import { f, type FolderCollection } from "./fields.ts";

export const pages: FolderCollection = {
  type: "folder",
  name: "pages",
  label: "Pages",
  labelSingular: "Page",
  identifierField: "title",
  fields: [
    f.string("title", "Titre"),
    f.text("summary", "Résumé", { required: false }),
    f.markdown("body", "Texte"),
  ],
};
