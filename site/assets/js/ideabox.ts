// Bundle entry of the idea box (esbuild → /assets/js/ideabox.js): Alpine's CSP build plus the component.
import Alpine from "@alpinejs/csp";
import { ideaboxComponent } from "../../../templates/modules/ideabox/ideabox.client.ts";

Alpine.data("ideabox", ideaboxComponent);
Alpine.start();
