import type { ModuleManifest } from "./manifest.ts";

// The idea box: citizens submit propositions, support them and comment on them.
export const ideabox = {
  id: "ideabox",
  label: { fr: "Boîte à idées", en: "Idea box" },
  actions: ["submit_proposition", "support_proposition", "withdraw_support", "comment_proposition"],
  globalSettings: {},
  phaseSettings: {
    submissions_open: {
      type: "boolean",
      default: true,
      label: { fr: "Dépôt de propositions ouvert", en: "Submissions open" },
    },
    supports_open: {
      type: "boolean",
      default: true,
      label: { fr: "Soutiens ouverts", en: "Supports open" },
    },
    comments_open: {
      type: "boolean",
      default: true,
      label: { fr: "Commentaires ouverts", en: "Comments open" },
    },
    max_propositions_per_citizen: {
      type: "integer",
      default: 3,
      min: 1,
      max: 100,
      label: { fr: "Propositions maximum par personne", en: "Max propositions per citizen" },
      hint: { fr: "Pour cette phase", en: "For this phase" },
    },
  },
} as const satisfies ModuleManifest;
