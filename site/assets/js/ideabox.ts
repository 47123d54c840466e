// Bundle entry of the idea box (esbuild → /assets/js/ideabox.js): Alpine's CSP build plus the component.
import Alpine from "@alpinejs/csp";
import { ideaboxComponent } from "../../../templates/modules/ideabox/ideabox.client.ts";

// Directives are written `data-x-data`, `data-x-text`: plain `x-` attributes are not valid HTML (RGAA 8.2).
Alpine.prefix("data-x-");
Alpine.data("ideabox", ideaboxComponent);
Alpine.start();
