import { ideabox } from "./ideabox.ts";
import type { ModuleManifest } from "./manifest.ts";

/** Every participation module, by id. Adding a module means adding its manifest here. */
export const modules = { ideabox } as const satisfies Record<string, ModuleManifest>;

export type ModuleId = keyof typeof modules;
export const moduleIds = Object.keys(modules) as ModuleId[];
