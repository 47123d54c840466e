import { fonts } from "../../branding/fonts.ts";
import { t } from "../../i18n/index.ts";
import { f, type FileCollection } from "./fields.ts";

const bilingual = (name: string, label: string, kind: "string" | "text", frRequired: boolean, hint?: string) =>
  f.object(name, label, {
    i18n: false,
    required: frRequired,
    ...(hint === undefined ? {} : { hint }),
    fields: [
      f[kind]("fr", "Français", { i18n: false, required: frRequired }),
      f[kind]("en", "English", { i18n: false, required: false }),
    ],
  });

const accessibility = f.object("accessibility", "Déclaration d'accessibilité (format RGAA)", {
  i18n: false,
  fields: [
    f.select("status", "État de conformité", {
      i18n: false,
      multiple: false,
      options: [
        { value: "totalement conforme", label: "Totalement conforme" },
        { value: "partiellement conforme", label: "Partiellement conforme" },
        { value: "non conforme", label: "Non conforme" },
      ],
    }),
    f.date("auditDate", "Date de l'audit", { i18n: false, required: false }),
    f.string("auditor", "Réalisé par", { i18n: false, required: false }),
    f.number("complianceRate", "Taux de conformité (%)", { i18n: false, required: false, min: 0, max: 100 }),
    f.markdown("nonCompliantContent", "Contenus non accessibles : non-conformités", { i18n: false }),
    f.markdown("derogations", "Dérogations pour charge disproportionnée", { i18n: false }),
    f.text("technologies", "Technologies utilisées", { i18n: false }),
    f.text("testEnvironment", "Environnement de test (agents utilisateurs, technologies d'assistance)", {
      i18n: false,
    }),
    f.string("contactEmail", "Adresse de contact (retour d'information)", { i18n: false, format: "email" }),
    f.string("contactForm", "Formulaire de contact (URL)", { i18n: false, required: false, format: "url" }),
    f.date("statementDate", "Date de la déclaration", { i18n: false }),
  ],
});

/**
 * A company that handles citizens' data for the commune (GDPR art. 28), listed on the privacy page under the
 * same role name as here (ui.privacy.roles.<role>, French and English).
 */
const processor = (role: "hosting" | "database" | "mail") =>
  f.object(role, t("fr", `ui.privacy.roles.${role}`), {
    i18n: false,
    fields: [
      f.string("name", "Prestataire", { i18n: false, hint: "Raison sociale, par exemple « Netlify, Inc. »" }),
      bilingual("region", "Où sont les données", "string", true, "Par exemple « Union européenne (Francfort, Allemagne) »"),
      bilingual(
        "transfers",
        "Transfert hors de l'Union européenne et garanties",
        "text",
        false,
        "Laisser vide si rien ne quitte l'Union européenne ; sinon le pays et la garantie (Data Privacy Framework, clauses contractuelles types de la Commission)",
      ),
    ],
  });

// Optional so that a settings file written before it still builds; Decap asks for every field once opened.
const privacy = f.object("privacy", "Données personnelles (page de confidentialité)", {
  i18n: false,
  required: false,
  hint: "Les sous-traitants et le lieu des données, affichés sur la page de confidentialité",
  fields: [
    f.object("processors", "Sous-traitants", {
      i18n: false,
      fields: [processor("hosting"), processor("database"), processor("mail")],
    }),
    f.string("dpoEmail", "Adresse du délégué à la protection des données (DPO)", { i18n: false, format: "email" }),
  ],
});

export const settings: FileCollection = {
  type: "file",
  name: "settings",
  label: "Réglages du site",
  file: "content/settings/site.yml",
  fields: [
    f.string("communeName", "Nom de la commune", { i18n: false }),
    f.string("baseUrl", "Adresse publique du site", {
      i18n: false,
      format: "url",
      hint: "Par exemple https://participer.ma-commune.fr, sans barre finale",
    }),
    f.image("logo", "Logo", { i18n: false, required: false }),
    f.media("favicon", "Icône d'onglet (favicon)", { i18n: false, required: false }),
    f.object("colors", "Couleurs", {
      i18n: false,
      hint: "Le site refuse une couleur qui rend un texte illisible (contraste WCAG AA)",
      fields: [
        f.color("primary", "Couleur principale", { i18n: false }),
        f.color("secondary", "Couleur secondaire", { i18n: false }),
      ],
    }),
    f.select("font", "Police", {
      i18n: false,
      multiple: false,
      required: false,
      options: fonts.map((font) => ({ value: font.id, label: font.label })),
      default: "system",
    }),
    f.objectList("headerLinks", "Liens de l'en-tête", {
      i18n: false,
      required: false,
      summary: "{{fields.label.fr}}",
      fields: [bilingual("label", "Intitulé", "string", true), f.string("url", "Lien", { i18n: false, format: "link", hint: "/page-du-site/ ou https://…" })],
    }),
    bilingual("footerText", "Texte du pied de page", "text", true),
    f.relation("legalNoticePage", "Page des mentions légales", { i18n: false, collection: "pages" }),
    f.relation("privacyPage", "Page de confidentialité", { i18n: false, collection: "pages" }),
    f.object("contact", "Contact", {
      i18n: false,
      fields: [
        f.string("email", "Adresse électronique", { i18n: false, format: "email" }),
        f.text("address", "Adresse postale", { i18n: false, required: false }),
        f.string("phone", "Téléphone", { i18n: false, required: false }),
      ],
    }),
    f.select("languages", "Langues du site", {
      i18n: false,
      multiple: true,
      options: [
        { value: "fr", label: "Français" },
        { value: "en", label: "English" },
      ],
      required: false,
      default: ["fr"],
      hint: "Le français est toujours publié",
    }),
    accessibility,
    privacy,
    f.string("mapStyleUrl", "Style de carte (URL)", {
      i18n: false,
      required: false,
      format: "url",
      hint: "Par exemple https://tiles.openfreemap.org/styles/liberty",
    }),
  ],
};
