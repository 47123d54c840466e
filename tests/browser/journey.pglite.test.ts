import { journeySuite } from "./journey.ts";

journeySuite("PGlite", () => undefined);
