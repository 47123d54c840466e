// The Decap CMS admin: the npm build with React 19, configured from the generated content model, every widget
// checked by the content rules before a save. The configuration and the model are inlined at bundle time (see
// build.ts), so the browser fetches no config.yml.
import CMS from "decap-cms-app";
import type { CmsConfig } from "decap-cms-core";
import { fr } from "decap-cms-locales";
import { registerRules, type DecapRegistry } from "./rules/register.ts";
import { configuredBackends, skipUntranslatedFiles } from "./translations.ts";

declare const PARLONS_DECAP_CONFIG: CmsConfig;

CMS.registerLocale("fr", fr);
skipUntranslatedFiles(CMS, configuredBackends(PARLONS_DECAP_CONFIG));
registerRules(CMS as unknown as DecapRegistry, PARLONS_DECAP_CONFIG);
CMS.init({ config: PARLONS_DECAP_CONFIG });
