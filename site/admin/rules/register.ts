// Puts the content rules into Decap: every widget the configuration uses is re-registered under its own name
// with a control that validates itself with the rules (control.ts), and the preSave event re-checks the whole
// entry (draft.ts). Decap's own checks (required, pattern, min/max) no longer run: one source of rules.
import type { ComponentClass } from "react";
import { ruledControl } from "./control.ts";
import { refuseInvalidDraft, type ImmutableMap } from "./draft.ts";

interface RegisteredWidget {
  control: ComponentClass;
  preview?: unknown;
  [option: string]: unknown;
}

/** The slice of Decap's CMS object this needs. */
export interface DecapRegistry {
  getWidget(name: string): unknown;
  registerWidget(widget: Record<string, unknown>): void;
  registerEventListener(listener: { name: "preSave"; handler: (event: { entry: ImmutableMap }) => unknown }): void;
}

/** Widget names used anywhere in the configuration's collections. */
export function widgetNames(config: unknown): Set<string> {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record["widget"] === "string") names.add(record["widget"]);
    for (const key of ["collections", "files", "fields", "field", "types"]) walk(record[key]);
  };
  walk(config);
  return names;
}

export function registerRules(cms: DecapRegistry, config: unknown): void {
  for (const name of widgetNames(config)) {
    const widget = cms.getWidget(name) as RegisteredWidget | undefined;
    if (!widget) throw new Error(`Decap has no "${name}" widget to wrap`);
    const { control, preview, ...options } = widget;
    cms.registerWidget({ ...options, name, controlComponent: ruledControl(control, { relation: name === "relation", container: name === "list" || name === "object" }), previewComponent: preview });
  }
  cms.registerEventListener({ name: "preSave", handler: refuseInvalidDraft });
}
