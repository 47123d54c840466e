import { modules } from "../../modules/index.ts";
import type { ModuleManifest, SettingDeclaration } from "../../modules/manifest.ts";
import { f, type Field, type TypedListType } from "./fields.ts";

function settingField(name: string, setting: SettingDeclaration): Field {
  const common = { i18n: false as const, required: false, ...(setting.hint ? { hint: setting.hint.fr } : {}) };
  if (setting.type === "boolean") {
    return f.boolean(name, setting.label.fr, { ...common, default: Boolean(setting.default) });
  }
  return f.integer(name, setting.label.fr, {
    ...common,
    default: Number(setting.default),
    ...(setting.min === undefined ? {} : { min: setting.min }),
    ...(setting.max === undefined ? {} : { max: setting.max }),
  });
}

/** One Decap list type per module manifest, so a newly registered module appears in the phase editor. */
export function phaseModuleTypes(manifests: readonly ModuleManifest[] = Object.values(modules)): TypedListType[] {
  return manifests.map((manifest) => ({
    name: manifest.id,
    label: manifest.label.fr,
    fields: Object.entries(manifest.phaseSettings).map(([name, setting]) => settingField(name, setting)),
  }));
}
