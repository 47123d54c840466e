// What the content loader hands to templates, scripts and functions, after validation.
// Content files live in content/<collection>/<lang>/<slug>.md (Decap i18n "multiple_folders"): the file name
// is the slug and the identity of an entry across languages; French is required, English optional.

import type { ModuleId } from "../modules/index.ts";
import type { ContentWarning } from "./errors.ts";

export type Lang = "fr" | "en";
export const langs: readonly Lang[] = ["fr", "en"];
export const defaultLang: Lang = "fr";

export interface Image {
  /** Path under the site root, e.g. /media/place.jpg (as Decap stores it). */
  src: string;
  alt: string;
}

/** Common to every entry of a folder collection, in one language. */
export interface Entry {
  collection: "consultations" | "news" | "events" | "pages";
  lang: Lang;
  slug: string;
  /** Public URL of this language version, e.g. /consultations/velo/ or /en/consultations/velo/. */
  url: string;
  /** URL of each existing language version of the same entry (includes this one). */
  translations: Partial<Record<Lang, string>>;
  /** Source file, relative to the project root, for error messages. */
  inputPath: string;
  title: string;
  /** Markdown source of the body. */
  body: string;
}

/**
 * A consultation's theme or district. `name` is French and is the key stored with every proposition and in the
 * database; `name_en`, authored beside it in the French file, is only shown, on English pages.
 */
export interface Term {
  name: string;
  name_en?: string;
}

export interface District extends Term {
  /** GeoJSON polygon drawn in Decap's map widget, parsed at build time. */
  polygon?: { type: "Polygon"; coordinates: number[][][] };
}

/** Per-phase settings of each active module, keyed by module id, named as in the module manifest. */
export type PhaseModules = Partial<Record<ModuleId, Record<string, boolean | number>>>;

export interface Phase {
  /** 0-based position in the consultation's ordered list. */
  position: number;
  title: string;
  /** Instants; authored as Europe/Paris wall-clock times. */
  start: Date;
  end: Date;
  description: string;
  modules: PhaseModules;
}

export interface Consultation extends Entry {
  collection: "consultations";
  summary: string;
  cover?: Image;
  themes: Term[];
  districts: District[];
  visibility: "public" | "unlisted";
  phases: Phase[];
}

export interface NewsArticle extends Entry {
  collection: "news";
  date: Date;
  summary?: string;
  image?: Image;
  /** Slug of a linked consultation. */
  consultation?: string;
}

export interface Event extends Entry {
  collection: "events";
  start: Date;
  end: Date;
  place?: string;
  onlineLink?: string;
  summary?: string;
  consultation?: string;
}

export interface Page extends Entry {
  collection: "pages";
  summary?: string;
}

export type FontChoice = string;

export interface SiteSettings {
  communeName: string;
  /** Public base URL used for canonical links and feeds, e.g. https://participer.example.fr */
  baseUrl: string;
  logo?: Image;
  favicon?: string;
  colors: { primary: string; secondary: string };
  font: FontChoice;
  headerLinks: { label: Partial<Record<Lang, string>>; url: string }[];
  footerText: Partial<Record<Lang, string>>;
  /** Slugs of static pages. */
  legalNoticePage: string;
  privacyPage: string;
  contact: { email: string; address?: string; phone?: string };
  languages: Lang[];
  accessibility: AccessibilityStatement;
  /** Processors and where data lives, for the privacy page; absent in settings written before it existed. */
  privacy?: PrivacySettings;
  /** Map tiles style URL (used by map modules later). */
  mapStyleUrl?: string;
}

/** A company that handles citizens' data for the commune (GDPR art. 28). */
export interface Processor {
  name: string;
  region: Partial<Record<Lang, string>>;
  /** The country and the safeguard when data leaves the European Union; absent or empty when it does not. */
  transfers?: Partial<Record<Lang, string>>;
}

export interface PrivacySettings {
  /** In the model's order, which the privacy page keeps; each key names the role (ui.privacy.roles.<key>). */
  processors: { hosting: Processor; database: Processor; mail: Processor };
  dpoEmail: string;
}

/** The RGAA accessibility statement, rendered in the official format. */
export interface AccessibilityStatement {
  status: "totalement conforme" | "partiellement conforme" | "non conforme";
  auditDate?: string;
  auditor?: string;
  complianceRate?: number;
  nonCompliantContent: string;
  derogations: string;
  technologies: string;
  testEnvironment: string;
  contactEmail: string;
  contactForm?: string;
  statementDate: string;
}

export interface ContentStore {
  settings: SiteSettings;
  /** What the build shows but the organizer should complete (a partial translation, a theme without English name). */
  warnings: ContentWarning[];
  consultations: Consultation[];
  news: NewsArticle[];
  events: Event[];
  pages: Page[];
}
