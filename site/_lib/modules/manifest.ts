// The shape of a participation module declaration. One declaration per module drives the content schema,
// the Decap phase editor, the SQL checks (settings are stored under the same names) and the templates.

export type SettingType = "boolean" | "integer";

export interface SettingDeclaration {
  type: SettingType;
  default: boolean | number;
  /** Inclusive bounds for integers. */
  min?: number;
  max?: number;
  label: { fr: string; en: string };
  hint?: { fr: string; en: string };
}

export interface ModuleManifest {
  /** One name everywhere: content, templates, functions, SQL, tests. Lowercase letters only. */
  id: string;
  label: { fr: string; en: string };
  /** Citizen actions the module offers; each maps to one SQL function. */
  actions: readonly string[];
  /** Settings that hold for the whole consultation. */
  globalSettings: Readonly<Record<string, SettingDeclaration>>;
  /** Settings chosen for each phase where the module is active. */
  phaseSettings: Readonly<Record<string, SettingDeclaration>>;
}
