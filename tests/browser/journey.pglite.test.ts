import { journeySuite } from "./journey.ts";

// The keyboard check does not depend on the database: it runs here only.
journeySuite("PGlite", () => undefined, { keyboard: true });
