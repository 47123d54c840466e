// What a citizen may send about their own account. The name's rules mirror private.is_display_name (SQL) so
// the form can name the fault; the database stays the final judge.
import { z } from "zod";

export const displayNameMaxLength = 60;

/** Control, zero-width and bidirectional-override characters: they could hide or disguise a name. */
const invisible = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** An empty name (or null from JSON) clears it: the citizen signs « Une personne » again. */
export const displayNameInput = z.object({
  display_name: z
    .string()
    .trim()
    .max(displayNameMaxLength)
    .refine((name) => !invisible.test(name))
    .nullable()
    .transform((name) => name || null),
});

/** Erasing an account by POST needs the ticked "I understand" box; DELETE (fetch) confirms in its own UI. */
export const eraseInput = z.object({ action: z.literal("delete"), confirm: z.literal("yes") });
